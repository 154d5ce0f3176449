package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.port.ScenarioReport.Reason;
import io.arfollowup.testing.data.TestData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunScenarioTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 5);
    private final DunningFixture d = new DunningFixture();

    @Test
    void oneEmailPerCustomer_listsEveryDueItemAtTheHighestStepReached_withAReplyTokenAndTheWebLink() {
        d.customer("C001", 20, "FA-1", "FA-2");
        d.f.items.put(TestData.anInvoice("C001", "FA-3").due(TODAY.plusDays(20)).build()); // not due yet
        d.customer("C002", 8, "FA-9");

        ScenarioReport report = d.runScenario();

        assertThat(d.f.mailer.sent()).hasSize(2);
        ScenarioReport.Sent c1 = report.sent().stream().filter(s -> s.customerId().equals("C001")).findFirst()
                .orElseThrow();
        assertThat(c1.stepId()).isEqualTo("second-reminder"); // 20 days late: D+15 reached
        assertThat(c1.items()).containsExactly("FA-1", "FA-2");
        OutgoingEmail mail = d.f.mailer.sent().stream().filter(m -> m.subject().contains("second-reminder"))
                .findFirst().orElseThrow();
        assertThat(mail.to()).containsExactly("compta@fournil.example");
        assertThat(mail.subject()).startsWith("[FR]"); // the customer's language
        assertThat(mail.replyTo()).matches("reply\\+[a-z2-7]{20}@inbound\\.atelier-lumen\\.example");
        assertThat(mail.feedbackForwardingAddress()).isEqualTo(mail.replyTo());
        String token = mail.replyTo().substring(6, 26);
        assertThat(d.f.tokens.find(token)).hasValueSatisfying(t -> {
            assertThat(t.customerId()).isEqualTo("C001");
            assertThat(mail.messageId()).contains(t.reminderId());
        });
        assertThat(report.sent()).filteredOn(s -> s.customerId().equals("C002")).singleElement()
                .satisfies(s -> assertThat(s.stepId()).isEqualTo("first-reminder"));
        assertThat(d.f.items.progress("C001", "FA-1").lastOffset()).isEqualTo(15);
        assertThat(d.f.items.progress("C001", "FA-3").lastOffset()).isNull();
        assertThat(d.scenarioLedger.nextDay("C001")).contains(TODAY.plusDays(10)); // FA-1/2 reach D+30
        assertThat(d.team.scenarioRuns).hasSize(1);
    }

    @Test
    void theWebLinkAndTheNettedTotal_reachTheTemplate() {
        Customer c = d.customer("C001", 20, "FA-1");
        d.f.items.put(TestData.anInvoice("C001", "AV-1").amount("-200.00").creditNote().due(TODAY.minusDays(40))
                .build());
        RunScenario run = d.scenario();
        java.util.List<java.util.Map<String, Object>> models = new java.util.ArrayList<>();
        RunScenario capturing = new RunScenario(d.steps, d.scenarioLedger, d.f.items, d.f.customers, d.f.rules,
                (t, l, m) -> {
                    models.add(m);
                    return d.f.renderer.render(t, l, m);
                }, d.f.mailer, d.f.tokens, d.f.replyAddresses,
                (cu, r) -> "https://pay.example/r/" + cu.id(), d.f.outbound, d.holds(), null, null, d.f.audit,
                d.f.clock, DunningFixture.PARIS);

        capturing.handle(RunScenario.Command.today());

        assertThat(run).isNotNull();
        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.get("total")).isEqualTo("1 000,00"); // 1 200,00 − 200,00, French format
            assertThat(m.get("hasCreditNotes")).isEqualTo(true);
            assertThat(m.get("webLink")).isEqualTo("https://pay.example/r/" + c.id());
            assertThat(m.get("customerName")).isEqualTo(c.name());
        });
    }

    @Test
    void runTwiceTheSameDay_sendsOneEmailPerCustomer() {
        d.customer("C001", 20, "FA-1");
        d.runScenario();

        d.scenarioLedger.next("C001", TODAY); // even if the index still named the customer
        d.f.items.put(TestData.anInvoice("C001", "FA-2").due(TODAY.minusDays(40)).build()); // and something new came
        ScenarioReport second = d.runScenario();

        assertThat(d.f.mailer.sent()).hasSize(1);
        assertThat(second.sent()).isEmpty();
        assertThat(second.skipped()).extracting(ScenarioReport.Skipped::reason)
                .containsExactly(Reason.ALREADY_REMINDED_TODAY);
    }

    @Test
    void aMissedDay_isCaughtUpTheNextRun() {
        d.customer("C001", 5, "FA-1"); // due 5 days ago: the D-3 courtesy step is reached
        d.runScenario();
        assertThat(d.scenarioLedger.nextDay("C001")).contains(TODAY.plusDays(2)); // D+7

        d.advance(Duration.ofDays(3)); // no run on D+7 (the scheduler or AWS was down)
        ScenarioReport late = d.runScenario();

        assertThat(late.sent()).singleElement().satisfies(s -> assertThat(s.stepId()).isEqualTo("first-reminder"));
        assertThat(d.f.mailer.sent()).hasSize(2);
        d.advance(Duration.ofDays(1));
        assertThat(d.runScenario().sent()).isEmpty(); // and nothing twice
    }

    @Test
    void heldItems_areSkipped_andTheOthersStillGo() {
        Customer c = d.customer("C001", 20, "FA-1", "FA-2");
        d.f.storedResponse("em-1", c, List.of("FA-1"));
        d.qualify("em-1", 1, "ADMIN_DISPUTE", null, false, "FA-1");

        ScenarioReport report = d.runScenario();

        assertThat(report.sent()).singleElement().satisfies(s -> assertThat(s.items()).containsExactly("FA-2"));
        assertThat(report.skipped()).singleElement().satisfies(s -> {
            assertThat(s.itemNumber()).isEqualTo("FA-1");
            assertThat(s.reason()).isEqualTo(Reason.HELD);
            assertThat(s.detail()).isEqualTo("ADMIN_DISPUTE until 2026-01-04");
        });
    }

    @Test
    void everyItemHeld_sendsNothing_andTheCustomerComesBackWhenTheHoldExpires() {
        Customer c = d.customer("C001", 20, "FA-1");
        d.f.storedResponse("em-1", c, List.of("FA-1"));
        d.qualify("em-1", 1, "ADMIN_DISPUTE", null, false, "FA-1");

        assertThat(d.runScenario().sent()).isEmpty();
        assertThat(d.scenarioLedger.nextDay("C001")).contains(LocalDate.of(2026, 1, 4));

        d.advance(Duration.ofDays(61));
        ScenarioReport after = d.runScenario();

        assertThat(after.sent()).singleElement().satisfies(s -> assertThat(s.stepId()).isEqualTo("formal-notice"));
        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().hold()).isNull();
        assertThat(d.f.audit.history("C001", "FA-1", 50)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("hold");
            assertThat(e.cause()).isEqualTo("hold expired");
        });
    }

    @Test
    void paidItems_areNotListed() {
        d.customer("C001", 20, "FA-1", "FA-2");
        d.pay("C001", "FA-1");

        assertThat(d.runScenario().sent()).singleElement().satisfies(s -> assertThat(s.items())
                .containsExactly("FA-2"));
    }

    @Test
    void creditNotesThatCoverTheBalance_sendNothing() {
        d.customer("C001", 20, "FA-1");
        d.f.items.put(TestData.anInvoice("C001", "AV-1").amount("-1500.00").creditNote().build());

        ScenarioReport report = d.runScenario();

        assertThat(report.sent()).isEmpty();
        assertThat(report.skipped()).extracting(ScenarioReport.Skipped::reason)
                .containsExactly(Reason.BALANCE_COVERED);
    }

    @Test
    void aCustomerWith200Items_getsOneEmail_fromOneReadOfItsItems() {
        Customer c = TestData.aCustomer().id("C200").build();
        d.f.customers.put(c);
        for (int i = 0; i < 200; i++) {
            Item item = TestData.anInvoice("C200", String.format("FA-%03d", i)).due(TODAY.minusDays(10 + i % 30))
                    .build();
            d.f.items.put(item);
        }
        d.scenarioLedger.noLaterThan("C200", TODAY.minusDays(100));

        ScenarioReport report = d.runScenario();

        assertThat(d.f.mailer.sent()).hasSize(1);
        assertThat(report.sent()).singleElement().satisfies(s -> assertThat(s.items()).hasSize(200));
        assertThat(d.f.items.scenarioItemsCalls()).isEqualTo(1);
    }

    @Test
    void aBudget_stopsTheRunWithAContinuation_andTheNextRunGoesOn() {
        d.customer("C001", 20, "FA-1");
        d.customer("C002", 20, "FA-2");
        d.customer("C003", 20, "FA-3");

        ScenarioReport first = d.scenario().handle(new RunScenario.Command(null, null, 2));
        assertThat(first.sent()).hasSize(2);
        assertThat(first.continuation()).isNotNull();

        ScenarioReport rest = d.scenario().handle(new RunScenario.Command(null, first.continuation(), 2));
        assertThat(rest.sent()).extracting(ScenarioReport.Sent::customerId).containsExactly("C003");
        assertThat(rest.continuation()).isNull();
    }

    @Test
    void aCustomerWithoutAWorkingContact_isReported() {
        Customer c = new Customer("C009", "Sans Contact", null, null, null, List.of(), null, null);
        d.f.customers.put(c);
        d.f.items.put(TestData.anInvoice("C009", "FA-9").build());
        d.scenarioLedger.noLaterThan("C009", TODAY);

        assertThat(d.runScenario().skipped()).extracting(ScenarioReport.Skipped::reason)
                .containsExactly(Reason.NO_CONTACT);
    }
}
