package io.arfollowup.adapters.secrets;

import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Secrets Manager's {@code GetSecretValue} as one SigV4-signed POST (AWS JSON 1.1) with the SDK's own signer and HTTP
 * client, as {@code HttpLambdaWorkDispatcher} does for Lambda: the {@code secretsmanager} module would add 0.8 MB to
 * every function's jar for this one call at init (docs/decisions/secrets-from-secrets-manager.md).
 *
 * <p>Errors name the secret's ARN, the HTTP status and AWS's error type, never a value: the answer's body is read
 * only for {@code SecretString}, and an error body only for {@code __type}.
 */
public final class SecretsManagerReader {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpointOverride;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code endpointOverride}: a loopback stand-in, or null for {@code https://secretsmanager.<region>.amazonaws.com}. */
    public SecretsManagerReader(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpointOverride,
                                Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.endpointOverride = endpointOverride;
        this.clock = clock;
    }

    /** The secret's {@code SecretString} (its AWSCURRENT version). */
    public String secretString(String secretArn) {
        String region = regionOf(secretArn);
        URI endpoint = endpointOverride != null ? endpointOverride
                : URI.create("https://secretsmanager." + region + ".amazonaws.com");
        JsonObject body = new JsonObject();
        body.addProperty("SecretId", secretArn);
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        ContentStreamProvider content = ContentStreamProvider.fromByteArrayUnsafe(payload);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(content)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(content).build()).call();
            int status = response.httpResponse().statusCode();
            JsonObject answer = new JsonObject();
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    answer = Json.parse(in);
                } catch (RuntimeException notJson) {
                    answer = new JsonObject();
                }
            }
            if (status != 200) {
                String type = Json.text(answer, "unknown error", "__type");
                throw new IllegalStateException("Secrets Manager answered " + status + " (" + type.replaceAll(".*#", "")
                        + ") for " + secretArn);
            }
            String value = Json.text(answer, null, "SecretString");
            if (value == null) {
                throw new IllegalStateException("secret " + secretArn + " has no SecretString (binary secrets are not read)");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Secrets Manager unreachable for " + secretArn, e);
        }
    }

    /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}: the secret's own region. */
    static String regionOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("secretsmanager") || parts[3].isBlank()) {
            throw new IllegalArgumentException("not a Secrets Manager secret ARN: " + arn);
        }
        return parts[3];
    }
}
