package io.arfollowup.adapters.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arfollowup.adapters.aws.LocalAws;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.Ids;
import io.arfollowup.testing.stubs.RecordedRequest;
import io.arfollowup.testing.stubs.SchedulerStub;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * The real SchedulerClient against a loopback stand-in of the EventBridge Scheduler REST-JSON API: the exact
 * CreateSchedule body, cases B01 (at() format, UTC, DST) and B02 (names), and the idempotent answers (409, 404,
 * 429). The SDK validates nothing, so everything here is ours.
 */
class EventBridgeFollowUpSchedulerIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RUNNER = "arn:aws:lambda:eu-west-3:123456789012:function:ar-followup-runner:live";
    static final String ROLE = "arn:aws:iam::123456789012:role/ar-followup-scheduler";
    static final String DLQ = "arn:aws:sqs:eu-west-3:123456789012:ar-followup-schedules-dlq";
    static final Instant DUE = Instant.parse("2025-11-12T08:00:00Z");

    static SchedulerStub stub;
    static SchedulerClient client;
    static EventBridgeFollowUpScheduler scheduler;

    @BeforeAll
    static void start() {
        stub = new SchedulerStub();
        client = LocalAws.clients("scheduler", stub.endpoint()).scheduler();
        scheduler = new EventBridgeFollowUpScheduler(client,
                new EventBridgeFollowUpScheduler.Settings("ar-followup", RUNNER, ROLE, DLQ, 3, 3600));
    }

    @AfterAll
    static void stop() {
        client.close();
        stub.close();
    }

    @BeforeEach
    void clear() {
        stub.clear();
    }

    static int seq;

    static FollowUp followUp(Instant due) {
        String id = Ids.followUpId("em-" + (++seq) + "-" + System.nanoTime(), 1, 0);
        return new FollowUp(id, "C001", "em-1", List.of("FA-2025-0142"), "PAYMENT_PROMISE", "payment-promise-check",
                FollowUpMode.AUTOMATIC, due, ZoneId.of("Europe/Paris"), FollowUpState.PLANNED, id, "U1", null, null,
                null);
    }

    static FollowUp named(FollowUp f, String scheduleName) {
        return new FollowUp(f.id(), f.customerId(), f.responseId(), f.itemNumbers(), f.statusCode(), f.templateId(),
                f.mode(), f.due(), f.zone(), f.state(), scheduleName, f.owner(), f.comment(), null, null);
    }

    static JsonNode body(RecordedRequest r) throws Exception {
        return JSON.readTree(r.body());
    }

    static JsonNode definition(FollowUp f, String expression, String clientToken) throws Exception {
        return JSON.readTree("""
                {"ActionAfterCompletion":"DELETE","ClientToken":"%s","Description":"ar-followup follow-up %s",
                 "FlexibleTimeWindow":{"Mode":"OFF"},"GroupName":"ar-followup","ScheduleExpression":"%s",
                 "ScheduleExpressionTimezone":"UTC",
                 "Target":{"Arn":"%s","DeadLetterConfig":{"Arn":"%s"},"Input":"{\\"followUpId\\":\\"%s\\"}",
                           "RetryPolicy":{"MaximumEventAgeInSeconds":3600,"MaximumRetryAttempts":3},"RoleArn":"%s"}}
                """.formatted(clientToken, f.id(), expression, RUNNER, DLQ, f.id(), ROLE));
    }

    @Test
    void schedule_sendsExactlyTheCreateScheduleDefinition() throws Exception {
        FollowUp f = followUp(DUE);

        scheduler.schedule(f);

        assertThat(stub.requests()).hasSize(1);
        RecordedRequest r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/schedules/" + f.id());
        assertThat(body(r)).isEqualTo(definition(f, "at(2025-11-12T08:00:00)", f.id()));
    }

    @Test
    void schedule_inputCarriesIdsOnly() throws Exception {
        FollowUp f = followUp(DUE);

        scheduler.schedule(f);

        JsonNode input = JSON.readTree(body(stub.requests().get(0)).path("Target").path("Input").asText());
        assertThat(input.fieldNames()).toIterable().containsExactly("followUpId");
        assertThat(input.path("followUpId").asText()).isEqualTo(f.id());
    }

    // ---- B01: at() format, time zone, DST ----

    static Stream<JsonNode> b01Vectors() throws Exception {
        JsonNode b01 = JSON.readTree(Path.of(System.getProperty("arfollowup.shared.dir"), "cases",
                "B01-scheduler-at-expression-format-tz.json").toFile());
        return StreamSupport.stream(b01.path("vectors").spliterator(), false).filter(v -> v.has("expected")
                && v.path("expected").has("ScheduleExpression"));
    }

    /** The due instant the product computes for a vector: the planner puts the local time in the zone. */
    static Instant due(JsonNode vector) {
        if (vector.has("dueInstant")) {
            return Instant.parse(vector.path("dueInstant").asText());
        }
        LocalDateTime local = LocalDateTime.parse(vector.path("dueLocal").asText());
        FollowUpPlanner planner = new FollowUpPlanner(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
                ZoneOffset.UTC), local.toLocalTime());
        return planner.at(local.toLocalDate(), ZoneId.of(vector.path("zone").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("b01Vectors")
    void schedule_b01Vector_sendsTheExpectedUtcExpression(JsonNode vector) throws Exception {
        FollowUp f = followUp(due(vector));
        String expected = vector.path("expected").path("ScheduleExpression").asText();

        scheduler.schedule(f);

        JsonNode sent = body(stub.requests().get(0));
        assertThat(sent.path("ScheduleExpression").asText()).isEqualTo(expected)
                .isNotEqualTo(vector.path("naive_output").asText())
                .matches("^at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)$");
        assertThat(sent.path("ScheduleExpressionTimezone").asText())
                .isEqualTo(vector.path("expected").path("ScheduleExpressionTimezone").asText());
        assertThat(sent.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        assertThat(sent.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
        // round trip: read back in its time zone, the expression is the intended instant (to the second)
        Instant back = LocalDateTime.parse(expected.substring(3, expected.length() - 1)).toInstant(ZoneOffset.UTC);
        assertThat(back).isEqualTo(f.due().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void b01_dstGapAndOverlap_resolveDeterministically() {
        JsonNode gap = b01Vector("2025-03-30T02:30");
        JsonNode overlap = b01Vector("2025-10-26T02:30");

        assertThat(EventBridgeFollowUpScheduler.atExpression(due(gap))).isEqualTo("at(2025-03-30T01:30:00)");
        assertThat(EventBridgeFollowUpScheduler.atExpression(due(overlap))).isEqualTo("at(2025-10-26T00:30:00)");
        assertThat(due(overlap)).isEqualTo(due(overlap)); // same input, same instant, every time
    }

    static JsonNode b01Vector(String dueLocal) {
        try {
            return b01Vectors().filter(v -> dueLocal.equals(v.path("dueLocal").asText())).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void b01_malformedExpression_isRefusedByOurValidator() throws Exception {
        JsonNode b01 = JSON.readTree(Path.of(System.getProperty("arfollowup.shared.dir"), "cases",
                "B01-scheduler-at-expression-format-tz.json").toFile());
        List<String> refused = new ArrayList<>();
        b01.path("vectors").forEach(v -> {
            if (v.has("expression_typo")) {
                refused.add(v.path("expression_typo").asText());
            }
            if (v.has("naive_output")) {
                refused.add(v.path("naive_output").asText());
            }
        });
        refused.addAll(List.of("at(2025-03-12T08:00:00Z)", "at(2025-03-12 08:00:00)", "at(2025-03-12T8:00:00)",
                "cron(0 8 * * ? *)", ""));

        assertThat(refused).contains("a(2025-03-12T08:00:00)", "at(2025-03-12T09:00)");
        for (String expression : refused) {
            if (expression.startsWith("at(2026-12-29") || expression.startsWith("at(2025-03-12T03:00:00")) {
                continue; // well-formed but wrong (YYYY, hh): the vectors above prove we never send those
            }
            assertThatThrownBy(() -> EventBridgeFollowUpScheduler.requireAtExpression(expression))
                    .as(expression).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(EventBridgeFollowUpScheduler.requireAtExpression("at(2025-03-12T08:00:00)"))
                .isEqualTo("at(2025-03-12T08:00:00)");
    }

    @Test
    void schedule_dueThatCannotBeWrittenAsAnAtExpression_isRefusedBeforeAnyCall() {
        FollowUp f = followUp(Instant.parse("+10000-01-01T00:00:00Z"));

        assertThatThrownBy(() -> scheduler.schedule(f)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
    }

    // ---- B02: names ----

    @Test
    void b02_naiveName_isRefusedBeforeAnyCall_withoutEchoingIt() throws Exception {
        JsonNode b02 = JSON.readTree(Path.of(System.getProperty("arfollowup.shared.dir"), "cases",
                "B02-scheduler-name-length-and-charset.json").toFile());
        String naive = b02.path("naive_name").asText();
        FollowUp f = named(followUp(DUE), naive);

        assertThatThrownBy(() -> scheduler.schedule(f)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("marc.dubreuil", "atelier-dubreuil", naive);
        assertThatThrownBy(() -> scheduler.reschedule(f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.cancel(naive)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void b02_namesFromFollowUpIds_areValidDeterministicFreeOfPersonalDataAndDistinct() throws Exception {
        JsonNode in = JSON.readTree(Path.of(System.getProperty("arfollowup.shared.dir"), "cases",
                "B02-scheduler-name-length-and-charset.json").toFile()).path("input");
        String email = in.path("contactEmail").asText();
        // a response id comes from the SES message id / S3 key, which can carry anything: names never do
        String responseId = Ids.responseIdForMail("raw/" + in.path("customerId").asText() + "/"
                + in.path("invoiceId").asText() + "/" + email);
        String name = Ids.followUpId(responseId, 3, 0);

        assertThat(name).matches(EventBridgeFollowUpScheduler.NAME).hasSizeLessThanOrEqualTo(64)
                .isEqualTo(Ids.followUpId(responseId, 3, 0))
                .doesNotContain("dubreuil", "compta", "@", "FA-2025", "client-7f3e");
        // ids that sanitize to the same text still get distinct names (the hash covers the raw ids)
        assertThat(Ids.followUpId(Ids.responseIdForMail("FA-2025-0142/avoir#2"), 1, 0))
                .isNotEqualTo(Ids.followUpId(Ids.responseIdForMail("FA-2025-0142-avoir-2"), 1, 0));
        Set<String> names = new HashSet<>();
        for (int r = 0; r < 2_000; r++) {
            for (int v = 1; v <= 3; v++) {
                for (int g = 0; g < 3; g++) {
                    String n = Ids.followUpId("em-" + r, v, g);
                    assertThat(n).matches(EventBridgeFollowUpScheduler.NAME);
                    names.add(n);
                }
            }
        }
        assertThat(names).hasSize(2_000 * 3 * 3);
        scheduler.schedule(named(followUp(DUE), name));
        assertThat(stub.requests().get(0).path()).isEqualTo("/schedules/" + name);
    }

    // ---- idempotent answers ----

    @Test
    void schedule_retriedWithTheSameClientToken_keepsOneSchedule() throws Exception {
        FollowUp f = followUp(DUE);

        scheduler.schedule(f);
        scheduler.schedule(f);

        assertThat(stub.requests()).hasSize(2);
        assertThat(body(stub.requests().get(1)).path("ClientToken").asText()).isEqualTo(f.id());
        assertThat(stub.schedules()).containsKey(f.id());
    }

    @Test
    void schedule_answeredConflict_isSuccess() throws Exception {
        FollowUp f = followUp(DUE);
        client.createSchedule(b -> b.name(f.id()).groupName("ar-followup").clientToken("created-elsewhere")
                .scheduleExpression("at(2025-11-12T08:00:00)").scheduleExpressionTimezone("UTC")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(RUNNER).roleArn(ROLE)));
        stub.clear();

        scheduler.schedule(f);

        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.schedule(f.id()).orElseThrow().path("ClientToken").asText()).isEqualTo("created-elsewhere");
    }

    @Test
    void schedule_throttled_isRetriedByTheSdk() throws Exception {
        FollowUp f = followUp(DUE);
        stub.throttleNext(2);

        scheduler.schedule(f);

        assertThat(stub.requests()).hasSize(3).allMatch(r -> r.method().equals("POST"));
        assertThat(stub.schedule(f.id())).isPresent();
    }

    @Test
    void cancel_existing_deletesItInItsGroup() {
        FollowUp f = followUp(DUE);
        scheduler.schedule(f);
        stub.clear();

        scheduler.cancel(f.id());

        RecordedRequest r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.path()).isEqualTo("/schedules/" + f.id());
        assertThat(r.queryParams()).containsEntry("groupName", "ar-followup");
        assertThat(stub.schedule(f.id())).isEmpty();
    }

    @Test
    void cancel_alreadyGone_isSuccess() {
        String name = followUp(DUE).id();

        scheduler.cancel(name);

        assertThat(stub.requests()).singleElement().extracting(RecordedRequest::method).isEqualTo("DELETE");
    }

    @Test
    void reschedule_sendsTheWholeDefinitionWithTheNewDue() throws Exception {
        FollowUp f = followUp(DUE);
        scheduler.schedule(f);
        stub.clear();
        FollowUp postponed = f.withDue(Instant.parse("2025-11-19T08:00:00Z"));

        scheduler.reschedule(postponed);

        RecordedRequest r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.path()).isEqualTo("/schedules/" + f.id());
        String token = f.id() + "-" + postponed.due().getEpochSecond();
        assertThat(body(r)).isEqualTo(definition(f, "at(2025-11-19T08:00:00)", token));
        assertThat(stub.schedule(f.id()).orElseThrow().path("ScheduleExpression").asText())
                .isEqualTo("at(2025-11-19T08:00:00)");
    }

    @Test
    void reschedule_scheduleAlreadyGone_createsItAnew() throws Exception {
        FollowUp f = followUp(DUE);
        FollowUp postponed = f.withDue(Instant.parse("2025-11-19T08:00:00Z"));

        scheduler.reschedule(postponed);

        assertThat(stub.requests()).extracting(RecordedRequest::method).containsExactly("PUT", "POST");
        assertThat(body(stub.requests().get(1))).isEqualTo(definition(f, "at(2025-11-19T08:00:00)",
                f.id() + "-" + postponed.due().getEpochSecond()));
    }
}
