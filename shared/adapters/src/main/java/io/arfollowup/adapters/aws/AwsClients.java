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
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Builds the SDK clients once, at init, with the URL-connection HTTP client (small and fast to start in a Lambda).
 * Where an endpoint override is configured (the local engines), the same client points at loopback with static
 * credentials. DynamoDB and EventBridge Scheduler go through their SDK modules; S3, SES v2 and Lambda (a few
 * operations each) through {@link AwsHttp} with the same HTTP client, signer and credentials
 * (docs/decisions/lambda-jar-sizes.md). S3 then uses path-style addressing and no aws-chunked encoding, which s3rver
 * would store verbatim.
 */
public final class AwsClients {

    private static final AwsCredentialsProvider LOCAL = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("S3RVER", "S3RVER"));

    private final AppConfig config;
    private final SdkHttpClient http;
    private volatile AwsHttp signedHttp;

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

    /** Signed calls without a service module (S3, SES v2, Lambda), on the shared HTTP client. */
    public AwsHttp signedHttp() {
        AwsHttp h = signedHttp;
        if (h == null) {
            h = new AwsHttp(http, credentials(config.endpoints().lambda() != null || config.endpoints().s3() != null
                    || config.endpoints().ses() != null ? URI.create("http://127.0.0.1") : null), config.region(),
                    java.time.Clock.systemUTC());
            signedHttp = h;
        }
        return h;
    }

    /** S3 objects (GetObject, PutObject, HeadObject). */
    public io.arfollowup.adapters.s3.S3Api s3() {
        return new io.arfollowup.adapters.s3.S3Api(signedHttp(), config.endpoints().s3());
    }

    /** SES v2 SendEmail (Raw). */
    public io.arfollowup.adapters.ses.SesV2Api ses() {
        return new io.arfollowup.adapters.ses.SesV2Api(signedHttp(), config.endpoints().ses());
    }

    /** Lambda Invoke (asynchronous). */
    public io.arfollowup.adapters.lambda.LambdaApi lambdaApi() {
        return new io.arfollowup.adapters.lambda.LambdaApi(signedHttp(), config.endpoints().lambda());
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
        return new io.arfollowup.adapters.lambda.HttpLambdaWorkDispatcher(lambdaApi(), function);
    }

    /** Short-lived links to the mail bucket's objects (attachments on the Slack card), signed locally. */
    public io.arfollowup.adapters.s3.S3LinkPresigner mailLinks(Duration ttl, java.time.Clock clock) {
        URI e = config.endpoints().s3();
        return new io.arfollowup.adapters.s3.S3LinkPresigner(credentials(e), config.region(), config.mailBucket(), e,
                ttl, clock);
    }
}
