package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.token.Ids;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryCollectionsIndex;
import io.arfollowup.testing.fakes.InMemoryScenarioStore;
import io.arfollowup.testing.fakes.RecordingScreens;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The use cases behind the qualified card's buttons, triage, /ar, App Home and the admin commands. */
class CollectorDayTest {

    final UseCaseFixture f = new UseCaseFixture();

    AmendQualification amend() {
        return new AmendQualification(f.responses, f.qualifications, f.customers, f.items, f.followUps, f.scheduler,
                f.audit, f.chat, f.clock);
    }

    Response qualified(Customer c, String status, String... items) {
        Response r = f.storedResponse("em-" + status.toLowerCase(), c, List.of(items));
        f.qualify().handle(new QualifyResponse.Command(r.id(), "s1", List.of(new QualificationGroup(List.of(items),
                status, "first", "U0ONE", null, null, FollowUpOverride.NONE)), Notify.NOBODY, "U0ONE", false));
        return f.responses.get(r.id()).orElseThrow();
    }

    @Test
    void changeOwner_allItems_updatesItemsFollowUpAndAuditOnce_evenWhenRetried() {
        Customer c = f.customerWithInvoices("FA-1", "FA-2");
        Response r = qualified(c, "ADMIN_DISPUTE", "FA-1", "FA-2");
        int audits = f.audit.size();

        var first = amend().changeOwner(r.id(), List.of(), "U0TWO", "U0ONE", "req-1");
        var retry = amend().changeOwner(r.id(), List.of(), "U0TWO", "U0ONE", "req-1");

        assertThat(first.changed()).isEqualTo(2);
        assertThat(retry.changed()).isZero();
        assertThat(f.items.get(c.id(), "FA-1").orElseThrow().owner()).isEqualTo("U0TWO");
        assertThat(f.items.get(c.id(), "FA-2").orElseThrow().status()).isEqualTo("ADMIN_DISPUTE");
        assertThat(f.followUps.get(Ids.followUpId(r.id(), 1, 0)).orElseThrow().owner()).isEqualTo("U0TWO");
        assertThat(f.audit.size()).isEqualTo(audits + 2);
        assertThat(f.chat.updated).isNotEmpty();
    }

    @Test
    void editComment_oneItem_leavesTheOtherAndTheGroupsFollowUp() {
        Customer c = f.customerWithInvoices("FA-1", "FA-2");
        Response r = qualified(c, "ADMIN_DISPUTE", "FA-1", "FA-2");

        amend().editComment(r.id(), List.of("FA-2"), "PO reçu", "U0ONE", "req-2");

        assertThat(f.items.get(c.id(), "FA-2").orElseThrow().comment()).isEqualTo("PO reçu");
        assertThat(f.items.get(c.id(), "FA-1").orElseThrow().comment()).isEqualTo("first");
        assertThat(f.followUps.get(Ids.followUpId(r.id(), 1, 0)).orElseThrow().comment()).isEqualTo("first");
    }

