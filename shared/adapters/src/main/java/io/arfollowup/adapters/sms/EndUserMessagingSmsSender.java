package io.arfollowup.adapters.sms;

import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.core.domain.PhoneNumber;
import io.arfollowup.core.port.SmsSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SMS through AWS End User Messaging SMS ({@code SendTextMessage} of the pinpoint-sms-voice-v2 API). The SDK's
 * service module for it is not served by the Maven mirror here, so the call is made as the SDK would make it: a
 * JSON 1.0 POST with {@code X-Amz-Target}, signed with the SDK's own SigV4 signer and credentials chain, on the
 * JDK HTTP client (docs/decisions/sms-end-user-messaging.md). Locally the endpoint is the loopback capture.
 * The number is checked to be E.164 before any call; throttling (429) and 5xx are retried with backoff.
 */
public final class EndUserMessagingSmsSender implements SmsSender {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final int MAX_ATTEMPTS = 4;

    /** Where and as whom: region, endpoint (null = AWS's), origination identity (phone number, sender id or pool). */
    public record Settings(String region, URI endpoint, String originationIdentity, String configurationSet) {
        public Settings {
            Objects.requireNonNull(region, "AWS_REGION");
        }

        URI uri() {
            return endpoint != null ? endpoint : URI.create("https://sms-voice." + region + ".amazonaws.com/");
        }
    }

    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public EndUserMessagingSmsSender(Settings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    @Override
    public String send(String to, String text, String reference) {
        if (to == null || !PhoneNumber.E164.matcher(to).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
        JsonObject body = new JsonObject();
        body.addProperty("DestinationPhoneNumber", to);
        body.addProperty("MessageBody", text);
        body.addProperty("MessageType", "TRANSACTIONAL");
        if (settings.originationIdentity() != null) {
            body.addProperty("OriginationIdentity", settings.originationIdentity());
        }
        if (settings.configurationSet() != null) {
            body.addProperty("ConfigurationSetName", settings.configurationSet());
        }
        JsonObject context = new JsonObject();
        context.addProperty("followUpId", reference == null ? "" : reference);
        body.add("Context", context);
        byte[] payload = Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = call(payload);
            int status = response.statusCode();
            if (status == 200) {
                return Json.text(Json.parse(response.body()), "", "MessageId");
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                String type = errorType(response.body());
                if (status >= 400 && status < 500 && status != 429) {
                    throw new IllegalArgumentException("SMS refused: " + type + " (HTTP " + status + ")");
                }
                throw new IllegalStateException("SMS failed: " + type + " (HTTP " + status + ")");
            }
            sleep(200L << attempt);
        }
    }

    private HttpResponse<String> call(byte[] payload) {
        URI uri = settings.uri();
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "PinpointSMSVoiceV2.SendTextMessage")
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms-voice")
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String errorType(String body) {
        try {
            String t = Json.text(Json.parse(body), "unknown", "__type");
            return t.substring(t.lastIndexOf('#') + 1);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
