package io.arfollowup.adapters.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.usecase.FollowUpDecisions;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryAuditLog;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryFollowUpStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryQualificationStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.fakes.InMemoryRuleCatalog;
import io.arfollowup.testing.fakes.RecordingChatNotifier;
import io.arfollowup.testing.stubs.RecordedRequest;
import io.arfollowup.testing.stubs.SchedulerStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Cases B01 and B02 along the planning → schedule path: the planner's due instant for a customer's zone goes through
 * the real SDK client to a loopback EventBridge Scheduler, and the captured CreateSchedule / UpdateSchedule /
 * DeleteSchedule requests are what AWS needs (adapter-level vectors live in the scheduler's own tests).
 */
class PlanningToScheduleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AT = Pattern.compile("^at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)$");
    private static final Pattern NAME = Pattern.compile("^[0-9A-Za-z._-]{1,64}$");

    private final SchedulerStub stub = new SchedulerStub();
    private final EventBridgeFollowUpScheduler scheduler = new EventBridgeFollowUpScheduler(SchedulerClient.builder()
            .httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_3).endpointOverride(stub.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build(),
            new EventBridgeFollowUpScheduler.Settings("ar-followup",
                    "arn:aws:lambda:eu-west-3:123456789012:function:runner:live",
                    "arn:aws:iam::123456789012:role/scheduler", "arn:aws:sqs:eu-west-3:123456789012:dlq", 3, 3600));

    @AfterEach
    void stop() {
        stub.close();
    }

    private JsonNode created(String name) throws Exception {
        RecordedRequest r = stub.requests(x -> x.method().equals("POST") && x.path().equals("/schedules/" + name))
                .get(0);
        return JSON.readTree(r.body());
    }

    private static JsonNode caseFile(String name) throws Exception {
        Path dir = Path.of(System.getProperty("arfollowup.shared.dir", "../../../shared"), "cases");
        return JSON.readTree(Files.readString(dir.resolve(name)));
    }

    /** B01: each local due time (send hour in the customer's zone) becomes the expected UTC at() expression. */
    @Test
    void b01_dueLocalTimes_becomeUtcAtExpressions_throughTheRealClient() throws Exception {
        int n = 0;
        for (JsonNode v : caseFile("B01-scheduler-at-expression-format-tz.json").path("vectors")) {
            if (!v.has("dueLocal")) {
                continue; // the dueInstant and typo vectors are the adapter's own tests
            }
            LocalDateTime local = LocalDateTime.parse(v.path("dueLocal").asText());
            ZoneId zone = ZoneId.of(v.path("zone").asText());
            // planning happens well before: the planner keeps the day and applies the send hour in the zone
            FollowUpPlanner planner = new FollowUpPlanner(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
                    ZoneOffset.UTC), local.toLocalTime());
            Instant due = planner.at(local.toLocalDate(), zone);
            String id = "fu-b01-" + n++;
            scheduler.schedule(new FollowUp(id, "C1", "R1", List.of("FA-1"), "PAYMENT_PROMISE", "t",
                    FollowUpMode.AUTOMATIC, due, zone, FollowUpState.PLANNED, id, null, null, null, null));

            JsonNode body = created(id);
            JsonNode expected = v.path("expected");
            assertThat(body.path("ScheduleExpression").asText()).as(v.path("problem").asText())
                    .isEqualTo(expected.path("ScheduleExpression").asText());
            assertThat(body.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
            assertThat(body.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
            assertThat(body.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
            Matcher m = AT.matcher(body.path("ScheduleExpression").asText());
            assertThat(m.matches()).isTrue();
            // round trip: read back in its time zone, it is the planned instant (to the second)
            assertThat(LocalDateTime.parse(m.group(1)).toInstant(ZoneOffset.UTC))
                    .isEqualTo(due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        assertThat(n).isEqualTo(6);
    }

    /** B02: names come from the follow-up id (a hash of response, version, group): valid, deterministic, no PII. */
    @Test
    void b02_scheduleNames_areValidDeterministicAndFreeOfPersonalData() throws Exception {
        JsonNode input = caseFile("B02-scheduler-name-length-and-charset.json").path("input");
        String customerId = input.path("customerId").asText();
        String email = input.path("contactEmail").asText();
        String invoice = input.path("invoiceId").asText();
        String lookalike = "FA-2025-0142-avoir-2";

        InMemoryResponseStore responses = new InMemoryResponseStore();
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        InMemoryItemStore items = new InMemoryItemStore();
        InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
        InMemoryRuleCatalog rules = TestData.taxonomyRules();
        Customer c = TestData.aCustomer().id(customerId).contact(email).build();
        customers.put(c);
        items.put(TestData.anInvoice(customerId, invoice).build());
        items.put(TestData.anInvoice(customerId, lookalike).build());
        responses.create(new Response("em-b02", ResponseChannel.EMAIL, customerId, email, null,
                Instant.parse("2025-03-10T09:00:00Z"), "Re", "text", "fr", null, null, null, null, null, null, null,
                null, ResponseState.NEW, null, null));
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T09:00:00Z"), ZoneOffset.UTC);
        QualifyResponse qualify = new QualifyResponse(responses, new InMemoryQualificationStore(), customers, items,
                followUps, scheduler, rules, new InMemoryAuditLog(), new RecordingChatNotifier(), null,
                new FollowUpPlanner(clock), clock);
        QualifyResponse.Command command = new QualifyResponse.Command("em-b02", "V1:h", List.of(
                new QualificationGroup(List.of(invoice), "ADMIN_DISPUTE", null, null, null, null, FollowUpOverride.NONE),
                new QualificationGroup(List.of(lookalike), "ADMIN_DISPUTE", null, null, null, null,
                        FollowUpOverride.NONE)), Notify.NOBODY, "U1", false);

        List<FollowUp> planned = qualify.handle(command).followUps();
        qualify.handle(command); // a retried submission: same names, the stub answers the same ClientToken with 200

        Set<String> names = new HashSet<>();
        for (RecordedRequest r : stub.requests(x -> x.method().equals("POST"))) {
            String name = r.path().substring("/schedules/".length());
            assertThat(name).matches(NAME).doesNotContain("@").doesNotContain(email).doesNotContain("avoir");
            names.add(name);
        }
        assertThat(names).hasSize(2).containsExactlyInAnyOrderElementsOf(
                planned.stream().map(FollowUp::scheduleName).toList());
        assertThat(stub.schedules()).hasSize(2);
    }

    /** Postpone = UpdateSchedule with the whole definition; after the schedule fired (deleted), it is created anew. */
    @Test
    void postpone_sendsTheWholeDefinitionAgain_andCancelTreats404AsDone() throws Exception {
        InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        customers.put(TestData.aCustomer().build());
        Clock clock = Clock.fixed(Instant.parse("2025-11-07T10:00:00Z"), ZoneOffset.UTC); // Friday
        FollowUp planned = new FollowUp("fu-postpone", "C001", null, List.of("FA-1"), "PAYMENT_PROMISE",
                "payment-promise-check", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, Instant.parse("2025-11-10T08:00:00Z"),
                ZoneId.of("Europe/Paris"), FollowUpState.PLANNED, "fu-postpone", "U1", null, null, null);
        followUps.create(planned);
        scheduler.schedule(planned);
        FollowUpDecisions decisions = new FollowUpDecisions(followUps, customers, TestData.taxonomyRules(), scheduler,
                (io.arfollowup.core.usecase.RunFollowUp) null, new InMemoryAuditLog(), new RecordingChatNotifier(), new FollowUpPlanner(clock), clock);

        decisions.handle(new FollowUpDecisions.Command("fu-postpone", FollowUpDecisions.Action.POSTPONE, 7, null, null,
                null, "U1", null));

        RecordedRequest put = stub.requests(r -> r.method().equals("PUT")).get(0);
        JsonNode body = JSON.readTree(put.body());
        // Fri 7 + 7 = Fri 14 November, 09:00 Paris = 08:00 UTC
        assertThat(body.path("ScheduleExpression").asText()).isEqualTo("at(2025-11-14T08:00:00)");
        assertThat(body.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        assertThat(body.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        assertThat(body.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
        assertThat(body.path("Target").path("Input").asText()).isEqualTo("{\"followUpId\":\"fu-postpone\"}");
        assertThat(body.path("Target").path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(3);
        assertThat(body.path("Target").path("DeadLetterConfig").path("Arn").asText()).endsWith(":dlq");

        // the schedule fires and deletes itself; a second postpone finds nothing to update and creates it
        stub.requests(r -> true);
        scheduler.cancel("fu-postpone");
        decisions.handle(new FollowUpDecisions.Command("fu-postpone", FollowUpDecisions.Action.POSTPONE, 1, null, null,
                null, "U1", null));
        assertThat(stub.schedule("fu-postpone")).hasValueSatisfying(s -> assertThat(
                s.path("ScheduleExpression").asText()).isEqualTo("at(2025-11-10T08:00:00)"));

        // cancel: DELETE; a schedule already gone (404) is success
        decisions.handle(new FollowUpDecisions.Command("fu-postpone", FollowUpDecisions.Action.CANCEL, null, null, null,
                null, "U1", null));
        scheduler.cancel("fu-postpone");
        assertThat(stub.requests(r -> r.method().equals("DELETE"))).hasSize(3);
        assertThat(followUps.get("fu-postpone").orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(LocalDate.of(2025, 11, 10).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(LocalTime.of(9, 0)).isEqualTo(FollowUpPlanner.DEFAULT_SEND_HOUR);
    }
}
