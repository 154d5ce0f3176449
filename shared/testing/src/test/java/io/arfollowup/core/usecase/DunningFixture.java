package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryPromiseStore;
import io.arfollowup.testing.fakes.InMemoryScenarioLedger;
import io.arfollowup.testing.fakes.InMemoryScenarioStore;
import io.arfollowup.testing.fakes.RecordingTeamNotifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The holds, promises and scenario use cases on the in-memory fakes of {@link UseCaseFixture}. */
final class DunningFixture {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final UseCaseFixture f = new UseCaseFixture();
    final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    final InMemoryScenarioLedger scenarioLedger = new InMemoryScenarioLedger();
    final InMemoryScenarioStore steps = InMemoryScenarioStore.defaults();
    final RecordingTeamNotifier team = new RecordingTeamNotifier();

    DunningFixture() {
        f.rules.rule(new StatusRule("DISPUTE_RESOLVED", StatusType.DISPUTE_RESOLVED, new Labels("Litige résolu",
                "Dispute resolved"), true, null, null, null, false, null));
        f.rules.rule(new StatusRule("PROMISE_KEPT", StatusType.IN_PROGRESS, new Labels("Promesse tenue",
                "Promise kept"), true, null, null, null, false, null));
        f.rules.rule(TestData.rule("PROMISE_BROKEN", StatusType.PROMISE, Delay.calendar(0), "broken-promise-follow-up",
                FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, false, null));
        f.rules.template(TestData.template("broken-promise-follow-up", ActionChannel.EMAIL, RecipientRule.CLIENT));
        for (String t : List.of("scenario-courtesy", "scenario-first-reminder", "scenario-second-reminder",
                "scenario-formal-notice")) {
            f.rules.template(TestData.template(t, ActionChannel.EMAIL, RecipientRule.CLIENT));
        }
    }

    Holds holds() {
        return new Holds(f.items, f.items, scenarioLedger, f.audit, f.clock, PARIS);
    }

    PromiseCheck promiseCheck() {
        return new PromiseCheck(promises, f.customers, f.items, f.followUps, f.scheduler, f.rules,
                new io.arfollowup.core.time.FollowUpPlanner(f.clock), holds(), team, f.audit, f.clock);
    }

    TrackQualification track() {
        return new TrackQualification(f.responses, f.customers, f.items, promises, f.rules, holds(), f.audit);
    }

    RunFollowUp runner() {
        return new RunFollowUp(f.followUps, f.customers, f.items, f.responses, f.tokens, f.rules, f.renderer, f.mailer,
                f.chat, (role, customer) -> List.of("facturation@atelier-lumen.example"), f.replyAddresses, f.outbound,
                f.clock, promiseCheck());
    }

    RunScenario scenario() {
        return new RunScenario(steps, scenarioLedger, f.items, f.customers, f.rules, f.renderer, f.mailer, f.tokens,
                f.replyAddresses, (c, reminder) -> "https://pay.example/r/" + c.id() + "/" + reminder, f.outbound,
                holds(), promiseCheck(), team, f.audit, f.clock, PARIS);
    }

    ScenarioReport runScenario() {
        return scenario().handle(RunScenario.Command.today());
    }

    /** Qualifies a stored response the way the worker does: snapshot, QualifyResponse, then the tracking step. */
    QualifyResponse.Result qualify(String responseId, int submission, String status, LocalDate promised,
                                   boolean requalify, String... items) {
        QualifyResponse.Command cmd = new QualifyResponse.Command(responseId, "V" + submission + ":h",
                List.of(new QualificationGroup(List.of(items), status, "comment", "U0OWNER", promised, null,
                        FollowUpOverride.NONE)), Notify.NOBODY, "U0COLLECT1", requalify);
        TrackQualification.Snapshot before = track().snapshot(cmd);
        QualifyResponse.Result r = f.qualify().handle(cmd);
        track().after(r, before);
        return r;
    }

    /** A customer with invoices due {@code daysOverdue} days before today, in the scenario index. */
    Customer customer(String id, int daysOverdue, String... numbers) {
        Customer c = TestData.aCustomer().id(id).build();
        f.customers.put(c);
        LocalDate today = LocalDate.ofInstant(f.now.get(), PARIS);
        for (String n : numbers) {
            Item i = TestData.anInvoice(id, n).due(today.minusDays(daysOverdue)).build();
            f.items.put(i);
            scenarioLedger.noLaterThan(id, i.dueDate().minusDays(3));
        }
        return c;
    }

    void pay(String customerId, String number) {
        Item i = f.items.get(customerId, number).orElseThrow();
        f.items.applyPayment(customerId, number, "PAY-" + number, i.openAmount(), BigDecimal.ZERO);
    }

    void advance(Duration d) {
        f.now.set(f.now.get().plus(d));
    }

    FollowUp followUp(String id) {
        return f.followUps.get(id).orElseThrow();
    }
}
