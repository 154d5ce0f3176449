package io.arfollowup.adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arfollowup.adapters.aws.AwsClients;
import io.arfollowup.adapters.aws.AwsHttp;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.dynamodb.DynamoDbCustomerStore;
import io.arfollowup.adapters.dynamodb.SingleTable;
import io.arfollowup.adapters.s3.S3BlobStore;
import io.arfollowup.adapters.scheduler.EventBridgeFollowUpScheduler;
import io.arfollowup.adapters.ses.SesMailer;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.token.Ids;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.engines.DockerDaemon;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The adapters against LocalStack (DynamoDB, S3, SES v2, EventBridge Scheduler) through the same client wiring the
 * Lambdas use (SDK clients for DynamoDB and Scheduler, signed calls for S3 and SES): what the loopback engines cannot show (TTL on {@code expiresAt}, a real Scheduler API that keeps and
 * validates schedules, SES configuration sets). Runs only where a Docker daemon answers; elsewhere (these machines:
 * a docker client, no daemon) every test is skipped at once with the reason, without touching Testcontainers.
 * Image: {@code -Dlocalstack.image=...} (default below).
 */
class LocalStackIT {

    static final String IMAGE = System.getProperty("localstack.image", "localstack/localstack:4.4");

    /** Holds the container; only loaded (with Testcontainers) once Docker is known to answer. */
    static final class Stack {
        final org.testcontainers.localstack.LocalStackContainer container =
                new org.testcontainers.localstack.LocalStackContainer(
                        org.testcontainers.utility.DockerImageName.parse(IMAGE)
                                .asCompatibleSubstituteFor("localstack/localstack"))
                        .withServices("dynamodb", "s3", "ses", "scheduler", "sts");

        Stack() {
            container.start();
        }

        AwsClients clients(String table, String bucket) {
            URI endpoint = container.getEndpoint();
            Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", container.getRegion(),
                    "TABLE_NAME", table, "MAIL_BUCKET", bucket, "INBOUND_DOMAINS", "reply.example.com",
                    "SENDER_ADDRESS", "relances@example.com"));
            for (String service : List.of("DYNAMODB", "S3", "SES", "SCHEDULER")) {
                env.put(service + "_ENDPOINT", endpoint.toString());
            }
            return new AwsClients(AppConfig.from(env));
        }
    }

    static Stack stack;
    static AwsClients aws;
    static final String TABLE = "ar-" + UUID.randomUUID().toString().substring(0, 8);
    static final String BUCKET = "ar-mail-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        String why = DockerDaemon.unavailableReason();
        assumeTrue(why == null, () -> "LocalStack tests skipped: " + why);
        stack = new Stack();
        aws = stack.clients(TABLE, BUCKET);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.container.stop();
        }
    }

    @Test
    void dynamoDb_theTableOfTheTemplate_withItsHousekeepingTtl_andTheStores() {
        var dynamo = aws.dynamoDb();
        dynamo.createTable(SingleTable.definition(TABLE));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
        // template.yaml declares TTL on expiresAt (housekeeping only): AWS accepts it on this table
        dynamo.updateTimeToLive(b -> b.tableName(TABLE).timeToLiveSpecification(t -> t.attributeName("expiresAt")
                .enabled(true)));
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");

        DynamoDbCustomerStore customers = new DynamoDbCustomerStore(dynamo, TABLE);
        var customer = TestData.aCustomer().id("C-ls").named("Atelier Lumen")
                .contacts(List.of(Contact.of("compta@lumen.example", "Compta"))).build();
        customers.put(customer);
        customers.markContactFailing("C-ls", "compta@lumen.example");

        assertThat(customers.withContact("compta@lumen.example", 25)).singleElement()
                .satisfies(c -> assertThat(c.contacts().get(0).failing()).isTrue());
    }

    @Test
    void s3_byteExactRoundTrip_withTheLambdaClient() throws Exception {
        S3BlobStore blobs = new S3BlobStore(aws.s3(), BUCKET);
        blobs.createBucketIfMissing();
        byte[] content = ("Bonjour Hélène — facture FA-2025-0142\r\n").repeat(50).getBytes(StandardCharsets.UTF_8);

        blobs.put("raw/ls-1", content, "message/rfc822");

        try (InputStream in = blobs.open("raw/ls-1")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(blobs.exists("raw/missing")).isFalse();
    }

    @Test
    void ses_sendsWithTheConfigurationSet() {
        // identity and configuration set through the same signed-call path (SES v2 REST API)
        AwsHttp http = aws.signedHttp();
        URI api = stack.container.getEndpoint();
        http.call(AwsHttp.Request.of("ses", SdkHttpMethod.POST, api.resolve("/v2/email/identities"))
                .body("{\"EmailIdentity\":\"relances@example.com\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json"));
        http.call(AwsHttp.Request.of("ses", SdkHttpMethod.POST, api.resolve("/v2/email/configuration-sets"))
                .body("{\"ConfigurationSetName\":\"ar-outbound\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json"));
        assertThat(http.call(AwsHttp.Request.of("ses", SdkHttpMethod.GET,
                api.resolve("/v2/email/configuration-sets/ar-outbound"))).body()).contains("ar-outbound");

        String id = new SesMailer(aws.ses(), "ar-outbound").send(new OutgoingEmail("relances@example.com",
                List.of("compta@lumen.example"), List.of(), "reply+tok@reply.example.com", "Relance FA-2025-0142",
                "Bonjour,\nLa facture reste due.\n", null, "<ls-1@ar-followup.example>", null, List.of(), null,
                List.of(), Map.of()));

        assertThat(id).isNotBlank();
    }

    @Test
    void scheduler_keepsTheOneTimeScheduleOnTheRunnersAlias() {
        var client = aws.scheduler();
        client.createScheduleGroup(b -> b.name("ar-follow-ups"));
        String runner = "arn:aws:lambda:" + stack.container.getRegion()
                + ":000000000000:function:ar-follow-up-runner:live";
        var scheduler = new EventBridgeFollowUpScheduler(client, new EventBridgeFollowUpScheduler.Settings(
                "ar-follow-ups", runner, "arn:aws:iam::000000000000:role/ar-scheduler",
                "arn:aws:sqs:" + stack.container.getRegion() + ":000000000000:ar-dlq", 3, 3600));
        String id = Ids.followUpId("em-ls-" + UUID.randomUUID(), 1, 0);
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        scheduler.schedule(new FollowUp(id, "C-ls", "em-ls", List.of("FA-2025-0142"), "PAYMENT_PROMISE",
                "payment-promise-check", FollowUpMode.AUTOMATIC, due, ZoneId.of("Europe/Paris"),
                FollowUpState.PLANNED, id, "U1", null, null, null));

        GetScheduleResponse kept = client.getSchedule(b -> b.groupName("ar-follow-ups").name(id));
        assertThat(kept.target().arn()).isEqualTo(runner);
        assertThat(kept.scheduleExpression()).isEqualTo(EventBridgeFollowUpScheduler.atExpression(due));
        assertThat(kept.target().input()).contains(id);
    }
}
