package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.InternalAnswerChoice;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.TaskOutcome;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.testing.data.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The follow-up engine by channel and mode, the owner's buttons, colleagues' answers, notices and catch-up. */
class FollowUpEngineTest {

    private final UseCaseFixture f = new UseCaseFixture();

    private FollowUp qualified(String status, FollowUpOverride override, String... items) {
        Customer c = f.customers.get("C001").orElseGet(() -> f.customerWithInvoices(items));
        f.storedResponse("em-1", c, List.of(items));
        return f.qualify().handle(new QualifyResponse.Command("em-1", "V1:h1", List.of(new QualificationGroup(
                List.of(items), status, "to check", "U0OWNER", null, null, override)), Notify.NOBODY,
                "U0COLLECT1", false)).followUps().get(0);
    }

    private FollowUp qualified(String status, String... items) {
        return qualified(status, FollowUpOverride.NONE, items);
    }

    private RunFollowUp.Result run(FollowUp fu) {
        return f.runner().handle(new RunFollowUp.Command(fu.id()));
    }

    private FollowUp stored(FollowUp fu) {
        return f.followUps.get(fu.id()).orElseThrow();
    }

    private void withTemplate(String id, ActionChannel channel) {
        f.rules.template(TestData.template(id, channel, RecipientRule.CLIENT));
    }

    // ------------------------------------------------------------------ channels

