package io.arfollowup.functions.slack;

import static io.arfollowup.functions.slack.SlackFunction.body;
import static io.arfollowup.functions.slack.SlackFunction.fixture;
import static io.arfollowup.functions.slack.SlackFunction.formBody;
import static io.arfollowup.functions.slack.SlackFunction.payload;
import static io.arfollowup.functions.slack.SlackFunction.v1Event;
import static io.arfollowup.functions.slack.SlackFunction.v1Signed;
import static io.arfollowup.functions.slack.SlackFunction.v2Signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.http.HttpEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.usecase.Work;
import io.arfollowup.testing.stubs.LambdaInvokeStub;
import io.arfollowup.testing.stubs.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack request path end to end inside the function: API Gateway event (REST v1 or HTTP API v2, base64 or not)
 * → our signature check on the raw bytes with an injected clock → Bolt → listener → ack. Cases S01, S03, S05.
 */
class SlackHandlerIT {

    static final Instant S01_AT = Instant.ofEpochSecond(1741600000);
    static final Instant S03_AT = Instant.ofEpochSecond(1741600040);
    static final Instant S05_AT = Instant.ofEpochSecond(1741600060);

    SlackFunction fn;

    @AfterEach
    void close() {
        if (fn != null) {
            fn.close();
        }
    }

    /** A signed click on our Validate button, built from S01's real payload. */
    byte[] validateClick(String responseId) {
        return formBody(fn.click(payload(body(fixture("S01-apigw-base64-body-block-actions.json"))),
                SlackIds.VALIDATE, responseId));
    }

    // ---- signature ----

    @Test
    void goodSignature_isAcceptedAndTheListenerRuns() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-1", ResponseState.NEW);

        var reply = fn.send(v1Signed(validateClick("em-1"), S01_AT, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fn.dispatched()).containsExactly(new Work.Validate("em-1", "U07ABCD1234"));
    }

    @Test
    void badSignature_is401AndNothingHappens() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-1", ResponseState.NEW);
        fn.slack.clear();
        byte[] body = validateClick("em-1");
        String ts = Long.toString(S01_AT.getEpochSecond());
        byte[] tampered = validateClick("em-2");

        var wrongBody = fn.send(v1Event(tampered, ts, SlackFunction.sign(ts, body), false));
        var wrongSecret = fn.send(v1Event(body, ts, "v0=" + "0".repeat(64), false));
        var noPrefix = fn.send(v1Event(body, ts, SlackFunction.sign(ts, body).substring(3), false));

