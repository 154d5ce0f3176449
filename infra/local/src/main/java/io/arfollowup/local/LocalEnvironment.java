package io.arfollowup.local;

import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.dynamodb.SingleTable;
import io.arfollowup.adapters.s3.S3BlobStore;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.EngineLauncher;
import io.arfollowup.testing.engines.RunningEngine;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the product needs, on loopback: dynalite, s3rver and aws-ses-v2-local (started by the shared launcher),
 * the Slack Web API stand-in and the scheduler emulator; the table and the bucket created from their single
 * definitions; and the {@link Components} wired to them exactly as a Lambda wires itself from its environment.
 * With a data directory the engines keep their data there (the demo uses .local/); without, in memory / temp.
 */
public final class LocalEnvironment implements AutoCloseable {

    public static final String TABLE = "ar-followup";
    public static final String BUCKET = "ar-followup-mail";
    public static final String INBOUND_DOMAIN = "inbound.atelier-lumen.example";
    public static final String SIGNING_SECRET = "local-signing-secret-not-for-production";
    /** The Slack user group of the admins locally, and its members (the stand-in answers usergroups.users.list). */
    public static final String ADMIN_GROUP = "S0ARADMINS";
    public static final List<String> ADMINS = List.of("U0COLLECT1", "U0ADMIN");

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final RunningEngine dynamo;
    private final RunningEngine s3;
    private final RunningEngine ses;
    private final SlackApiStub slack;
    private final LocalScheduler scheduler;
    private final io.arfollowup.testing.stubs.SmsStub sms;
    private final Map<String, String> env;
    private final Components components;

    public LocalEnvironment(Path dataDir, Clock clock) {
        EngineLauncher launcher = EngineLauncher.forThisCheckout();
        this.dynamo = launcher.start(Engine.DYNALITE, dataDir == null ? null : dataDir.resolve("dynamodb"));
        closeables.add(dynamo);
        this.s3 = dataDir == null ? launcher.start(Engine.S3) : launcher.start(Engine.S3, dataDir.resolve("s3"));
        closeables.add(s3);
        this.ses = launcher.start(Engine.SES);
        closeables.add(ses);
        this.slack = new SlackApiStub();
        closeables.add(slack);
        this.scheduler = new LocalScheduler();
        closeables.add(scheduler);
        this.sms = new io.arfollowup.testing.stubs.SmsStub();
        closeables.add(sms);

        Map<String, String> e = new LinkedHashMap<>();
        e.put("AWS_REGION", "eu-west-3");
        e.put("TABLE_NAME", TABLE);
        e.put("MAIL_BUCKET", BUCKET);
        e.put("RAW_MAIL_PREFIX", "raw/");
        e.put("INBOUND_DOMAINS", INBOUND_DOMAIN);
        e.put("SENDER_ADDRESS", "relances@atelier-lumen.example");
        e.put("SENDER_NAME", "Relances Atelier Lumen");
        e.put("COMPANY_NAME", "Atelier Lumen");
        e.put("DEFAULT_TIME_ZONE", "Europe/Paris");
        e.put("SEND_HOUR", "09:00");
        e.put("SCHEDULE_GROUP", "ar-followup");
        e.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/ar-followup-scheduler");
        e.put("RUNNER_TARGET_ARN", "arn:aws:lambda:eu-west-3:000000000000:function:ar-followup-follow-up-runner:live");
        e.put("SCHEDULE_DLQ_ARN", "arn:aws:sqs:eu-west-3:000000000000:ar-followup-schedule-dlq");
        e.put("WORKER_FUNCTION", "ar-followup-slack-worker");
        e.put("SLACK_CHANNEL", "C0COLLECT");
        e.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        e.put("SLACK_BOT_TOKEN", "xoxb-local");
        e.put("SLACK_API_URL", slack.endpoint() + "/api/");
        e.put("SLACK_LANGUAGE", "en");
        e.put("SLACK_ADMIN_GROUP", ADMIN_GROUP);
        e.put("LINK_SIGNING_KEY", "local-link-signing-key-0123456789-not-for-production");
        e.put("WEB_BASE_URL", "http://127.0.0.1:8787");
        e.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        e.put("S3_ENDPOINT", s3.endpoint().toString());
        e.put("SES_ENDPOINT", ses.endpoint().toString());
        e.put("SCHEDULER_ENDPOINT", scheduler.endpoint().toString());
        e.put("SMS_ENDPOINT", sms.endpoint().toString());
        this.env = Map.copyOf(e);
        this.components = new Components(AppConfig.from(env), clock);

        slack.userGroup(ADMIN_GROUP, ADMINS.toArray(String[]::new));

        SingleTable.createIfMissing(components.dynamo(), TABLE);
        ((S3BlobStore) components.blobs()).createBucketIfMissing();
    }

    public Components components() {
        return components;
    }

    public Map<String, String> env() {
        return env;
    }

    public SlackApiStub slack() {
        return slack;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    /** The local SMS capture (AWS End User Messaging SMS stand-in). */
    public io.arfollowup.testing.stubs.SmsStub sms() {
        return sms;
    }

    public RunningEngine ses() {
        return ses;
    }

    public RunningEngine dynamo() {
        return dynamo;
    }

    public RunningEngine s3() {
        return s3;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // best effort: the engines also die when this JVM does
            }
        }
    }
}
