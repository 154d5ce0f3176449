package io.arfollowup.adapters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.testing.stubs.RecordedRequest;
import io.arfollowup.testing.stubs.SecretsManagerStub;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The functions' secrets in AWS: read from Secrets Manager at init with a signed GetSecretValue, once per JVM, and
 * never shown (not in AppConfig's toString, not in an error message).
 */
class SecretsIT {

    static final String SLACK = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ar-followup/slack-AbC123";
    static final String LINK = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ar-followup/link-key-XyZ789";
    static final String BOT = "xoxb-1111-2222-secretbot";
    static final String SIGNING = "8f14e45fceea167a5a36dedd4bea2543";
    static final String KEY = "k3y-0123456789abcdef0123456789abcdef";
    static final String OLD_KEY = "old-0123456789abcdef0123456789abcdef";

    static SecretsManagerStub stub;

    @BeforeAll
    static void start() {
        stub = new SecretsManagerStub()
                .put(SLACK, "{\"botToken\":\"" + BOT + "\",\"signingSecret\":\"" + SIGNING + "\"}")
                .put(LINK, "{\"linkSigningKey\":\"" + KEY + "\",\"previousLinkSigningKey\":\"" + OLD_KEY + "\"}");
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void fresh() {
        stub.clear();
        Secrets.forget();
    }

    static AppConfig config(String slackArn, String linkArn) {
        Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "t", "MAIL_BUCKET", "b",
                "INBOUND_DOMAINS", "reply.example.com", "SENDER_ADDRESS", "relances@example.com",
                "SECRETSMANAGER_ENDPOINT", stub.endpoint().toString()));
        if (slackArn != null) {
            env.put("SLACK_SECRET_ARN", slackArn);
        }
        if (linkArn != null) {
            env.put("LINK_KEY_SECRET_ARN", linkArn);
        }
        return AppConfig.from(env);
    }

    @Test
    void theSecretsNamedByTheEnvironmentFillTheConfiguration() {
        AppConfig c = config(SLACK, LINK);
        assertThat(c.namesSecrets()).isTrue();
        assertThat(c.slackBotToken()).isNull();

        AppConfig resolved = Secrets.resolve(c);

        assertThat(resolved.slackBotToken()).isEqualTo(BOT);
        assertThat(resolved.slackSigningSecret()).isEqualTo(SIGNING);
        assertThat(resolved.linkSigningKey()).isEqualTo(KEY);
        assertThat(resolved.previousLinkSigningKey()).isEqualTo(OLD_KEY);
        assertThat(resolved.tableName()).isEqualTo("t");

        RecordedRequest first = stub.requests().get(0);
        assertThat(first.header("x-amz-target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(first.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(first.header("authorization")).as("signed for the secret's own region")
                .contains("/eu-west-1/secretsmanager/aws4_request");
        assertThat(first.bodyText()).contains(SLACK);
    }

    @Test
    void eachSecretIsReadOncePerJvm() {
        Secrets.resolve(config(SLACK, LINK));
        Secrets.resolve(config(SLACK, LINK));
        Secrets.resolve(config(SLACK, null));

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void secretsNeverShowInTheConfigurationsText() {
        String text = Secrets.resolve(config(SLACK, LINK)).toString();

        assertThat(text).doesNotContain(BOT, SIGNING, KEY, OLD_KEY).contains("***", SLACK);
    }

    @Test
    void aMissingKeyFailsTheInitNamingTheKeyNotTheValues() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:half-QqQ111";
        stub.put(arn, "{\"botToken\":\"" + BOT + "\"}");

        assertThatThrownBy(() -> Secrets.resolve(config(arn, null)))
                .hasMessageContaining("signingSecret").hasMessageContaining(arn).hasMessageNotContaining(BOT);
    }

    @Test
    void aRefusalSaysWhichSecretAndWhy() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-ZzZ999";
        stub.deny(arn);

        assertThatThrownBy(() -> Secrets.resolve(config(arn, null)))
                .hasMessageContaining("400").hasMessageContaining("AccessDeniedException").hasMessageContaining(arn);
    }

    @Test
    void aSecretThatIsNotJsonIsRefusedWithoutQuotingIt() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:plain-PpP222";
        stub.put(arn, "xoxb-plain-token-value");

        assertThatThrownBy(() -> Secrets.resolve(config(arn, null)))
                .hasMessageContaining("not a JSON object").hasMessageNotContaining("xoxb-plain-token-value");
    }

    @Test
    void locallyNothingIsRead() {
        AppConfig c = config(null, null);

        assertThat(c.namesSecrets()).isFalse();
        assertThat(stub.requests()).isEmpty();
    }
}
