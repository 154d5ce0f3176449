package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.testing.data.TestData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFollowUpTest {

    private final UseCaseFixture f = new UseCaseFixture();

    private FollowUp qualified(String status, String... items) {
        Customer c = f.customerWithInvoices(items);
        f.storedResponse("em-1", c, List.of(items));
        return f.qualify().handle(new QualifyResponse.Command("em-1", "V1:h1", List.of(new QualificationGroup(
                List.of(items), status, "to check", "U0OWNER", null, null, FollowUpOverride.NONE)), Notify.NOBODY,
                "U0COLLECT1", false)).followUps().get(0);
    }

    @Test
    void automaticEmailToTheClient_carriesAFreshReplyTokenThreadingAndFeedbackAddress() {
        FollowUp fu = qualified("COPY_REQUEST", "FA-1");

        RunFollowUp.Result r = f.runner().handle(new RunFollowUp.Command(fu.id()));

        assertThat(r.status()).isEqualTo(RunFollowUp.Status.DONE);
        OutgoingEmail mail = f.mailer.sent().get(0);
        assertThat(mail.to()).containsExactly("compta@fournil.example");
        assertThat(mail.replyTo()).matches("reply\\+[a-z2-7]{20}@inbound\\.atelier-lumen\\.example");
        assertThat(mail.feedbackForwardingAddress()).isEqualTo(mail.replyTo());
        assertThat(mail.messageId()).isEqualTo("<" + fu.id() + "@inbound.atelier-lumen.example>");
        assertThat(mail.inReplyTo()).isEqualTo("<m1@fournil.example>");
        String token = mail.replyTo().substring("reply+".length(), mail.replyTo().indexOf('@'));
        assertThat(f.tokens.find(token)).hasValueSatisfying(t -> assertThat(t.customerId()).isEqualTo("C001"));
        assertThat(f.followUps.get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
    }

    /** Case B04: the scheduler invokes the target twice: one e-mail, the second run exits cleanly. */
    @Test
    void secondInvocation_isANoOp() {
        FollowUp fu = qualified("COPY_REQUEST", "FA-1");

        RunFollowUp.Result first = f.runner().handle(new RunFollowUp.Command(fu.id()));
        RunFollowUp.Result second = f.runner().handle(new RunFollowUp.Command(fu.id()));

        assertThat(first.status()).isEqualTo(RunFollowUp.Status.DONE);
        assertThat(second.status()).isEqualTo(RunFollowUp.Status.ALREADY_HANDLED);
        assertThat(f.mailer.sent()).hasSize(1);
    }

    @Test
    void crashAfterTheClaim_isTakenOverOnceTheLeaseExpires_andSentOnce() {
        FollowUp fu = qualified("COPY_REQUEST", "FA-1");
        f.followUps.claim(fu.id(), f.now.get(), RunFollowUp.LEASE); // a run that died right after claiming

        assertThat(f.runner().handle(new RunFollowUp.Command(fu.id())).status())
                .isEqualTo(RunFollowUp.Status.ALREADY_HANDLED);
        assertThat(f.mailer.sent()).isEmpty();

        f.now.set(f.now.get().plus(RunFollowUp.LEASE).plus(Duration.ofSeconds(1)));
        assertThat(f.runner().handle(new RunFollowUp.Command(fu.id())).status()).isEqualTo(RunFollowUp.Status.DONE);
        assertThat(f.mailer.sent()).hasSize(1);
    }

    @Test
    void itemsPaidSincePlanning_cancelTheFollowUp() {
        FollowUp fu = qualified("COPY_REQUEST", "FA-1");
        f.items.put(TestData.anInvoice("C001", "FA-1").paid().build());

        RunFollowUp.Result r = f.runner().handle(new RunFollowUp.Command(fu.id()));

        assertThat(r.status()).isEqualTo(RunFollowUp.Status.CANCELLED);
        assertThat(f.mailer.sent()).isEmpty();
        assertThat(f.followUps.get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
    }

    @Test
    void itemsRequalifiedSincePlanning_areDropped() {
        FollowUp fu = qualified("ADMIN_DISPUTE", "FA-1", "FA-2");
        f.items.qualify("C001", "FA-2", "ALREADY_PAID", null, null, null);

        f.runner().handle(new RunFollowUp.Command(fu.id()));

        assertThat(f.mailer.sent().get(0).textBody()).contains("FA-1").doesNotContain("FA-2");
    }

    @Test
    void internalEmail_goesToTheColleagueDirectory_withoutAReplyToken() {
        FollowUp fu = qualified("ADMIN_DISPUTE", "FA-1");
        f.runner().handle(new RunFollowUp.Command(fu.id()));
        OutgoingEmail mail = f.mailer.sent().get(0);
        assertThat(mail.to()).containsExactly("facturation@atelier-lumen.example");
        assertThat(mail.replyTo()).isNull();
    }

    @Test
    void confirmationMode_asksTheOwnerAndSendsNothing() {
        FollowUp fu = qualified("PAYMENT_PROMISE", "FA-1");
        RunFollowUp.Result r = f.runner().handle(new RunFollowUp.Command(fu.id()));
        assertThat(r.status()).isEqualTo(RunFollowUp.Status.AWAITING_CONFIRMATION);
        assertThat(f.mailer.sent()).isEmpty();
        assertThat(f.chat.followUpCards).singleElement()
                .satisfies(card -> assertThat(card.kind()).isEqualTo(FollowUpCard.Kind.CONFIRMATION));
        assertThat(f.followUps.get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.AWAITING_CONFIRMATION);
    }

    @Test
    void callTemplate_opensATaskCard_andWaitsForItsOutcome() {
        FollowUp fu = qualified("PAYMENT_PLAN_REQUEST", "FA-1");
        assertThat(f.runner().handle(new RunFollowUp.Command(fu.id())).status())
                .isEqualTo(RunFollowUp.Status.AWAITING_CONFIRMATION);
        assertThat(f.followUps.get(fu.id()).orElseThrow().card()).isNotNull();
        assertThat(f.chat.followUpCards).singleElement()
                .satisfies(card -> assertThat(card.kind()).isEqualTo(FollowUpCard.Kind.TASK));
    }
}
