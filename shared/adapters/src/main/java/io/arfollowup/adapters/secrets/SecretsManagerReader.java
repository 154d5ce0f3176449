package io.arfollowup.adapters.secrets;

import com.google.gson.JsonObject;
import io.arfollowup.adapters.aws.AwsHttp;
import io.arfollowup.adapters.json.Json;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Secrets Manager's {@code GetSecretValue} as one signed POST (AWS JSON 1.1) through {@link AwsHttp}, the same
 * signed-call path as S3, SES and Lambda (the SDK's signer, credentials chain, HTTP client, retries): the
 * {@code secretsmanager} module would add 0.8 MB to every function's jar for this one call at init
 * (docs/decisions/secrets-from-secrets-manager.md, docs/decisions/lambda-jar-sizes.md).
 *
 * <p>Errors name the secret's ARN, the HTTP status and AWS's error type, never a value nor AWS's message.
 */
public final class SecretsManagerReader {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpointOverride;
    private final Clock clock;

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
        AwsHttp aws = new AwsHttp(http, credentials, region, clock);
        JsonObject answer;
        try {
            AwsHttp.Result r = aws.call(AwsHttp.Request.of("secretsmanager", SdkHttpMethod.POST, endpoint.resolve("/"))
                    .header("X-Amz-Target", "secretsmanager.GetSecretValue")
                    .body(body.toString().getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1"));
            try {
                answer = Json.parse(r.body());
            } catch (RuntimeException notJson) {
                answer = new JsonObject();
            }
        } catch (AwsHttp.AwsCallException e) {
            throw new IllegalStateException("Secrets Manager answered " + e.status() + " (" + e.errorCode() + ") for "
                    + secretArn);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Secrets Manager unreachable for " + secretArn, e.getCause());
        }
        String value = Json.text(answer, null, "SecretString");
        if (value == null) {
            throw new IllegalStateException("secret " + secretArn + " has no SecretString (binary secrets are not read)");
        }
        return value;
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
