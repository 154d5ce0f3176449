package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualifyResponseTest {

    private final UseCaseFixture f = new UseCaseFixture();

    private static QualifyResponse.Command command(String submission, QualificationGroup... groups) {
        return new QualifyResponse.Command("em-1", submission, List.of(groups), Notify.NOBODY, "U0COLLECT1", false);
    }

    private static QualificationGroup group(String status, LocalDate promised, String... items) {
        return new QualificationGroup(List.of(items), status, "comment " + status, "U0OWNER", promised, null,
                FollowUpOverride.NONE);
    }

    @Test
    void qualify_whenPromiseToPay_schedulesCheckOnTheBusinessDayAfterThePromisedDate() {
        Customer c = f.customerWithInvoices("FA-2025-00412");
        f.storedResponse("em-1", c, List.of("FA-2025-00412"));

        QualifyResponse.Result result = f.qualify().handle(command("V1:h1",
                group("PAYMENT_PROMISE", LocalDate.of(2025, 11, 14), "FA-2025-00412")));

        assertThat(result.status()).isEqualTo(QualifyResponse.Status.QUALIFIED);
        FollowUp fu = result.followUps().get(0);
        assertThat(fu.due()).isEqualTo(Instant.parse("2025-11-17T08:00:00Z")); // Monday 09:00 Paris
        assertThat(fu.templateId()).isEqualTo("payment-promise-check");
        assertThat(fu.scheduleName()).isEqualTo(fu.id()).matches("^[0-9A-Za-z._-]{1,64}$");
        assertThat(f.scheduler.schedules()).containsKey(fu.id());
        Item item = f.items.get(c.id(), "FA-2025-00412").orElseThrow();
        assertThat(item.status()).isEqualTo("PAYMENT_PROMISE");
        assertThat(item.owner()).isEqualTo("U0OWNER");
        assertThat(item.comment()).isEqualTo("comment PAYMENT_PROMISE");
        assertThat(item.hold()).isNotNull();
        assertThat(item.hold().until()).isNull(); // held until the check
        assertThat(f.responses.get("em-1").orElseThrow().state()).isEqualTo(ResponseState.QUALIFIED);
        assertThat(f.chat.updated).hasSize(1);
        assertThat(f.audit.size()).isEqualTo(1);
    }

    @Test
    void theResult_carriesTheResponseAndCustomerItRead_soTheNextStepNeedNotReadThemAgain() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));

        QualifyResponse.Result result = f.qualify().handle(command("V1:h1", group("ADMIN_DISPUTE", null, "FA-1")));

        assertThat(result.response().id()).isEqualTo("em-1");
        assertThat(result.response().state()).isEqualTo(io.arfollowup.core.domain.ResponseState.QUALIFIED);
        assertThat(result.customer()).isEqualTo(c);
        // a refusal carries neither
        QualifyResponse.Result again = f.qualify().handle(command("V2:h2", group("ADMIN_DISPUTE", null, "FA-1")));
        assertThat(again.status()).isEqualTo(QualifyResponse.Status.ALREADY_QUALIFIED);
        assertThat(again.response()).isNull();
        assertThat(again.customer()).isNull();
    }

    @Test
    void qualify_twoGroups_planOneFollowUpEach_withTheirOwnHolds() {
        Customer c = f.customerWithInvoices("FA-1", "FA-2");
        f.storedResponse("em-1", c, List.of("FA-1", "FA-2"));

        QualifyResponse.Result result = f.qualify().handle(command("V1:h1",
                group("PAYMENT_PROMISE", LocalDate.of(2025, 11, 14), "FA-1"), group("ADMIN_DISPUTE", null, "FA-2")));

        assertThat(result.followUps()).extracting(FollowUp::statusCode).containsExactly("PAYMENT_PROMISE", "ADMIN_DISPUTE");
        assertThat(result.followUps().get(1).due()).isEqualTo(Instant.parse("2025-11-10T08:00:00Z")); // J+3 = Sat → Mon
        assertThat(f.items.get(c.id(), "FA-2").orElseThrow().hold().until())
                .isEqualTo(UseCaseFixture.NOW.plus(java.time.Duration.ofDays(60)));
    }

    @Test
    void sameSubmissionTwice_changesNothing() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        QualifyResponse qualify = f.qualify();

        QualifyResponse.Result first = qualify.handle(command("V1:h1", group("ADMIN_DISPUTE", null, "FA-1")));
        QualifyResponse.Result again = qualify.handle(command("V1:h1", group("ADMIN_DISPUTE", null, "FA-1")));

        assertThat(again.status()).isEqualTo(QualifyResponse.Status.QUALIFIED);
        assertThat(again.followUps()).extracting(FollowUp::id).isEqualTo(first.followUps().stream().map(FollowUp::id).toList());
        assertThat(f.qualifications.size()).isEqualTo(1);
        assertThat(f.followUps.all()).hasSize(1);
        assertThat(f.scheduler.schedules()).hasSize(1);
        assertThat(f.audit.size()).isEqualTo(1);
    }

    @Test
    void anotherCollectorsLateSubmission_isRefusedWithWhoQualified() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        f.qualify().handle(command("V1:h1", group("ADMIN_DISPUTE", null, "FA-1")));

        QualifyResponse.Result late = f.qualify().handle(new QualifyResponse.Command("em-1", "V2:h9",
                List.of(group("COPY_REQUEST", null, "FA-1")), Notify.NOBODY, "U0OTHER", false));

        assertThat(late.status()).isEqualTo(QualifyResponse.Status.ALREADY_QUALIFIED);
        assertThat(late.detail()).contains("U0COLLECT1");
        assertThat(f.items.get(c.id(), "FA-1").orElseThrow().status()).isEqualTo("ADMIN_DISPUTE");
    }

    @Test
    void requalification_cancelsThePreviousFollowUpAndPlansTheNewOne() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        FollowUp first = f.qualify().handle(command("V1:h1", group("ADMIN_DISPUTE", null, "FA-1"))).followUps().get(0);

        QualifyResponse.Result second = f.qualify().handle(new QualifyResponse.Command("em-1", "V2:h2",
                List.of(group("COPY_REQUEST", null, "FA-1")), Notify.NOBODY, "U0COLLECT1", true));

        assertThat(second.qualification().version()).isEqualTo(2);
        assertThat(f.followUps.get(first.id()).orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(f.scheduler.calls()).contains("delete " + first.id());
        assertThat(f.items.get(c.id(), "FA-1").orElseThrow().status()).isEqualTo("COPY_REQUEST");
        assertThat(f.items.get(c.id(), "FA-1").orElseThrow().hold()).isNull(); // COPY_REQUEST holds nothing
    }

    @Test
    void collectorsFollowUpDate_overridesTheRule_andANoneStatusPlansNothing() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        QualificationGroup dated = new QualificationGroup(List.of("FA-1"), "ADMIN_DISPUTE", null, null, null, null,
                new FollowUpOverride(null, LocalDate.of(2025, 11, 20), null, false));
        FollowUp fu = f.qualify().handle(command("V1:h1", dated)).followUps().get(0);
        assertThat(fu.due()).isEqualTo(Instant.parse("2025-11-20T08:00:00Z"));
        assertThat(fu.owner()).isEqualTo(c.collector()); // no owner picked: the customer's collector

        f.storedResponse("em-2", c, List.of());
        QualifyResponse.Result none = f.qualify().handle(new QualifyResponse.Command("em-2", "V3:h3",
                List.of(new QualificationGroup(List.of(), "NO_ACTION", null, null, null, null, null)),
                Notify.NOBODY, "U0COLLECT1", false));
        assertThat(none.status()).isEqualTo(QualifyResponse.Status.QUALIFIED);
        assertThat(none.followUps()).isEmpty();
    }

    @Test
    void unknownStatus_deletedResponse_andUnmatchedResponse_areRefused() {
        Customer c = f.customerWithInvoices("FA-1");
        f.storedResponse("em-1", c, List.of("FA-1"));
        assertThat(f.qualify().handle(command("V1:h1", group("NOT_A_STATUS", null, "FA-1"))).status())
                .isEqualTo(QualifyResponse.Status.INVALID);
        f.responses.transition("em-1", java.util.EnumSet.of(ResponseState.NEW), ResponseState.DELETED, "U1");
        assertThat(f.qualify().handle(command("V1:h1", group("ADMIN_DISPUTE", null, "FA-1"))).status())
                .isEqualTo(QualifyResponse.Status.DELETED);
        assertThat(f.qualify().handle(new QualifyResponse.Command("missing", "V", List.of(group("ADMIN_DISPUTE", null)),
                null, "U1", false)).status()).isEqualTo(QualifyResponse.Status.NOT_FOUND);
    }
}