    @Test
    void sms_goesToTheFirstContactPhoneInE164() {
        f.customers.put(TestData.aCustomer().contacts(List.of(new Contact("compta@fournil.example", "Julie",
                null, "04 65 71 20 14", false))).build());
        f.items.put(TestData.anInvoice("C001", "FA-1").build());
        withTemplate("sms-reminder", ActionChannel.SMS);
        FollowUp fu = qualified("COPY_REQUEST", new FollowUpOverride("sms-reminder", null, FollowUpMode.AUTOMATIC,
                false), "FA-1");

        assertThat(run(fu).status()).isEqualTo(RunFollowUp.Status.DONE);

        assertThat(f.sms.sent()).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo("+33465712014");
            assertThat(s.text()).contains("FA-1");
            assertThat(s.reference()).isEqualTo(fu.id());
        });
        assertThat(stored(fu).result()).contains("+334…14").doesNotContain("65712014");
    }

    @Test
    void sms_withoutAValidNumber_failsLoudly() {
        f.customers.put(TestData.aCustomer().contacts(List.of(new Contact("compta@fournil.example", "Julie",
                null, "call reception", false))).build());
        f.items.put(TestData.anInvoice("C001", "FA-1").build());
        withTemplate("sms-reminder", ActionChannel.SMS);
        FollowUp fu = qualified("COPY_REQUEST", new FollowUpOverride("sms-reminder", null, FollowUpMode.AUTOMATIC,
                false), "FA-1");

        assertThat(run(fu).status()).isEqualTo(RunFollowUp.Status.FAILED);
        assertThat(f.sms.sent()).isEmpty();
        assertThat(stored(fu).state()).isEqualTo(FollowUpState.FAILED);
    }

    @Test
    void letter_isStoredAsAPdf_andOpensAPrintAndPostTask() {
        withTemplate("final-letter", ActionChannel.LETTER);
        FollowUp fu = qualified("COPY_REQUEST", new FollowUpOverride("final-letter", null, FollowUpMode.AUTOMATIC,
                false), "FA-1");

        assertThat(run(fu).status()).isEqualTo(RunFollowUp.Status.AWAITING_CONFIRMATION);

        String key = "letters/" + fu.id() + ".pdf";
        assertThat(new String(f.blobs.objects().get(key))).startsWith("PDF ").contains("FA-1");
        assertThat(f.chat.followUpCards).singleElement().satisfies(card -> {
            assertThat(card.kind()).isEqualTo(FollowUpCard.Kind.TASK);
            assertThat(card.channel()).isEqualTo(ActionChannel.LETTER);
            assertThat(card.documentKey()).isEqualTo(key);
        });
    }

    @Test
    void copyRequest_attachesTheInvoicePdf_whenImported() throws Exception {
        Customer c = f.customerWithInvoices();
        f.items.put(new io.arfollowup.core.domain.Item(c.id(), "FA-1", null, new java.math.BigDecimal("100"), null,
                "EUR", null, null, null, null, null, null, "documents/FA-1.pdf"));
        f.items.put(TestData.anInvoice(c.id(), "FA-2").build());
        f.blobs.put("documents/FA-1.pdf", "%PDF-1.4 invoice".getBytes(), "application/pdf");
        f.rules.template(new io.arfollowup.core.domain.ActionTemplate("send-invoice-copy", new Labels("c", "c"),
                ActionChannel.EMAIL, RecipientRule.CLIENT, TestData.template("x", ActionChannel.EMAIL,
                RecipientRule.CLIENT).content(), true));
        FollowUp fu = qualified("COPY_REQUEST", "FA-1", "FA-2");

        run(fu);

        OutgoingEmail mail = f.mailer.sent().get(0);
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("FA-1.pdf");
            assertThat(new String(a.content())).startsWith("%PDF");
        });
        assertThat(stored(fu).result()).contains("1 document(s) attached").contains("no document for FA-2");
    }

    @Test
    void automaticEmail_postsOneNoticeInTheResponseThread() {
        FollowUp fu = qualified("COPY_REQUEST", "FA-1");
        run(fu);
        run(fu);
        assertThat(f.mailer.sent()).hasSize(1);
        assertThat(f.chat.threadNotes).singleElement()
                .satisfies(n -> assertThat(n.text().en()).contains("Follow-up sent").contains("compta@fournil.example"));
    }

    @Test
    void aFailedSend_releasesTheClaim_soTheRetryRunsAtOnce() {
        FollowUp fu = qualified("COPY_REQUEST", "FA-1");
        RunFollowUp failing = new RunFollowUp(f.followUps, f.customers, f.items, f.responses, f.tokens, f.rules,
                f.renderer, email -> {
                    throw new IllegalStateException("SES down");
                }, f.chat, f.directory, f.replyAddresses, f.outbound, f.clock);

        assertThatThrownBy(() -> failing.handle(new RunFollowUp.Command(fu.id()))).hasMessageContaining("SES down");
        assertThat(stored(fu).state()).isEqualTo(FollowUpState.PLANNED);

        assertThat(run(fu).status()).isEqualTo(RunFollowUp.Status.DONE);
        assertThat(f.mailer.sent()).hasSize(1);
    }

    // ------------------------------------------------------------------ the owner's buttons

    private FollowUp awaitingConfirmation() {
        FollowUp fu = qualified("PAYMENT_PROMISE", "FA-1");
        assertThat(run(fu).status()).isEqualTo(RunFollowUp.Status.AWAITING_CONFIRMATION);
        return stored(fu);
    }

    private FollowUpDecisions.Result click(FollowUp fu, FollowUpDecisions.Action action, Integer days,
                                          TaskOutcome outcome) {
        return f.decisions().handle(new FollowUpDecisions.Command(fu.id(), action, days, null, null, outcome,
                "U0OWNER", new CardRef("C0TEST", "1.2")));
    }

    @Test
    void sendNow_sendsOnce_evenWhenClickedTwice() {
        FollowUp fu = awaitingConfirmation();
        assertThat(f.mailer.sent()).isEmpty();

        assertThat(click(fu, FollowUpDecisions.Action.SEND_NOW, null, null).status())
                .isEqualTo(FollowUpDecisions.Status.SENT);
        assertThat(click(fu, FollowUpDecisions.Action.SEND_NOW, null, null).status())
                .isEqualTo(FollowUpDecisions.Status.ALREADY_HANDLED);

        assertThat(f.mailer.sent()).hasSize(1);
        assertThat(stored(fu).state()).isEqualTo(FollowUpState.DONE);
        assertThat(f.chat.followUpCardUpdates).singleElement().asString().contains("Sent by <@U0OWNER>");
    }

    @Test
    void sendNow_handedToTheRunnerFunction_isSentByItsClaimOnly() {
        FollowUp fu = awaitingConfirmation();
        java.util.List<String> handedOff = new java.util.ArrayList<>();
        FollowUpDecisions decisions = new FollowUpDecisions(f.followUps, f.customers, f.rules, f.scheduler,
                id -> {
                    handedOff.add(id);
                    return java.util.Optional.empty();
                }, f.audit, f.chat, new io.arfollowup.core.time.FollowUpPlanner(f.clock), f.clock);

        var r = decisions.handle(new FollowUpDecisions.Command(fu.id(), FollowUpDecisions.Action.SEND_NOW, null, null,
                null, null, "U0OWNER", new CardRef("C0TEST", "1.2")));

        assertThat(r.status()).isEqualTo(FollowUpDecisions.Status.SENT);
        assertThat(handedOff).containsExactly(fu.id());
        assertThat(f.mailer.sent()).isEmpty(); // the runner function sends it
        assertThat(stored(fu).state()).isEqualTo(FollowUpState.PLANNED);
        assertThat(stored(fu).mode()).isEqualTo(FollowUpMode.AUTOMATIC);
        assertThat(f.chat.followUpCardUpdates).singleElement().asString().contains("Confirmed by <@U0OWNER>");
        // what the runner function then does: one e-mail, even if the hand-off is delivered twice
        run(fu);
        run(fu);
        assertThat(f.mailer.sent()).hasSize(1);
    }

    @Test
    void editAndSend_sendsTheOwnersText() {
        FollowUp fu = awaitingConfirmation();
        f.decisions().handle(new FollowUpDecisions.Command(fu.id(), FollowUpDecisions.Action.EDIT_AND_SEND, null,
                "Votre règlement\r\n de FA-1", "Bonjour,\n{{pas un modèle}} merci.", null, "U0OWNER", null));

        OutgoingEmail mail = f.mailer.sent().get(0);
        assertThat(mail.subject()).isEqualTo("Votre règlement de FA-1");
        assertThat(stored(fu).edited().body()).isEqualTo("Bonjour,\n{{pas un modèle}} merci.");
    }

    @Test
    void editAndSend_refusesAnEmptyMessage() {
        FollowUp fu = awaitingConfirmation();
        var r = f.decisions().handle(new FollowUpDecisions.Command(fu.id(), FollowUpDecisions.Action.EDIT_AND_SEND,
                null, "subject", " ", null, "U0OWNER", null));
        assertThat(r.status()).isEqualTo(FollowUpDecisions.Status.INVALID);
        assertThat(f.mailer.sent()).isEmpty();
        assertThat(stored(fu).state()).isEqualTo(FollowUpState.AWAITING_CONFIRMATION);
    }

    @Test
    void postpone_replansOnABusinessDay_withUpdateSchedule_andAsksAgainThen() {
        FollowUp fu = awaitingConfirmation();
        f.now.set(Instant.parse("2025-11-07T10:00:00Z")); // Friday

        assertThat(click(fu, FollowUpDecisions.Action.POSTPONE, 3, null).status())
                .isEqualTo(FollowUpDecisions.Status.POSTPONED);

        FollowUp p = stored(fu);
        assertThat(p.state()).isEqualTo(FollowUpState.PLANNED);
        // Fri 7 + 3 = Mon 10, 09:00 Paris
        assertThat(p.due()).isEqualTo(Instant.parse("2025-11-10T08:00:00Z"));
        assertThat(f.scheduler.calls()).last().isEqualTo("update " + fu.scheduleName());
        assertThat(f.mailer.sent()).isEmpty();

        f.now.set(p.due());
        assertThat(run(p).status()).isEqualTo(RunFollowUp.Status.AWAITING_CONFIRMATION);
    }

    @Test
    void cancel_deletesTheSchedule_andNothingIsSent() {
        FollowUp fu = qualified("PAYMENT_PROMISE", "FA-1");
        assertThat(click(fu, FollowUpDecisions.Action.CANCEL, null, null).status())
                .isEqualTo(FollowUpDecisions.Status.CANCELLED);
        assertThat(f.scheduler.calls()).contains("delete " + fu.scheduleName());
        assertThat(run(fu).status()).isEqualTo(RunFollowUp.Status.ALREADY_HANDLED);
        assertThat(f.mailer.sent()).isEmpty();
    }

    @Test
    void taskOutcome_isRecordedOnTheItemsHistory_once() {
        FollowUp fu = qualified("PAYMENT_PLAN_REQUEST", "FA-1");
        run(fu);
        assertThat(click(fu, FollowUpDecisions.Action.OUTCOME, null, TaskOutcome.REACHED_PROMISE).status())
                .isEqualTo(FollowUpDecisions.Status.RECORDED);
        assertThat(click(fu, FollowUpDecisions.Action.OUTCOME, null, TaskOutcome.NO_ANSWER).status())
                .isEqualTo(FollowUpDecisions.Status.ALREADY_HANDLED);
        assertThat(stored(fu).state()).isEqualTo(FollowUpState.DONE);
        assertThat(f.audit.history("C001", "FA-1", 10)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("follow-up outcome");
            assertThat(e.after()).isEqualTo("REACHED_PROMISE");
        });
    }

    @Test
    void requalification_cancelsTheFollowUpWaitingForItsOwner() {
        FollowUp fu = awaitingConfirmation();
        f.qualify().handle(new QualifyResponse.Command("em-1", "V2:h2", List.of(new QualificationGroup(
                List.of("FA-1"), "ALREADY_PAID", "paid", "U0OWNER", null, null, FollowUpOverride.NONE)),
                Notify.NOBODY, "U0COLLECT1", true));

        assertThat(stored(fu).state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(click(fu, FollowUpDecisions.Action.SEND_NOW, null, null).status())
                .isEqualTo(FollowUpDecisions.Status.ALREADY_HANDLED);
        assertThat(f.mailer.sent()).isEmpty();
    }

    // ------------------------------------------------------------------ internal answers

    private static final Pattern LINK = Pattern.compile("/i/([A-Za-z0-9_.-]+)");

    private String link(OutgoingEmail mail, String label) {
        for (String line : mail.textBody().split("\n")) {
            if (line.contains(label)) {
                Matcher m = LINK.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no link for " + label + " in " + mail.textBody());
    }

    private OutgoingEmail internalEmail(String status) {
        FollowUp fu = qualified(status, "FA-1");
        f.rules.template(new io.arfollowup.core.domain.ActionTemplate(fu.templateId(), new Labels("x", "x"),
                ActionChannel.INTERNAL_EMAIL, RecipientRule.BILLING, java.util.Map.of(
                io.arfollowup.core.domain.Language.FR, new io.arfollowup.core.domain.TemplateContent("s",
                        "{{{answerLinks}}}\npage: {{answerPage}}"))));
        run(fu);
        return f.mailer.sent().get(0);
    }

    @Test
    void internalEmail_carriesSignedSingleUseAnswerLinks() {
        OutgoingEmail mail = internalEmail("ADMIN_DISPUTE");
        assertThat(mail.to()).containsExactly("facturation@atelier-lumen.example");
        for (InternalAnswerChoice c : InternalAnswerChoice.values()) {
            assertThat(mail.textBody()).contains(c.label(io.arfollowup.core.domain.Language.FR));
            assertThat(mail.htmlBody()).contains("<a href=");
        }
        String resolved = link(mail, "Résolu");
        assertThat(f.links.valid(resolved)).hasValueSatisfying(cl -> assertThat(cl.scope()).isEqualTo("resolved"));
    }

    @Test
    void resolvedLink_withValidation_recordsThenTheCollectorApplies() {
        f.rules.rule(TestData.rule("DISPUTE_RESOLVED", io.arfollowup.core.domain.StatusType.DISPUTE_RESOLVED, null,
                null, null, false, null));
        OutgoingEmail mail = internalEmail("ADMIN_DISPUTE"); // TestData rule: no auto-apply
        String token = link(mail, "Résolu");

        assertThat(f.internalAnswers().open(token)).isInstanceOf(InternalAnswers.Open.class);
        assertThat(f.answers.all()).isEmpty(); // opening the page writes nothing

        var first = f.internalAnswers().answer(token, null, "avoir AV-12 émis", null);
        var second = f.internalAnswers().answer(token, null, "again", null);

        assertThat(first).isInstanceOf(InternalAnswers.Recorded.class);
        assertThat(second).isInstanceOf(InternalAnswers.AlreadyAnswered.class);
        assertThat(f.items.get("C001", "FA-1").orElseThrow().status()).isEqualTo("ADMIN_DISPUTE");
        assertThat(f.chat.threadNotes).filteredOn(n -> n.text().en().contains("Answer from")).singleElement()
                .satisfies(n -> {
            assertThat(n.text().en()).contains("Resolved").contains("avoir AV-12 émis");
            assertThat(n.actionId()).isEqualTo(InternalAnswers.APPLY_ACTION);
        });
        assertThat(f.audit.history("C001", "FA-1", 10)).anySatisfy(e -> assertThat(e.field())
                .isEqualTo("internal answer"));

        String answerId = ((InternalAnswers.Recorded) first).answer().id();
        assertThat(f.internalAnswers().apply(answerId, "U0COLLECT1")).isInstanceOf(InternalAnswers.Recorded.class);
        assertThat(f.internalAnswers().apply(answerId, "U0COLLECT1"))
                .isInstanceOf(InternalAnswers.AlreadyAnswered.class);
        var item = f.items.get("C001", "FA-1").orElseThrow();
        assertThat(item.status()).isEqualTo("DISPUTE_RESOLVED");
        assertThat(item.hold()).isNull();
    }

    @Test
    void resolvedLink_withAutoApply_resolvesAtOnce() {
        StatusRule base = f.rules.rule("ADMIN_DISPUTE").orElseThrow();
        f.rules.rule(new StatusRule(base.code(), base.type(), base.labels(), true, base.delay(), base.templateId(),
                base.mode(), true, 60, true));
        f.rules.rule(TestData.rule("DISPUTE_RESOLVED", io.arfollowup.core.domain.StatusType.DISPUTE_RESOLVED, null,
                null, null, false, null));
        OutgoingEmail mail = internalEmail("ADMIN_DISPUTE");

        var r = f.internalAnswers().answer(link(mail, "Résolu"), null, "", null);

        assertThat(r).isInstanceOfSatisfying(InternalAnswers.Recorded.class, rec -> assertThat(rec.applied()).isTrue());
        assertThat(f.items.get("C001", "FA-1").orElseThrow().status()).isEqualTo("DISPUTE_RESOLVED");
        assertThat(f.items.get("C001", "FA-1").orElseThrow().hold()).isNull();
    }

    @Test
    void forgedOrForeignLinks_areRefused_andWriteNothing() {
        OutgoingEmail mail = internalEmail("ADMIN_DISPUTE");
        String token = link(mail, "Résolu");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String customerLink = f.links.sign(new LinkClaims("customer", "C001", "", f.now.get().plusSeconds(60)));

        assertThat(f.internalAnswers().answer(forged, null, "", null)).isInstanceOf(InternalAnswers.Invalid.class);
        assertThat(f.internalAnswers().answer(customerLink, null, "", null)).isInstanceOf(InternalAnswers.Invalid.class);
        f.now.set(f.now.get().plus(RunFollowUp.INTERNAL_LINK_LIFETIME).plusSeconds(1));
        assertThat(f.internalAnswers().answer(token, null, "", null)).isInstanceOf(InternalAnswers.Expired.class);
        assertThat(f.answers.all()).isEmpty();
    }

    @Test
    void answerPage_needsAChoice_andRefusesFilesThatAreNotPdfOrImages() {
        OutgoingEmail mail = internalEmail("ADMIN_DISPUTE");
        Matcher m = Pattern.compile("page: .*/i/([A-Za-z0-9_.-]+)").matcher(mail.textBody());
        assertThat(m.find()).isTrue();
        String page = m.group(1);

        assertThat(f.internalAnswers().answer(page, "", "x", null)).isInstanceOfSatisfying(InternalAnswers.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("choice"));
        assertThat(f.internalAnswers().answer(page, "in_progress", "x", new InternalAnswers.Upload("a.pdf",
                "application/pdf", "MZ not a pdf".getBytes()))).isInstanceOfSatisfying(InternalAnswers.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("file"));
        var ok = f.internalAnswers().answer(page, "in_progress", "on it", new InternalAnswers.Upload("../../bon.pdf",
                "text/plain", "%PDF-1.7 proof".getBytes()));
        assertThat(ok).isInstanceOfSatisfying(InternalAnswers.Recorded.class, r -> {
            assertThat(r.answer().choice()).isEqualTo(InternalAnswerChoice.IN_PROGRESS);
            assertThat(r.answer().fileName()).isEqualTo("bon.pdf");
            assertThat(f.blobs.exists(r.answer().fileKey())).isTrue();
        });
    }

    // ------------------------------------------------------------------ notices and catch-up

    @Test
    void notifyClient_afterQualification_sendsOnce() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        f.rules.template(TestData.template(NotifyAfterQualification.CLIENT_TEMPLATE, ActionChannel.EMAIL,
                RecipientRule.CLIENT));
        f.qualify().handle(new QualifyResponse.Command("em-1", "V1:h1", List.of(new QualificationGroup(
                List.of("FA-1"), "COPY_REQUEST", "copy sent", null, null, null, FollowUpOverride.NONE)),
                new Notify(Notify.Target.CLIENT, null), "U0COLLECT1", false));

        assertThat(f.notifier().handle("em-1").status()).isEqualTo(NotifyAfterQualification.Status.SENT);
        assertThat(f.notifier().handle("em-1").status()).isEqualTo(NotifyAfterQualification.Status.ALREADY_SENT);

        assertThat(f.mailer.sent()).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("compta@fournil.example");
            assertThat(m.inReplyTo()).isEqualTo("<m1@fournil.example>");
            assertThat(m.replyTo()).startsWith("reply+");
        });
    }

    @Test
    void notifyColleague_byRoleOrAddress_andNobodyMeansNothing() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        f.rules.template(TestData.template(NotifyAfterQualification.COLLEAGUE_TEMPLATE, ActionChannel.INTERNAL_EMAIL,
                RecipientRule.BILLING));
        f.qualify().handle(new QualifyResponse.Command("em-1", "V1:h1", List.of(new QualificationGroup(
                List.of("FA-1"), "COMMERCIAL_DISPUTE", "price", null, null, null, FollowUpOverride.NONE)),
                new Notify(Notify.Target.COLLEAGUE, "billing"), "U0COLLECT1", false));
        f.notifier().handle("em-1");
        assertThat(f.mailer.sent()).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("facturation@atelier-lumen.example"));
    }

    @Test
    void catchUp_runsDuePlannedAndDeadRuns_butLeavesFreshOnesToTheirSchedule() {
        FollowUp lost = qualified("COPY_REQUEST", "FA-1"); // due 1 minute from now (past the send hour)
        f.items.put(TestData.anInvoice("C001", "FA-2").build());
        f.followUps.put(new FollowUp("fu-dead", "C001", "em-1", List.of("FA-1"), "COPY_REQUEST", "send-invoice-copy",
                FollowUpMode.AUTOMATIC, f.now.get(), null, FollowUpState.RUNNING, "fu-dead", null, null,
                f.now.get(), null));
        f.followUps.put(new FollowUp("fu-later", "C001", "em-1", List.of("FA-1"), "COPY_REQUEST", "send-invoice-copy",
                FollowUpMode.AUTOMATIC, f.now.get().plus(Duration.ofDays(3)), null, FollowUpState.PLANNED, "fu-later",
                null, null, null, null));

        assertThat(f.catchUp().handle().found()).isZero(); // everything is too fresh

        f.now.set(f.now.get().plus(Duration.ofHours(2)));
        CatchUpFollowUps.Result r = f.catchUp().handle();

        assertThat(r.found()).isEqualTo(2);
        assertThat(stored(lost).state()).isEqualTo(FollowUpState.DONE);
        assertThat(f.followUps.get("fu-dead").orElseThrow().state()).isEqualTo(FollowUpState.DONE);
        assertThat(f.followUps.get("fu-later").orElseThrow().state()).isEqualTo(FollowUpState.PLANNED);
        assertThat(f.mailer.sent()).hasSize(2);
    }

    @Test
    void phoneNumbers_areValidatedAsE164() {
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164("+44 20 7946 0321", null)).contains("+442079460321");
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164("020 7946 0321",
                io.arfollowup.core.domain.Country.GB)).contains("+442079460321");
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164("+33 (0)4 65 71 20 14", null)).contains("+33465712014");
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164("0033 6 39 98 41 27", null)).contains("+33639984127");
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164("06 39 98", io.arfollowup.core.domain.Country.FR))
                .isEmpty();
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164("+1 617 555 0134 ext 2", null)).isEmpty();
        assertThat(io.arfollowup.core.domain.PhoneNumber.e164(null, null)).isEmpty();
        assertThat(LocalDate.of(2025, 1, 1)).isNotNull();
    }
}
