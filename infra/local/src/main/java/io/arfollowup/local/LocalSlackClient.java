package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.arfollowup.functions.slack.SlackSignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Plays Slack's part towards our request URL: builds interaction payloads as Slack sends them
 * ({@code payload=<url-encoded JSON>}), signs them with the real v0 algorithm, and POSTs them over HTTP to the
 * Slack function's endpoint. The demo and the preview page use it; it is the same path as in AWS.
 */
public final class LocalSlackClient {

    private final URI requestUrl;
    private final URI responseUrlBase;
    private final String signingSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    public LocalSlackClient(URI requestUrl, URI responseUrlBase, String signingSecret, Clock clock) {
        this.requestUrl = requestUrl;
        this.responseUrlBase = responseUrlBase;
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    /** A click on a card button. */
    public int clickButton(String userId, String channel, String messageTs, String actionId, String value) {
        return clickButton(userId, channel, messageTs, "response_actions", actionId, value,
                responseUrlBase + "/response/" + UUID.randomUUID()).status();
    }

    /** A click on a button inside an open modal ({@code view} as Slack holds it, with the values typed so far). */
    public int clickInView(String userId, JsonNode view, ObjectNode values, String actionId, String value) {
        return clickInView(userId, view, values, "modal_actions", actionId, value).status();
    }

    /** Submits a modal: {@code view} as views.open returned it, {@code values} as Slack's view.state.values. */
    public int submitView(String userId, JsonNode view, ObjectNode values) {
        return submit(userId, view, values).status();
    }

    /** The HTTP answer of the Slack function (status and body: errors of a form, options of a search…). */
    public record Reply(int status, String body) {
        public JsonNode json() {
            return LocalJson.read(body == null || body.isBlank() ? "{}" : body);
        }
    }

    /** A click on a button of a card whose response_url is {@code responseUrl} (to read the ephemeral answers). */
    public Reply clickButton(String userId, String channel, String messageTs, String blockId, String actionId,
                             String value, String responseUrl) {
        ObjectNode p = inMessage(userId, channel, messageTs, responseUrl);
        p.putArray("actions").addObject().put("action_id", actionId).put("block_id", blockId).put("value", value)
                .put("type", "button").put("action_ts", ts());
        return send(p);
    }

    /** A choice in a select of a card (the triage picker): {@code selected_option} carries the value. */
    public Reply selectInMessage(String userId, String channel, String messageTs, String blockId, String actionId,
                                 String value, String responseUrl) {
        ObjectNode p = inMessage(userId, channel, messageTs, responseUrl);
        selected(p.putArray("actions").addObject().put("action_id", actionId).put("block_id", blockId)
                .put("type", "external_select").put("action_ts", ts()), value);
        return send(p);
    }

    /** A click on a button of a view (modal or Home tab) in block {@code blockId}; no response_url there. */
    public Reply clickInView(String userId, JsonNode view, ObjectNode values, String blockId, String actionId,
                             String value) {
        ObjectNode p = inView(userId, view, values);
        p.putArray("actions").addObject().put("action_id", actionId).put("block_id", blockId).put("value", value)
                .put("type", "button").put("action_ts", ts());
        return send(p);
    }

    /** A choice in an input that dispatches its action (the modal's status select). */
    public Reply selectInView(String userId, JsonNode view, ObjectNode values, String blockId, String actionId,
                              String value) {
        ObjectNode p = inView(userId, view, values);
        selected(p.putArray("actions").addObject().put("action_id", actionId).put("block_id", blockId)
                .put("type", "static_select").put("action_ts", ts()), value);
        return send(p);
    }

    /** A block_actions payload from a card in {@code channel}. */
    private ObjectNode inMessage(String userId, String channel, String messageTs, String responseUrl) {
        ObjectNode p = base("block_actions", userId);
        p.put("trigger_id", triggerId());
        p.put("response_url", responseUrl);
        p.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel)
                .put("is_ephemeral", false);
        p.putObject("channel").put("id", channel).put("name", "collections");
        p.putObject("message").put("type", "message").put("ts", messageTs).put("text", "card");
        return p;
    }

    /** A block_actions payload from an open view, carrying the values typed so far. */
    private ObjectNode inView(String userId, JsonNode view, ObjectNode values) {
        ObjectNode p = base("block_actions", userId);
        p.put("trigger_id", triggerId());
        p.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
        p.set("view", withValues(view, values));
        return p;
    }

