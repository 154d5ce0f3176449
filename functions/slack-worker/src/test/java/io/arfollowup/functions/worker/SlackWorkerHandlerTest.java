package io.arfollowup.functions.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.ValidateOrDelete;
import io.arfollowup.core.usecase.Work;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryAuditLog;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryFollowUpStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryQualificationStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.fakes.RecordingChatNotifier;
import io.arfollowup.testing.fakes.RecordingScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** slack-worker: the payload the slack function sends (async invoke) runs its use case once, even when retried. */
class SlackWorkerHandlerTest {

    final Clock clock = Clock.fixed(Instant.parse("2025-03-10T10:00:00Z"), ZoneOffset.UTC);
    final InMemoryResponseStore responses = new InMemoryResponseStore();
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final InMemoryItemStore items = new InMemoryItemStore();
    final InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
    final InMemoryQualificationStore qualifications = new InMemoryQualificationStore();
    final RecordingScheduler scheduler = new RecordingScheduler();
    final RecordingChatNotifier chat = new RecordingChatNotifier();
    final Customer customer = TestData.aCustomer().build();
    final SlackWorkerHandler handler = new SlackWorkerHandler(new Worker(
            new QualifyResponse(responses, qualifications, customers, items, followUps, scheduler,
                    TestData.taxonomyRules(), new InMemoryAuditLog(), chat, null, new FollowUpPlanner(clock), clock),
            new ValidateOrDelete(responses, customers, items, chat, clock)));

    SlackWorkerHandlerTest() {
        customers.put(customer);
        items.put(TestData.anInvoice(customer.id(), "FA-2025-0142").build());
        items.put(TestData.anInvoice(customer.id(), "FA-2025-0190").build());
        responses.create(new Response("em-1", ResponseChannel.EMAIL, customer.id(), "compta@fournil.example", null,
                Instant.parse("2025-03-10T08:00:00Z"), "Re: Relance", "Virement le 14 ; FA-2025-0190 contestée.",
                "fr", "raw/em-1", null, null, List.of("FA-2025-0142", "FA-2025-0190"), null, null, null, null,
                ResponseState.NEW, new CardRef("C1", "1741599000.123456"), null));
    }

    String run(Work work) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(WorkCodec.encode(work).getBytes(StandardCharsets.UTF_8)), out,
                null);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Work.Qualify qualify() {
        return new Work.Qualify(new QualifyResponse.Command("em-1", "V07MODAL01:h1", List.of(
                new QualificationGroup(List.of("FA-2025-0142"), "PAYMENT_PROMISE", "Virement le 14", null,
                        LocalDate.of(2025, 3, 14), null, FollowUpOverride.NONE),
                new QualificationGroup(List.of("FA-2025-0190"), "COMMERCIAL_DISPUTE", "Prix contesté", null, null,
                        null, FollowUpOverride.NONE)), Notify.NOBODY, "U07ABCD1234", false));
    }

    @Test
    void qualifyPayload_qualifiesTheResponseGroupByGroup() throws Exception {
        String out = run(qualify());

        assertThat(out).contains("\"status\":\"QUALIFIED\"");
        assertThat(responses.get("em-1").orElseThrow().state()).isEqualTo(ResponseState.QUALIFIED);
        assertThat(items.get(customer.id(), "FA-2025-0142").orElseThrow().status()).isEqualTo("PAYMENT_PROMISE");
        assertThat(items.get(customer.id(), "FA-2025-0190").orElseThrow().status()).isEqualTo("COMMERCIAL_DISPUTE");
        assertThat(scheduler.schedules()).hasSize(2);
        assertThat(chat.updated).hasSize(1);
    }

    @Test
    void qualifyPayload_deliveredTwice_hasOneEffect() throws Exception {
        run(qualify());

        run(qualify());

        assertThat(qualifications.size()).isEqualTo(1);
        assertThat(qualifications.latest("em-1").orElseThrow().version()).isEqualTo(1);
        assertThat(scheduler.schedules()).hasSize(2);
        assertThat(followUps.all()).hasSize(2);
    }

    @Test
    void workDoneLog_carriesIdsAndTheOutcome_neverTheCollectorsOrCustomersWords() throws Exception {
        java.io.PrintStream original = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            run(qualify());
        } finally {
            System.setOut(original);
        }

        String log = logs.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("work done").contains("{\"responseId\":\"em-1\"}")
                .contains("{\"outcome\":\"QUALIFIED\"}");
        // the comments (prefilled from the customer's words), promised amounts and addresses stay out of the log
        assertThat(log).doesNotContain("Virement le 14").doesNotContain("Prix contesté")
                .doesNotContain("compta@fournil.example").doesNotContain("promisedDate");
    }

    @Test
    void validatePayload_validatesTheResponse() throws Exception {
        run(new Work.Validate("em-1", "U07ABCD1234"));

        assertThat(responses.get("em-1").orElseThrow().state()).isEqualTo(ResponseState.VALIDATED);
    }

    @Test
    void unknownAction_isRefusedLoudly() {
        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(
                "{\"action\":\"launch\",\"work\":{}}".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("launch");
    }
}