    @Test
    void cancelFollowUps_cancelsAndDeletesTheSchedule_secondTimeNothingToDo() {
        Customer c = f.customerWithInvoices("FA-1");
        Response r = qualified(c, "PAYMENT_PLAN_REQUEST", "FA-1");
        String id = Ids.followUpId(r.id(), 1, 0);

        var first = amend().cancelFollowUps(r.id(), List.of(), "U0ONE");
        var again = amend().cancelFollowUps(r.id(), List.of(), "U0ONE");

        assertThat(first.status()).isEqualTo(AmendQualification.Status.DONE);
        assertThat(again.status()).isEqualTo(AmendQualification.Status.NOTHING_TO_DO);
        assertThat(f.followUps.get(id).orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(f.scheduler.calls()).containsOnlyOnce("delete " + id);
    }

    @Test
    void amend_onAnOpenResponse_isRefused() {
        Customer c = f.customerWithInvoices("FA-1");
        Response r = f.storedResponse("em-open", c, List.of("FA-1"));
        assertThat(amend().changeOwner(r.id(), List.of(), "U0TWO", "U0ONE", "x").status())
                .isEqualTo(AmendQualification.Status.NOT_QUALIFIED);
    }

    @Test
    void triage_linksOnce_addsTheSenderAsContact_suggests_andRewritesTheCard() {
        Customer c = f.customerWithInvoices("FA-9");
        Customer other = TestData.aCustomer().id("c-other").named("Other SA").build();
        f.customers.put(other);
        Response r = new Response("em-un", ResponseChannel.EMAIL, null, "new@client.example", "New", UseCaseFixture.NOW,
                "Re", "Paiement le 14", "fr", null, null, null, List.of("FA-9"), null,
                EnumSet.of(ResponseFlag.UNMATCHED), null, null, ResponseState.NEW,
                new io.arfollowup.core.domain.CardRef("C1", "1.1"), null);
        f.responses.create(r);
        Suggestion s = new Suggestion(List.of(new SuggestedGroup("PAYMENT_PROMISE", StatusType.PROMISE, 0.8,
                List.of("FA-9"), null, null, null, null, null)), List.of(), "paiement le 14", null, "test");
        TriageResponse triage = new TriageResponse(f.responses, f.qualifications, f.customers, f.items, f.followUps,
                request -> Optional.of(s), f.chat, f.clock);

        var linked = triage.link(r.id(), c.id(), "U0ONE");
        var late = triage.link(r.id(), other.id(), "U0TWO");

        assertThat(linked.status()).isEqualTo(TriageResponse.Status.LINKED);
        assertThat(late.status()).isEqualTo(TriageResponse.Status.ALREADY_LINKED);
        Response after = f.responses.get(r.id()).orElseThrow();
        assertThat(after.customerId()).isEqualTo(c.id());
        assertThat(after.suggestion()).isEqualTo(s);
        assertThat(f.customers.get(c.id()).orElseThrow().hasContact("new@client.example")).isTrue();
        assertThat(f.chat.updated.get(0).customer().id()).isEqualTo(c.id());
        assertThat(f.chat.alreadyDecided).containsExactly("U0TWO null");
    }

    @Test
    void history_byInvoiceNumber_byIdAndByName() {
        Customer c = f.customerWithInvoices("FA-2025-0142");
        Response r = qualified(c, "ALREADY_PAID", "FA-2025-0142");
        RecordingScreens screens = new RecordingScreens();
        CustomerHistory history = new CustomerHistory(new InMemoryCollectionsIndex(f.customers, f.items, f.responses,
                f.followUps, f.qualifications), f.customers, f.items, f.qualifications, f.audit, screens);

        CustomerHistory.Page byNumber = history.show("V1", "fa 2025 0142");
        CustomerHistory.Page byName = history.page(c.name().split(" ")[0]);
        CustomerHistory.Page none = history.page("zzzz");

        assertThat(byNumber.customer().id()).isEqualTo(c.id());
        assertThat(byNumber.focusItem()).isEqualTo("FA-2025-0142");
        assertThat(byNumber.items().get(0).timeline()).extracting(e -> e.after()).contains("ALREADY_PAID");
        assertThat(byNumber.responses()).extracting(l -> l.response().id()).containsExactly(r.id());
        assertThat(byNumber.followUps()).isNotEmpty();
        assertThat(byName.found()).isTrue();
        assertThat(none.found()).isFalse();
        assertThat(screens.histories).hasSize(1);
    }

    @Test
    void home_myRepliesUnassignedAndDisputes_andTheWeeksFigures() {
        Customer mine = TestData.aCustomer().id("c-mine").named("Mine SA").collector("U0ME").build();
        Customer theirs = TestData.aCustomer().id("c-theirs").named("Theirs SA").collector("U0OTHER").build();
        f.customers.put(mine);
        f.customers.put(theirs);
        f.items.put(TestData.anInvoice(mine.id(), "FA-1").build());
        f.storedResponse("em-mine", mine, List.of());
        f.storedResponse("em-theirs", theirs, List.of());
        Response disputed = f.storedResponse("em-d", mine, List.of("FA-1"));
        f.qualify().handle(new QualifyResponse.Command(disputed.id(), "s", List.of(new QualificationGroup(
                List.of("FA-1"), "COMMERCIAL_DISPUTE", null, "U0ME", null, null, null)), Notify.NOBODY, "U0ME",
                false));
        RecordingScreens screens = new RecordingScreens();
        HomeOverview home = new HomeOverview(new InMemoryCollectionsIndex(f.customers, f.items, f.responses,
                f.followUps, f.qualifications), f.rules, screens, f.clock, ZoneId.of("Europe/Paris"));

        HomeOverview.Home h = home.publish("U0ME");

        assertThat(h.toQualify()).extracting(p -> p.response().id()).containsExactly("em-mine");
        assertThat(h.disputes()).extracting(d -> d.item().number()).containsExactly("FA-1");
        assertThat(h.figures().received()).isEqualTo(3);
        assertThat(h.figures().qualified()).isEqualTo(1);
        assertThat(screens.homes).hasSize(1);
    }

    @Test
    void catalogEdits_validatePerField_saveAudited_unchangedNotWrittenTwice() {
        var overrides = new java.util.ArrayList<String>();
        InMemoryScenarioStore scenario = new InMemoryScenarioStore(List.of(new ScenarioStep("s1", 7,
                "payment-check-reminder", null, null)));
        var rules = TestData.taxonomyRules();
        CatalogEdits edits = new CatalogEdits(rules, new io.arfollowup.core.port.CatalogOverrides() {
            @Override
            public void putRule(io.arfollowup.core.domain.StatusRule rule, String actor) {
                overrides.add(rule.code());
                rules.rule(rule);
            }

            @Override
            public void putTemplate(io.arfollowup.core.domain.ActionTemplate template, String actor) {
                overrides.add(template.id());
            }
        }, scenario, (t, l, m) -> null, f.audit, f.clock);
        String template = rules.templates().get(0).id();

        var bad = edits.saveRule(new CatalogEdits.RuleDraft("x", true, "", "L", "NOPE", true, 999, null, "nope",
                null, true, 0), "U0ADMIN");
        var good = new CatalogEdits.RuleDraft("NEW_STATUS", true, "Nouveau", "New", "DISPUTE", true, 3, "BUSINESS",
                template, "AUTOMATIC", true, 30);
        var saved = edits.saveRule(good, "U0ADMIN");
        var again = edits.saveRule(new CatalogEdits.RuleDraft("NEW_STATUS", false, "Nouveau", "New", "DISPUTE", true,
                3, "BUSINESS", template, "AUTOMATIC", true, 30), "U0ADMIN");
        var steps = edits.saveScenario(List.of(new CatalogEdits.StepDraft(null, -3, template, null),
                new CatalogEdits.StepDraft(null, -3, template, null)), "U0ADMIN");

        assertThat(bad.findings()).extracting(CatalogEdits.Finding::field)
                .contains("code", "label_fr", "type", "delay", "template", "mode", "hold_days");
        assertThat(saved.status()).isEqualTo(CatalogEdits.Status.SAVED);
        assertThat(again.status()).isEqualTo(CatalogEdits.Status.UNCHANGED);
        assertThat(overrides).containsExactly("NEW_STATUS");
        assertThat(rules.rule("NEW_STATUS").orElseThrow().delay().unit()).hasToString("BUSINESS");
        assertThat(f.audit.history(CatalogEdits.AUDIT_OWNER, "status/NEW_STATUS", 5)).hasSize(1);
        assertThat(steps.findings()).extracting(CatalogEdits.Finding::field).containsExactly("offset_1");
        assertThat(scenario.lastActor()).isNull();
    }
}
