package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
        ObjectNode p = base("block_actions", userId);
        p.put("trigger_id", triggerId());
        p.put("response_url", responseUrlBase + "/response/" + UUID.randomUUID());
        p.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel)
                .put("is_ephemeral", false);
        p.putObject("channel").put("id", channel).put("name", "collections");
        p.putObject("message").put("type", "message").put("ts", messageTs).put("text", "card");
        ArrayNode actions = p.putArray("actions");
        actions.addObject().put("action_id", actionId).put("block_id", "response_actions").put("value", value)
                .put("type", "button").put("action_ts", ts());
        return post(p);
    }

    /** A click on a button inside an open modal ({@code view} as Slack holds it, with the values typed so far). */
    public int clickInView(String userId, JsonNode view, ObjectNode values, String actionId, String value) {
        ObjectNode p = base("block_actions", userId);
        p.put("trigger_id", triggerId());
        p.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
        ObjectNode v = view.deepCopy();
        v.putObject("state").set("values", values);
        p.set("view", v);
        ArrayNode actions = p.putArray("actions");
        actions.addObject().put("action_id", actionId).put("block_id", "modal_actions").put("value", value)
                .put("type", "button").put("action_ts", ts());
        return post(p);
    }

    /** Submits a modal: {@code view} as views.open returned it, {@code values} as Slack's view.state.values. */
    public int submitView(String userId, JsonNode view, ObjectNode values) {
        ObjectNode p = base("view_submission", userId);
        p.put("trigger_id", triggerId());
        ObjectNode v = view.deepCopy();
        v.putObject("state").set("values", values);
        p.set("view", v);
        p.putArray("response_urls");
        return post(p);
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
        try {
            String body = "payload=" + URLEncoder.encode(LocalJson.MAPPER.writeValueAsString(payload),
                    StandardCharsets.UTF_8);
            return postRaw(body, Long.toString(clock.instant().getEpochSecond()), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a raw body; {@code signed=false} sends a wrong signature (to show the 401). */
    public int postRaw(String body, String timestamp, boolean signed) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = signed ? SlackSignatureVerifier.sign(signingSecret, timestamp, bytes) : "v0=00";
        HttpRequest request = HttpRequest.newBuilder(requestUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String triggerId() {
        return clock.millis() + "." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000) + ".local";
    }

    private String ts() {
        return clock.instant().getEpochSecond() + ".000100";
    }
}
