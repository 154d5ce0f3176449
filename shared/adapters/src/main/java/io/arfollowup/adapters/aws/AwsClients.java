package io.arfollowup.adapters.aws;

import io.arfollowup.adapters.config.AppConfig;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds the SDK clients once, at init, with the URL-connection HTTP client (small and fast to start in a Lambda).
 * Where an endpoint override is configured (the local engines), the same client points at loopback with static
 * credentials; S3 then uses path-style addressing and no aws-chunked encoding, which s3rver would store verbatim.
 */
public final class AwsClients {

    private static final AwsCredentialsProvider LOCAL = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("S3RVER", "S3RVER"));

    private final AppConfig config;
    private final SdkHttpClient http;

    public AwsClients(AppConfig config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    private Region region() {
        return Region.of(config.region());
    }

    private AwsCredentialsProvider credentials(URI override) {
        return override != null ? LOCAL : DefaultCredentialsProvider.builder().build();
    }

    public DynamoDbClient dynamoDb() {
        URI e = config.endpoints().dynamodb();
        var b = DynamoDbClient.builder().httpClient(http).region(region()).credentialsProvider(credentials(e));
        if (e != null) {
            b.endpointOverride(e);
        }
        return b.build();
    }

    public S3Client s3() {
        URI e = config.endpoints().s3();
        var b = S3Client.builder().httpClient(http).region(region()).credentialsProvider(credentials(e));
        if (e != null) {
            b.endpointOverride(e).forcePathStyle(true)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        }
        return b.build();
    }

    public SesV2Client ses() {
        URI e = config.endpoints().ses();
        var b = SesV2Client.builder().httpClient(http).region(region()).credentialsProvider(credentials(e));
        if (e != null) {
            b.endpointOverride(e);
        }
        return b.build();
    }

    public SchedulerClient scheduler() {
        URI e = config.endpoints().scheduler();
        var b = SchedulerClient.builder().httpClient(http).region(region()).credentialsProvider(credentials(e));
        if (e != null) {
            b.endpointOverride(e);
        }
        return b.build();
    }

    /** The worker hand-off as one signed HTTP call (no Lambda service module needed). */
    public io.arfollowup.adapters.lambda.HttpLambdaWorkDispatcher lambdaDispatcher(String function,
                                                                                   java.time.Clock clock) {
        URI e = config.endpoints().lambda();
        return new io.arfollowup.adapters.lambda.HttpLambdaWorkDispatcher(http, credentials(e), config.region(), e,
                function, clock);
    }

    /** Short-lived links to the mail bucket's objects (attachments on the Slack card), signed locally. */
    public io.arfollowup.adapters.s3.S3LinkPresigner mailLinks(Duration ttl, java.time.Clock clock) {
        URI e = config.endpoints().s3();
        return new io.arfollowup.adapters.s3.S3LinkPresigner(credentials(e), config.region(), config.mailBucket(), e,
                ttl, clock);
    }

    public LambdaClient lambda() {
        URI e = config.endpoints().lambda();
        var b = LambdaClient.builder().httpClient(http).region(region()).credentialsProvider(credentials(e));
        if (e != null) {
            b.endpointOverride(e);
        }
        return b.build();
    }
}
