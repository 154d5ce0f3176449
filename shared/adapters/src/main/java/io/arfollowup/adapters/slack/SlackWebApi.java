package io.arfollowup.adapters.slack;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonBlockElementFactory;
import com.slack.api.util.json.GsonContextBlockElementFactory;
import com.slack.api.util.json.GsonLayoutBlockFactory;
import com.slack.api.util.json.GsonTextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Slack Web API methods the workers call (chat.postMessage, chat.update, chat.postEphemeral, views.publish…),
 * as JSON POSTs with the bot token on the JDK HTTP client. Block Kit is built with slack-api-model and serialised
 * with its own Gson factories. Bolt and slack-api-client stay in the Slack function only: together with their OkHttp
 * and Kotlin runtime they would add 5.6 MB to every other Lambda jar (docs/decisions/slack-web-api-client.md).
 * A 429 is retried after its Retry-After (at most 5 attempts, 30 s each): chat.postMessage allows about one message
 * per second per channel, so a burst of answers is queued rather than lost.
 */
public final class SlackWebApi {

    /** Snake-case Gson that reads and writes Block Kit like the Slack SDK does. */
    public static final Gson BLOCKS = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(com.slack.api.model.block.LayoutBlock.class, new GsonLayoutBlockFactory())
            .registerTypeAdapter(com.slack.api.model.block.element.BlockElement.class, new GsonBlockElementFactory())
            .registerTypeAdapter(com.slack.api.model.block.ContextBlockElement.class,
                    new GsonContextBlockElementFactory())
            .registerTypeAdapter(com.slack.api.model.block.composition.TextObject.class, new GsonTextObjectFactory())
            .disableHtmlEscaping()
            .create();

    private static final int MAX_ATTEMPTS = 5;

    /** Waits out a 429's Retry-After; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long seconds) throws InterruptedException;
    }

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Sleeper sleeper;

    /** {@code baseUrl}: {@code https://slack.com/api/} in production, the loopback stand-in locally. */
    public SlackWebApi(String baseUrl, String token) {
        this(baseUrl, token, seconds -> Thread.sleep(seconds * 1000));
    }

    public SlackWebApi(String baseUrl, String token, Sleeper sleeper) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.sleeper = sleeper;
    }

    /** Posts a message to an interaction's {@code response_url} (no token: the URL is the credential). */
    public void respond(String responseUrl, JsonObject message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(BLOCKS.toJson(message), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new SlackFailure("response_url HTTP " + response.statusCode());
        }
    }

    /** Calls a method with a JSON body; returns Slack's answer; {@code ok:false} is a {@link SlackFailure}. */
    public JsonObject call(String method, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(method))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(BLOCKS.toJson(body), StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == 429 && attempt < MAX_ATTEMPTS) {
                sleep(retryAfter(response));
                continue;
            }
            if (response.statusCode() != 200) {
                throw new SlackFailure(method + " HTTP " + response.statusCode());
            }
            JsonElement parsed = JsonParser.parseString(response.body());
            JsonObject out = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
            if (!out.has("ok") || !out.get("ok").getAsBoolean()) {
                throw new SlackFailure(method + " " + (out.has("error") ? out.get("error").getAsString() : "not ok"));
            }
            return out;
        }
    }

    /** Block Kit objects (LayoutBlock lists, views) as JSON. */
    public static JsonElement json(Object blocks) {
        return BLOCKS.toJsonTree(blocks);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure("interrupted");
        }
    }

    private static long retryAfter(HttpResponse<?> response) {
        try {
            return Math.min(30, Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")
                    .trim())));
        } catch (NumberFormatException bad) {
            return 1;
        }
    }

    private void sleep(long seconds) {
        try {
            sleeper.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure("interrupted while rate limited");
        }
    }

    /** A Slack Web API call that did not succeed. */
    public static final class SlackFailure extends RuntimeException {
        public SlackFailure(String error) {
            super("slack: " + error);
        }

        /** True when Slack answered this error code (e.g. {@code expired_trigger_id}). */
        public boolean is(String error) {
            return getMessage().endsWith(" " + error);
        }
    }
}