        assertThat(List.of(wrongBody.status(), wrongSecret.status(), noPrefix.status())).containsOnly(401);
        assertThat(fn.dispatched()).isEmpty();
        assertThat(fn.slack.requests()).isEmpty();
    }

    @Test
    void staleOrFutureTimestamp_is401AndNothingHappens() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-1", ResponseState.NEW);
        byte[] body = validateClick("em-1");

        var stale = fn.send(v1Signed(body, S01_AT.minusSeconds(301), false));
        var future = fn.send(v1Signed(body, S01_AT.plusSeconds(301), false));
        var edge = fn.send(v1Signed(body, S01_AT.minusSeconds(300), false));

        assertThat(stale.status()).isEqualTo(401);
        assertThat(future.status()).isEqualTo(401);
        assertThat(edge.status()).isEqualTo(200);
        assertThat(fn.dispatched()).hasSize(1);
    }

    @Test
    void missingSignatureHeaders_is401AndNothingHappens() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-1", ResponseState.NEW);
        byte[] body = validateClick("em-1");
        String ts = Long.toString(S01_AT.getEpochSecond());

        var noTimestamp = fn.send(v1Event(body, null, SlackFunction.sign(ts, body), false));
        var noSignature = fn.send(v1Event(body, ts, null, false));
        var neither = fn.send(v1Event(body, null, null, false));

        assertThat(List.of(noTimestamp.status(), noSignature.status(), neither.status())).containsOnly(401);
        assertThat(fn.dispatched()).isEmpty();
    }

    @Test
    void signedButUnparseablePayloads_are400_neither500NorEchoedInTheLog() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-1", ResponseState.NEW);
        byte[] notJson = "payload=%7Bnot+json+m.dubreuil%40atelier-dubreuil.example.net"
                .getBytes(StandardCharsets.UTF_8);
        byte[] notAnObject = "payload=%22Le+virement+a+%C3%A9t%C3%A9+%C3%A9mis%22".getBytes(StandardCharsets.UTF_8);
        byte[] viewWithoutId = formBody(com.google.gson.JsonParser.parseString(
                "{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"},\"view\":{\"callback_id\":\"qualify_modal\"}}")
                .getAsJsonObject());

        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
        List<Integer> statuses = new ArrayList<>();
        System.setOut(new java.io.PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            for (byte[] body : List.of(notJson, notAnObject, viewWithoutId)) {
                statuses.add(fn.send(v1Signed(body, S01_AT, false)).status());
            }
        } finally {
            System.setOut(original);
        }

        assertThat(statuses).containsOnly(400);
        assertThat(fn.dispatched()).isEmpty();
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("dubreuil", "virement");
    }

    // ---- S01: base64 bodies ----

    @Test
    void s01_fixtureSignature_verifiesOverTheDecodedBody() {
        JsonObject s01 = fixture("S01-apigw-base64-body-block-actions.json");
        HttpEvent event = HttpEvent.parse(s01);
        SlackSignatureVerifier verifier = new SlackSignatureVerifier(SlackFunction.SECRET,
                java.time.Clock.fixed(S01_AT, java.time.ZoneOffset.UTC));

        assertThat(s01.get("isBase64Encoded").getAsBoolean()).isTrue();
        assertThat(event.bodyText()).startsWith("payload=%7B%22type%22%3A%22block_actions%22");
        assertThat(verifier.isValid(event.header("x-slack-request-timestamp"), event.header("x-slack-signature"),
                event.body())).isTrue();
        assertThat(verifier.isValid(event.header("x-slack-request-timestamp"), event.header("x-slack-signature"),
                s01.get("body").getAsString().getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void s01_restV1Base64Body_isDecodedVerifiedAndHandled() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-s01", ResponseState.NEW);

        var reply = fn.send(v1Signed(validateClick("em-s01"), S01_AT, true));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fn.dispatched()).containsExactly(new Work.Validate("em-s01", "U07ABCD1234"));
    }

    @Test
    void s01_httpApiV2Base64Body_isDecodedVerifiedAndHandled() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-v2", ResponseState.NEW);

        var reply = fn.send(v2Signed(validateClick("em-v2"), S01_AT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fn.dispatched()).containsExactly(new Work.Validate("em-v2", "U07ABCD1234"));
    }

    // ---- S05: views.open first, expired trigger → ephemeral Retry ----

    @Test
    void s05_expiredTrigger_viewsOpenIsTheFirstCallAndTheUserGetsARetryButton() {
        fn = new SlackFunction(S05_AT, Language.FR);
        fn.storeResponse("em-s05", ResponseState.NEW);
        JsonObject s05 = fixture("S05-views-open-expired-trigger-id.json");
        JsonObject scripted = s05.getAsJsonObject("slackApiStub").getAsJsonObject("views.open");
        fn.slack.failNext("views.open", scripted.get("error").getAsString());
        byte[] click = formBody(fn.click(payload(body(s05.getAsJsonObject("apiGatewayEvent"))),
                SlackIds.QUALIFY_OPEN, "em-s05"));
        fn.slack.clear(); // what Bolt did at init (auth.test) is not part of the click

        var reply = fn.send(v1Signed(click, S05_AT, false));

        assertThat(reply.status()).isEqualTo(200);
        List<RecordedRequest> outbound = fn.slack.requests();
        assertThat(outbound).extracting(RecordedRequest::path).first().isEqualTo("/api/views.open");
        assertThat(outbound).extracting(RecordedRequest::path).doesNotContain("/api/auth.test");
        assertThat(fn.slack.calls("views.open").get(0)).containsEntry("trigger_id",
                payload(body(s05.getAsJsonObject("apiGatewayEvent"))).get("trigger_id").getAsString());
        List<JsonNode> posts = fn.slack.responseUrlPosts();
        assertThat(posts).hasSize(1);
        JsonNode ephemeral = posts.get(0);
        assertThat(ephemeral.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(ephemeral.path("replace_original").asBoolean(true)).isFalse();
        assertThat(ephemeral.findValues("action_id")).extracting(JsonNode::asText)
                .containsExactly(SlackApp.RETRY_QUALIFY);
        assertThat(ephemeral.findValues("value")).extracting(JsonNode::asText).contains("em-s05");
        assertThat(fn.dispatched()).isEmpty();
    }

    @Test
    void s05_retryClick_opensTheModal() {
        fn = new SlackFunction(S05_AT, Language.EN);
        fn.storeResponse("em-s05", ResponseState.NEW);
        byte[] click = formBody(fn.click(payload(body(fixture("S05-views-open-expired-trigger-id.json")
                .getAsJsonObject("apiGatewayEvent"))), SlackApp.RETRY_QUALIFY, "em-s05"));
        fn.slack.clear();

        var reply = fn.send(v1Signed(click, S05_AT, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fn.slack.requests()).extracting(RecordedRequest::path).containsExactly("/api/views.open");
        JsonNode view = fn.slack.lastOpenedView().orElseThrow();
        assertThat(view.path("callback_id").asText()).isEqualTo(SlackIds.QUALIFY_VIEW);
        assertThat(view.path("private_metadata").asText()).isEqualTo("em-s05");
        assertThat(fn.slack.responseUrlPosts()).isEmpty();
    }

    // ---- S03: the work is handed off durably before the ack ----

    @Test
    void s03_workIsInvokedAsynchronouslyOnTheRequestThreadBeforeTheHandlerReturns() {
        try (LambdaInvokeStub lambda = new LambdaInvokeStub()) {
            Components components = new Components(AppConfig.from(Map.of("TABLE_NAME", "t", "MAIL_BUCKET", "b",
                    "INBOUND_DOMAINS", "reply.example.com", "SENDER_ADDRESS", "relances@example.com",
                    "AWS_REGION", "eu-west-3", "WORKER_FUNCTION", "ar-followup-slack-worker",
                    "LAMBDA_ENDPOINT", lambda.endpoint().toString())), java.time.Clock.systemUTC());
            AtomicBoolean returned = new AtomicBoolean();
            List<Boolean> returnedAtInvoke = new ArrayList<>();
            lambda.onInvoke((function, payload) -> returnedAtInvoke.add(returned.get()));
            fn = new SlackFunction(S03_AT, Language.FR, components.lambdaDispatcher());
            fn.storeResponse("em-s03", ResponseState.NEW);
            byte[] click = formBody(fn.click(payload(body(fixture("S03-ack-then-background-work-lost.json"))),
                    SlackIds.VALIDATE, "em-s03"));

            var reply = fn.send(v1Signed(click, S03_AT, false));
            returned.set(true);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(returnedAtInvoke).containsExactly(false);
            assertThat(lambda.invocations()).singleElement().satisfies(i -> {
                assertThat(i.function()).isEqualTo("ar-followup-slack-worker");
                assertThat(i.invocationType()).isEqualTo("Event");
                assertThat(io.arfollowup.adapters.json.WorkCodec.decode(i.payload()))
                        .isEqualTo(new Work.Validate("em-s03", "U07ABCD1234"));
            });
            assertThat(fn.dispatchThreads).containsExactly(Thread.currentThread());
        }
    }

    // ---- decided responses ----

    @Test
    void clickOnAnAlreadyQualifiedResponse_getsAnEphemeralAlreadyAndDispatchesNothing() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-done", ResponseState.QUALIFIED);

        for (String action : List.of(SlackIds.VALIDATE, SlackIds.DELETE, SlackIds.QUALIFY_OPEN)) {
            byte[] click = formBody(fn.click(payload(body(fixture("S01-apigw-base64-body-block-actions.json"))),
                    action, "em-done"));
            assertThat(fn.send(v1Signed(click, S01_AT, true)).status()).as(action).isEqualTo(200);
        }

        assertThat(fn.dispatched()).isEmpty();
        assertThat(fn.slack.calls("views.open")).isEmpty();
        assertThat(fn.slack.responseUrlPosts()).hasSize(3).allSatisfy(p -> {
            assertThat(p.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(p.path("replace_original").asBoolean(true)).isFalse();
            assertThat(p.path("text").asText()).startsWith("Déjà traitée");
        });
    }

    // ---- view submission ----

    @Test
    void submission_withoutItemOrWithAPastDate_answersErrorsPerBlockAndDispatchesNothing() {
        fn = new SlackFunction(S01_AT, Language.EN);
        fn.storeResponse("em-q", ResponseState.NEW);
        JsonObject values = new JsonObject();
        values.add("status_0", SlackFunction.selected("static_select", "PAYMENT_PROMISE"));
        values.add("items_0", SlackFunction.multi());
        values.add("fu_date_0", SlackFunction.date("2025-03-09")); // the day before S01's clock
        values.add("status_1", SlackFunction.selected("static_select", "COMMERCIAL_DISPUTE"));
        values.add("items_1", SlackFunction.multi("FA-2025-0190"));
        values.add("fu_date_1", SlackFunction.date("2025-03-10"));

        var reply = fn.send(v1Signed(formBody(SlackFunction.submission("em-q", values)), S01_AT, false));

        assertThat(reply.status()).isEqualTo(200);
        JsonObject json = reply.json();
        assertThat(json.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(json.getAsJsonObject("errors").keySet()).containsExactlyInAnyOrder("items_0", "fu_date_0");
        assertThat(json.getAsJsonObject("errors").get("items_0").getAsString()).isEqualTo("Pick at least one invoice.");
        assertThat(json.getAsJsonObject("errors").get("fu_date_0").getAsString()).isEqualTo("This date is in the past.");
        assertThat(fn.dispatched()).isEmpty();
    }

    @Test
    void submission_valid_dispatchesOneQualificationWithItsGroups() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-q", ResponseState.NEW);
        JsonObject values = new JsonObject();
        values.add("status_0", SlackFunction.selected("static_select", "PAYMENT_PROMISE"));
        values.add("items_0", SlackFunction.multi("FA-2025-0142"));
        values.add("comment_0", SlackFunction.text("Virement le 14"));
        values.add("promised_0", SlackFunction.date("2025-03-14"));
        values.add("status_1", SlackFunction.selected("static_select", "COMMERCIAL_DISPUTE"));
        values.add("items_1", SlackFunction.multi("FA-2025-0190"));
        values.add("fu_date_1", SlackFunction.date("2025-03-20"));

        var reply = fn.send(v1Signed(formBody(SlackFunction.submission("em-q", values)), S01_AT, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("errors");
        assertThat(fn.dispatched()).singleElement().isInstanceOfSatisfying(Work.Qualify.class, q -> {
            var c = q.command();
            assertThat(c.responseId()).isEqualTo("em-q");
            assertThat(c.actor()).isEqualTo("U07ABCD1234");
            assertThat(c.submissionId()).isEqualTo("V07MODAL01:1741600000.abcdef");
            assertThat(c.groups()).hasSize(2);
            assertThat(c.groups().get(0).itemNumbers()).containsExactly("FA-2025-0142");
            assertThat(c.groups().get(0).statusCode()).isEqualTo("PAYMENT_PROMISE");
            assertThat(c.groups().get(0).comment()).isEqualTo("Virement le 14");
            assertThat(c.groups().get(0).promisedDate()).isEqualTo(java.time.LocalDate.of(2025, 3, 14));
            assertThat(c.groups().get(1).itemNumbers()).containsExactly("FA-2025-0190");
            assertThat(c.groups().get(1).statusCode()).isEqualTo("COMMERCIAL_DISPUTE");
            assertThat(c.groups().get(1).followUp().date()).isEqualTo(java.time.LocalDate.of(2025, 3, 20));
        });
    }

    // ---- add a group ----

    @Test
    void addGroup_rewritesTheOpenModalWithOneMoreGroup() {
        fn = new SlackFunction(S01_AT, Language.FR);
        fn.storeResponse("em-q", ResponseState.NEW);
        JsonObject values = new JsonObject();
        values.add("status_0", SlackFunction.selected("static_select", "PAYMENT_PROMISE"));
        JsonObject click = SlackFunction.submission("em-q", values);
        click.addProperty("type", "block_actions");
        click.add("container", com.google.gson.JsonParser.parseString(
                "{\"type\":\"view\",\"view_id\":\"V07MODAL01\"}"));
        click.add("actions", com.google.gson.JsonParser.parseString("[{\"action_id\":\"add_group\","
                + "\"block_id\":\"modal_actions\",\"value\":\"em-q\",\"type\":\"button\","
                + "\"action_ts\":\"1741599999.776655\"}]"));
        fn.slack.clear();

        var reply = fn.send(v1Signed(formBody(click), S01_AT, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fn.slack.calls("views.update")).singleElement().satisfies(u -> {
            assertThat(u).containsEntry("view_id", "V07MODAL01").containsEntry("hash", "1741600000.abcdef");
            assertThat(u.get("view")).contains("\"status_0\"", "\"status_1\"").doesNotContain("\"status_2\"");
        });
        assertThat(fn.dispatched()).isEmpty();
    }
}
