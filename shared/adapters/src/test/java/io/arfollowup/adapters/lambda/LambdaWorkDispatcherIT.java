package io.arfollowup.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.aws.LocalAws;
import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.Work;
import io.arfollowup.testing.stubs.LambdaInvokeStub;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-off to slack-worker: an asynchronous (Event) invoke whose payload decodes back to the same work. */
class LambdaWorkDispatcherIT {

    static LambdaInvokeStub stub;
    static HttpLambdaWorkDispatcher dispatcher;

    @BeforeAll
    static void start() {
        stub = new LambdaInvokeStub();
        dispatcher = LocalAws.clients("lambda", stub.endpoint()).lambdaDispatcher("ar-followup-slack-worker",
                java.time.Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void clear() {
        stub.clear();
    }

    static Work.Qualify multiGroupQualification() {
        return new Work.Qualify(new QualifyResponse.Command("em-abc", "V07MODAL:h1741600000", List.of(
                new QualificationGroup(List.of("FA-2025-0142", "FA-2025-0143"), "PAYMENT_PROMISE",
                        "Virement « VIR-88412 » le 14 – merci", "U07ABCD1234", LocalDate.of(2025, 3, 14),
                        new BigDecimal("1250.50"), new FollowUpOverride("payment-promise-check",
                        LocalDate.of(2025, 3, 17), FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, false)),
                new QualificationGroup(List.of("FA-2025-0190"), "COMMERCIAL_DISPUTE", null, null, null, null,
                        FollowUpOverride.NONE),
                new QualificationGroup(List.of(), "NO_ACTION", "", null, null, null,
                        new FollowUpOverride(null, null, null, true))),
                new Notify(Notify.Target.COLLEAGUE, "sales@atelier-lumen.example"), "U07ABCD1234", true));
    }

    @Test
    void dispatch_invokesTheWorkerAsynchronously() {
        dispatcher.dispatch(new Work.Validate("em-abc", "U07ABCD1234"));

        assertThat(stub.invocations()).singleElement().satisfies(i -> {
            assertThat(i.function()).isEqualTo("ar-followup-slack-worker");
            assertThat(i.invocationType()).isEqualTo("Event");
        });
    }

    @Test
    void dispatch_multiGroupQualification_payloadDecodesToTheSameWork() {
        Work.Qualify work = multiGroupQualification();

        dispatcher.dispatch(work);

        Work decoded = WorkCodec.decode(stub.invocations().get(0).payload());
        assertThat(decoded).isEqualTo(work);
        QualificationGroup first = ((Work.Qualify) decoded).command().groups().get(0);
        assertThat(first.promisedAmount()).isEqualTo(new BigDecimal("1250.50"));
        assertThat(first.followUp().date()).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void dispatch_eachKindOfWork_decodesToItsOwnKind() {
        List<Work> works = List.of(new Work.Validate("em-1", "U1"), new Work.Delete("em-2", "U2"),
                multiGroupQualification());

        works.forEach(dispatcher::dispatch);

        assertThat(stub.invocations()).extracting(i -> WorkCodec.decode(i.payload())).containsExactlyElementsOf(works);
        assertThat(stub.invocations()).extracting(LambdaInvokeStub.Invocation::invocationType)
                .containsOnly("Event");
    }
}
