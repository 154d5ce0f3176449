package io.arfollowup.adapters.secrets;

import com.google.gson.JsonObject;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Fills the configuration's secrets from Secrets Manager: {@code SLACK_SECRET_ARN} (JSON keys {@code botToken},
 * {@code signingSecret}) and {@code LINK_KEY_SECRET_ARN} ({@code linkSigningKey}, optionally
 * {@code previousLinkSigningKey}). Each secret is read once per JVM (cached by ARN), during the function's init; a
 * missing secret, key or permission fails the init with a message that names the ARN and the key, never a value.
 *
 * <p>SnapStart: the init runs before the snapshot, so the values are in it. That is deliberate and documented
 * (docs/decisions/secrets-from-secrets-manager.md): a snapshot is encrypted and only ever restored into this
 * function's sandboxes; a changed secret reaches the functions through a new version (template parameter
 * {@code SecretsVersion}), whose init reads it again.
 */
public final class Secrets {

    private static final Map<String, JsonObject> CACHE = new ConcurrentHashMap<>();

    private Secrets() {
    }

    /** With the real Secrets Manager (or {@code SECRETSMANAGER_ENDPOINT}'s loopback stand-in). */
    public static AppConfig resolve(AppConfig config) {
        var http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5)).build();
        try {
            var credentials = config.secretsEndpoint() != null
                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create("LOCAL", "LOCAL"))
                    : DefaultCredentialsProvider.builder().build();
            SecretsManagerReader reader = new SecretsManagerReader(http, credentials, config.secretsEndpoint(),
                    Clock.systemUTC());
            return resolve(config, reader::secretString);
        } finally {
            http.close();
        }
    }

    /** {@code fetch}: secret ARN → its SecretString. */
    public static AppConfig resolve(AppConfig config, Function<String, String> fetch) {
        String botToken = null;
        String signingSecret = null;
        String linkKey = null;
        String previousLinkKey = null;
        if (config.slackSecretArn() != null) {
            JsonObject slack = read(config.slackSecretArn(), fetch);
            botToken = required(slack, "botToken", config.slackSecretArn());
            signingSecret = required(slack, "signingSecret", config.slackSecretArn());
        }
        if (config.linkKeySecretArn() != null) {
            JsonObject link = read(config.linkKeySecretArn(), fetch);
            linkKey = required(link, "linkSigningKey", config.linkKeySecretArn());
            previousLinkKey = Json.text(link, null, "previousLinkSigningKey");
            if (previousLinkKey != null && previousLinkKey.isBlank()) {
                previousLinkKey = null;
            }
        }
        return config.withSecrets(botToken, signingSecret, linkKey, previousLinkKey);
    }

    /** Forgets what was read (tests; a JVM in AWS never needs it: a new secret comes with a new version). */
    public static void forget() {
        CACHE.clear();
    }

    private static JsonObject read(String arn, Function<String, String> fetch) {
        return CACHE.computeIfAbsent(arn, a -> {
            String text = fetch.apply(a);
            try {
                return Json.parse(text);
            } catch (RuntimeException e) {
                // the parser's message may quote the text: say only what is wrong
                throw new IllegalStateException("secret " + a + " is not a JSON object of keys and values");
            }
        });
    }

    private static String required(JsonObject secret, String key, String arn) {
        String v = Json.text(secret, null, key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("secret " + arn + " lacks the key " + key);
        }
        return v;
    }
}
