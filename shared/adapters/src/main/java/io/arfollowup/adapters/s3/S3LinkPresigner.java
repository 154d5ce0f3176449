package io.arfollowup.adapters.s3;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Short-lived download links to objects of the mail bucket (a customer's attachments on the Slack card): SigV4
 * query-string signing with the SDK's own signer, so every function can make them without the S3 module (the Slack
 * function and the worker do not carry it). Signing is local: no call to AWS. A link lives {@code ttl} at most, and
 * no longer than the credentials that signed it (a Lambda role's session): the card offers fresh links on demand.
 */
public final class S3LinkPresigner {

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String bucket;
    private final URI endpoint;
    private final Duration ttl;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code endpoint}: null for AWS (virtual-hosted style); a loopback S3 (path style) locally. */
    public S3LinkPresigner(AwsCredentialsProvider credentials, String region, String bucket, URI endpoint,
                           Duration ttl, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.bucket = bucket;
        this.endpoint = endpoint;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A GET link to {@code key}; empty when the key is missing or signing is impossible (no credentials). */
    public Optional<String> link(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        URI uri = endpoint == null
                ? URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com" + path)
                : URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + path);
        try {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
            var signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, ttl)
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
            return Optional.of(signed.request().getUri().toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
