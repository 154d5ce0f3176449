package io.arfollowup.adapters.config;

import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment, read once into one typed object that fails fast and names the missing variable. Endpoint
 * overrides ({@code *_ENDPOINT}) point the same code at the local engines; in AWS they are absent.
 */
public record AppConfig(
        String region,
        String tableName,
        String mailBucket,
        String rawMailPrefix,
        List<String> inboundDomains,
        String replyLocalPart,
        String senderAddress,
        String senderName,
        String companyName,
        String webBaseUrl,
        ZoneId defaultZone,
        LocalTime sendHour,
        String scheduleGroup,
        String schedulerRoleArn,
        String runnerTargetArn,
        String scheduleDlqArn,
        String workerFunction,
        String slackChannel,
        String slackBotToken,
        String slackSigningSecret,
        String slackApiUrl,
        String slackLanguage,
        String linkSigningKey,
        Endpoints endpoints,
        int webPromiseHorizonDays,
        String smsOriginationIdentity,
        URI smsEndpoint,
        String runnerFunction,
        String slackAdminGroup,
        int scenarioBudget,
        String slackSecretArn,
        String linkKeySecretArn,
        String previousLinkSigningKey,
        String sesConfigurationSet,
        URI secretsEndpoint) {

    /** Loopback endpoints of the local engines and stubs; all null in AWS. */
    public record Endpoints(URI dynamodb, URI s3, URI ses, URI scheduler, URI lambda) {
        public static final Endpoints AWS = new Endpoints(null, null, null, null, null);
    }

    /**
     * The Lambda's environment; where it names secrets ({@code SLACK_SECRET_ARN}, {@code LINK_KEY_SECRET_ARN}, in
     * AWS) they are read from Secrets Manager now, once per JVM (docs/decisions/secrets-from-secrets-manager.md).
     */
    public static AppConfig fromEnvironment() {
        AppConfig config = from(System.getenv());
        return config.namesSecrets() ? io.arfollowup.adapters.secrets.Secrets.resolve(config) : config;
    }

    /** True when some secret must be read from Secrets Manager (AWS); locally the values are plain variables. */
    public boolean namesSecrets() {
        return slackSecretArn != null || linkKeySecretArn != null;
    }

    /** The same configuration with the secrets' values filled in (null keeps the current value). */
    public AppConfig withSecrets(String botToken, String signingSecret, String linkKey, String previousLinkKey) {
        return new AppConfig(region, tableName, mailBucket, rawMailPrefix, inboundDomains, replyLocalPart,
                senderAddress, senderName, companyName, webBaseUrl, defaultZone, sendHour, scheduleGroup,
                schedulerRoleArn, runnerTargetArn, scheduleDlqArn, workerFunction, slackChannel,
                botToken != null ? botToken : slackBotToken,
                signingSecret != null ? signingSecret : slackSigningSecret, slackApiUrl, slackLanguage,
                linkKey != null ? linkKey : linkSigningKey, endpoints, webPromiseHorizonDays,
                smsOriginationIdentity, smsEndpoint, runnerFunction, slackAdminGroup, scenarioBudget, slackSecretArn,
                linkKeySecretArn, previousLinkKey != null ? previousLinkKey : previousLinkSigningKey,
                sesConfigurationSet, secretsEndpoint);
    }

    /** Never prints a secret: the record's default toString would (a config logged at init, an exception). */
    @Override
    public String toString() {
        return "AppConfig[region=" + region + ", tableName=" + tableName + ", mailBucket=" + mailBucket
                + ", inboundDomains=" + inboundDomains + ", slackChannel=" + slackChannel
                + ", slackBotToken=" + redacted(slackBotToken) + ", slackSigningSecret=" + redacted(slackSigningSecret)
                + ", linkSigningKey=" + redacted(linkSigningKey) + ", previousLinkSigningKey="
                + redacted(previousLinkSigningKey) + ", slackSecretArn=" + slackSecretArn + ", linkKeySecretArn="
                + linkKeySecretArn + ", sesConfigurationSet=" + sesConfigurationSet + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "null" : "***";
    }

    public static AppConfig from(Map<String, String> env) {
        Reader r = new Reader(env);
        AppConfig config = new AppConfig(
                r.optional("AWS_REGION", "eu-west-1"),
                r.required("TABLE_NAME"),
                r.required("MAIL_BUCKET"),
                r.optional("RAW_MAIL_PREFIX", "raw/"),
                List.of(r.required("INBOUND_DOMAINS").split("\\s*,\\s*")),
                r.optional("REPLY_LOCAL_PART", "reply"),
                r.required("SENDER_ADDRESS"),
                r.optional("SENDER_NAME", null),
                r.optional("COMPANY_NAME", "ar-followup"),
                r.optional("WEB_BASE_URL", null),
                ZoneId.of(r.optional("DEFAULT_TIME_ZONE", "Europe/Paris")),
                LocalTime.parse(r.optional("SEND_HOUR", "09:00")),
                r.optional("SCHEDULE_GROUP", "ar-followup"),
                r.optional("SCHEDULER_ROLE_ARN", null),
                r.optional("RUNNER_TARGET_ARN", null),
                r.optional("SCHEDULE_DLQ_ARN", null),
                r.optional("WORKER_FUNCTION", null),
                r.optional("SLACK_CHANNEL", null),
                r.optional("SLACK_BOT_TOKEN", null),
                r.optional("SLACK_SIGNING_SECRET", null),
                r.optional("SLACK_API_URL", null),
                r.optional("SLACK_LANGUAGE", "en"),
                r.optional("LINK_SIGNING_KEY", null),
                new Endpoints(r.uri("DYNAMODB_ENDPOINT"), r.uri("S3_ENDPOINT"), r.uri("SES_ENDPOINT"),
                        r.uri("SCHEDULER_ENDPOINT"), r.uri("LAMBDA_ENDPOINT")),
                r.integer("WEB_PROMISE_HORIZON_DAYS", 90),
                r.optional("SMS_ORIGINATION_IDENTITY", null),
                r.uri("SMS_ENDPOINT"),
                r.optional("RUNNER_FUNCTION", null),
                r.optional("SLACK_ADMIN_GROUP", null),
                Integer.parseInt(r.optional("SCENARIO_BUDGET", "500")),
                r.optional("SLACK_SECRET_ARN", null),
                r.optional("LINK_KEY_SECRET_ARN", null),
                r.optional("PREVIOUS_LINK_SIGNING_KEY", null),
                r.optional("SES_CONFIGURATION_SET", null),
                r.uri("SECRETSMANAGER_ENDPOINT"));
        r.failIfMissing();
        return config;
    }

    /** SMS are enabled when an origination identity (or, locally, the capture endpoint) is configured. */
    public boolean smsEnabled() {
        return smsOriginationIdentity != null || smsEndpoint != null;
    }

    public Optional<String> slackApi() {
        return Optional.ofNullable(slackApiUrl);
    }

    /** Collects every missing variable so one run names them all. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> missing = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String required(String name) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                missing.add(name);
                return "";
            }
            return v.trim();
        }

        String optional(String name, String fallback) {
            String v = env.get(name);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        int integer(String name, int fallback) {
            String v = optional(name, null);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                missing.add(name + " (not a number: " + v + ")");
                return fallback;
            }
        }

        URI uri(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : URI.create(v.trim());
        }

        void failIfMissing() {
            if (!missing.isEmpty()) {
                throw new IllegalStateException("missing environment variable(s): " + String.join(", ", missing));
            }
        }
    }
}