    private static ObjectNode withValues(JsonNode view, ObjectNode values) {
        ObjectNode v = view.deepCopy();
        v.putObject("state").set("values", values == null ? LocalJson.MAPPER.createObjectNode() : values);
        return v;
    }

    private static void selected(ObjectNode action, String value) {
        action.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text")
                .put("text", value);
    }

    /** What the collector typed in an external select: Slack asks for options (block_suggestion). */
    public Reply suggest(String userId, JsonNode view, String blockId, String actionId, String typed) {
        ObjectNode p = base("block_suggestion", userId);
        p.put("block_id", blockId).put("action_id", actionId).put("value", typed);
        if (view != null) {
            p.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
            p.set("view", view.deepCopy());
        } else {
            p.putObject("container").put("type", "message");
        }
        return send(p);
    }

    /** Submits a modal and returns the function's answer (empty, or {@code response_action} errors / update). */
    public Reply submit(String userId, JsonNode view, ObjectNode values) {
        ObjectNode p = base("view_submission", userId);
        p.put("trigger_id", triggerId());
        p.set("view", withValues(view, values));
        p.putArray("response_urls");
        return send(p);
    }

    /** A slash command as Slack posts it (form fields, not a JSON payload). */
    public Reply command(String userId, String command, String text, String channel, String responseUrl) {
        String body = form("token", "unused-legacy-token", "team_id", "T0LOCAL", "team_domain", "ar-followup-local",
                "channel_id", channel, "channel_name", "collections", "user_id", userId,
                "user_name", userId.toLowerCase(), "command", command, "text", text, "api_app_id", "A0ARLOCAL",
                "response_url", responseUrl, "trigger_id", triggerId());
        return postForReply(body, "application/x-www-form-urlencoded", Map.of());
    }

    /** An Events API delivery (JSON), with Slack's retry headers when {@code retryNum} &gt; 0. */
    public Reply event(JsonNode event, int retryNum, String retryReason) {
        ObjectNode envelope = LocalJson.MAPPER.createObjectNode();
        envelope.put("token", "unused-legacy-token").put("team_id", "T0LOCAL").put("api_app_id", "A0ARLOCAL");
        envelope.set("event", event);
        envelope.put("type", "event_callback").put("event_id", "Ev" + Math.abs(event.hashCode()))
                .put("event_time", clock.instant().getEpochSecond());
        Map<String, String> headers = retryNum <= 0 ? Map.of() : Map.of("X-Slack-Retry-Num",
                Integer.toString(retryNum), "X-Slack-Retry-Reason", retryReason);
        try {
            return postForReply(LocalJson.MAPPER.writeValueAsString(envelope), "application/json", headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1] == null ? "" : pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** POSTs an interaction payload signed, as Slack does; returns status and body. */
    public Reply send(JsonNode payload) {
        try {
            String body = "payload=" + URLEncoder.encode(LocalJson.MAPPER.writeValueAsString(payload),
                    StandardCharsets.UTF_8);
            return postForReply(body, "application/x-www-form-urlencoded", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply postForReply(String body, String contentType, Map<String, String> extraHeaders) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return exchange(body, contentType, timestamp, true, extraHeaders);
    }

    /** One signed POST to the request URL ({@code signed=false}: a wrong signature). */
    private Reply exchange(String body, String contentType, String timestamp, boolean signed,
                           Map<String, String> extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUrl)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signed ? SlackSignatureVerifier.sign(signingSecret, timestamp, bytes)
                        : "v0=00")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        extraHeaders.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI responseUrlBase() {
        return responseUrlBase;
    }

    private ObjectNode base(String type, String userId) {
        ObjectNode p = LocalJson.MAPPER.createObjectNode();
        p.put("type", type);
        p.put("api_app_id", "A0ARLOCAL");
        p.put("token", "unused-legacy-token");
        p.putObject("team").put("id", "T0LOCAL").put("domain", "ar-followup-local");
        p.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
                .put("team_id", "T0LOCAL");
        return p;
    }

    /** POSTs the payload signed, as Slack does; returns the HTTP status. */
    public int post(JsonNode payload) {
        return send(payload).status();
    }

    /** POSTs a raw body; {@code signed=false} sends a wrong signature (to show the 401). */
    public int postRaw(String body, String timestamp, boolean signed) {
        return exchange(body, "application/x-www-form-urlencoded", timestamp, signed, Map.of()).status();
    }

    private String triggerId() {
        return clock.millis() + "." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000) + ".local";
    }

    private String ts() {
        return clock.instant().getEpochSecond() + ".000100";
    }
}
