package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseSource;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.domain.PromiseStats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromiseCheckTest {

    private static final LocalDate FRIDAY_14 = LocalDate.of(2025, 11, 14);
    private final DunningFixture d = new DunningFixture();

    private FollowUp promised(String... items) {
        Customer c = d.customer("C001", 20, items);
        d.f.storedResponse("em-1", c, List.of(items));
        return d.qualify("em-1", 1, "PAYMENT_PROMISE", FRIDAY_14, false, items).followUps().get(0);
    }

    private Promise promise(FollowUp fu) {
        return d.promises.get("C001", PromiseCheck.promiseIdFor(fu.id())).orElseThrow();
    }

    private RunFollowUp.Result check(FollowUp fu) {
        d.f.now.set(fu.due());
        return d.runner().handle(new RunFollowUp.Command(fu.id()));
    }

    @Test
    void qualifyingAPromise_createsAnOpenPromise_checkedTheBusinessDayAfter_andHoldsTheItemsUntilThen() {
        FollowUp fu = promised("FA-1", "FA-2");

        Promise p = promise(fu);
        assertThat(p.state()).isEqualTo(PromiseState.OPEN);
        assertThat(p.itemNumbers()).containsExactly("FA-1", "FA-2");
        assertThat(p.promisedDate()).isEqualTo(FRIDAY_14);
        assertThat(p.checkDate()).isEqualTo(LocalDate.of(2025, 11, 17)); // Monday
        assertThat(p.amount()).isEqualByComparingTo("2400.00");
        assertThat(p.source()).isEqualTo(PromiseSource.EMAIL);
        assertThat(p.collector()).isEqualTo("U0COLLECT1");
        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().hold().reason()).isEqualTo("PAYMENT_PROMISE");
        assertThat(d.f.audit.history("C001", "FA-1", 50)).extracting(ItemEvent::field)
                .contains("status", "hold", "promise");
    }

    @Test
    void everyItemPaid_keepsThePromise_withoutAnyCardOrEmail() {
        FollowUp fu = promised("FA-1");
        d.pay("C001", "FA-1");

        RunFollowUp.Result r = check(fu);

        assertThat(r.status()).isEqualTo(RunFollowUp.Status.DONE);
        assertThat(r.detail()).startsWith("promise kept");
        assertThat(promise(fu).state()).isEqualTo(PromiseState.KEPT);
        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().status()).isEqualTo("PROMISE_KEPT");
        assertThat(d.f.chat.followUpCards).isEmpty();
        assertThat(d.f.mailer.sent()).isEmpty();
        assertThat(d.team.brokenPromises).isEmpty();
    }

    @Test
    void unpaid_breaksThePromise_releasesTheHold_alertsTheOwner_andPlansTheBrokenPromiseFollowUp() {
        FollowUp fu = promised("FA-1");
        d.scenarioLedger.next("C001", LocalDate.of(2025, 12, 1)); // out of the scenario while held

        RunFollowUp.Result r = check(fu);

        assertThat(r.detail()).startsWith("promise broken: FA-1 unpaid");
        assertThat(promise(fu).state()).isEqualTo(PromiseState.BROKEN);
        var item = d.f.items.get("C001", "FA-1").orElseThrow();
        assertThat(item.status()).isEqualTo("PROMISE_BROKEN");
        assertThat(item.hold()).isNull();
        assertThat(d.scenarioLedger.nextDay("C001")).contains(LocalDate.of(2025, 11, 17)); // the chase resumes today
        assertThat(d.team.brokenPromises).containsExactly("U0OWNER " + promise(fu).id());
        FollowUp next = d.f.followUps.all().stream().filter(f -> f.statusCode().equals("PROMISE_BROKEN"))
                .findFirst().orElseThrow();
        assertThat(next.state()).isEqualTo(FollowUpState.PLANNED);
        assertThat(next.itemNumbers()).containsExactly("FA-1");
        assertThat(next.owner()).isEqualTo("U0OWNER");
        assertThat(d.f.scheduler.schedules()).containsKey(next.scheduleName());
        assertThat(d.f.followUps.get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
        assertThat(d.f.audit.history("C001", "FA-1", 50)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("hold");
            assertThat(e.after()).isNull();
        });

        // the scenario picks the item up again the same day
        var report = d.runScenario();
        assertThat(report.sent()).singleElement().satisfies(s -> assertThat(s.items()).containsExactly("FA-1"));
    }

    @Test
    void theRunnersCheck_readsTheOpenItemsOnce_andClaimsTheAlertWithTheSettlement() {
        FollowUp fu = promised("FA-1");
        int before = d.f.items.openItemsCalls();

        RunFollowUp.Result r = check(fu);

        assertThat(r.detail()).startsWith("promise broken: FA-1 unpaid");
        // the runner's one read serves the guard (DESIGN §11: runner ≤ 6 calls); none of its own
        assertThat(d.f.items.openItemsCalls() - before).isEqualTo(1);
        assertThat(promise(fu).ownerAlerted()).isTrue();
        assertThat(d.team.brokenPromises).containsExactly("U0OWNER " + promise(fu).id());
    }

    @Test
    void partlyPaid_keepsThePaidItems_andBreaksTheRest() {
        FollowUp fu = promised("FA-1", "FA-2");
        d.pay("C001", "FA-1");

        RunFollowUp.Result r = check(fu);

        assertThat(r.detail()).contains("partly kept: FA-1 paid").contains("FA-2 unpaid");
        Promise p = promise(fu);
        assertThat(p.state()).isEqualTo(PromiseState.BROKEN);
        assertThat(p.keptItems()).containsExactly("FA-1");
        assertThat(p.brokenItems()).containsExactly("FA-2");
        assertThat(p.partlyKept()).isTrue();
        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().status()).isEqualTo("PROMISE_KEPT");
        assertThat(d.f.items.get("C001", "FA-2").orElseThrow().status()).isEqualTo("PROMISE_BROKEN");
        assertThat(d.f.followUps.all()).filteredOn(f -> f.statusCode().equals("PROMISE_BROKEN"))
                .singleElement().satisfies(f -> assertThat(f.itemNumbers()).containsExactly("FA-2"));
        assertThat(PromiseStats.of(d.promises.ofCustomer("C001", 10)).partlyKept()).isEqualTo(1);
    }

    @Test
    void aRetriedCheck_changesNothing() {
        FollowUp fu = promised("FA-1");
        check(fu);
        int events = d.f.audit.size();
        int followUps = d.f.followUps.all().size();
        Customer c = d.f.customers.get("C001").orElseThrow();

        var again = d.promiseCheck().before(d.f.followUps.get(fu.id()).orElseThrow(), c);

        assertThat(again).hasValueSatisfying(o -> assertThat(o.state()).isEqualTo(FollowUpState.DONE));
        assertThat(d.f.audit.size()).isEqualTo(events);
        assertThat(d.f.followUps.all()).hasSize(followUps);
        assertThat(d.team.brokenPromises).hasSize(1);
        assertThat(d.runner().handle(new RunFollowUp.Command(fu.id())).status())
                .isEqualTo(RunFollowUp.Status.ALREADY_HANDLED);
    }

    @Test
    void paidBeforeTheCheck_keepsThePromiseAtOnce_andDeletesTheCheckSchedule() {
        FollowUp fu = promised("FA-1");
        d.pay("C001", "FA-1");

        assertThat(d.promiseCheck().keepPaidPromises("C001")).isEqualTo(1);

        assertThat(promise(fu).state()).isEqualTo(PromiseState.KEPT);
        assertThat(d.f.followUps.get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(d.f.scheduler.calls()).contains("delete " + fu.scheduleName());
    }

    @Test
    void reQualifying_cancelsTheEarlierPromise() {
        FollowUp fu = promised("FA-1");

        d.qualify("em-1", 2, "COMMERCIAL_DISPUTE", null, true, "FA-1");

        assertThat(promise(fu).state()).isEqualTo(PromiseState.CANCELLED);
        assertThat(check(fu).status()).isEqualTo(RunFollowUp.Status.ALREADY_HANDLED); // its follow-up was cancelled
    }

    @Test
    void keptRate_perCustomerAndPerCollector() {
        FollowUp first = promised("FA-1", "FA-2");
        d.pay("C001", "FA-1");
        d.pay("C001", "FA-2");
        check(first);
        d.f.items.put(io.arfollowup.testing.data.TestData.anInvoice("C001", "FA-3").build());
        d.f.storedResponse("em-2", d.f.customers.get("C001").orElseThrow(), List.of("FA-3"));
        FollowUp second = d.qualify("em-2", 1, "PAYMENT_PROMISE", LocalDate.of(2025, 11, 20), false, "FA-3")
                .followUps().get(0);
        check(second);

        AccountQuery q = new AccountQuery(d.f.customers, d.f.items, d.promises, d.scenarioLedger, d.f.audit, d.f.clock);
        assertThat(q.customer("C001").keptRate()).hasValue(0.5);
        assertThat(q.collector("U0COLLECT1").kept()).isEqualTo(1);
        assertThat(q.collector("U0COLLECT1").broken()).isEqualTo(1);
        assertThat(q.collector("U0NOBODY").keptRate()).isEmpty();
        assertThat(ZonedDateTime.ofInstant(second.due(), DunningFixture.PARIS).toLocalDate())
                .isEqualTo(LocalDate.of(2025, 11, 21));
        assertThat(BigDecimal.ONE).isNotNull();
    }

    @Test
    void aCheckDeliveredTwice_alertsTheOwnerOnce_andAFailedAlertIsSentByTheRetry() {
        FollowUp fu = promised("FA-1");
        d.f.now.set(fu.due());
        Customer c = d.f.customers.get("C001").orElseThrow();
        d.team.failingAlerts.set(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.promiseCheck().check(fu, c))
                .hasMessageContaining("slack unavailable");
        assertThat(d.team.brokenPromises).isEmpty();
        assertThat(promise(fu).ownerAlerted()).isFalse(); // the claim was given back

        d.promiseCheck().check(fu, c); // the retry sends it
        d.promiseCheck().check(fu, c); // a duplicate delivery does not
        assertThat(d.team.brokenPromises).hasSize(1);
        assertThat(promise(fu).ownerAlerted()).isTrue();
        assertThat(promise(fu).state()).isEqualTo(PromiseState.BROKEN);
    }
}
