package io.arfollowup.adapters.lambda;

import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.Work;
import java.io.ByteArrayInputStream;
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
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The same asynchronous hand-off as {@link LambdaWorkDispatcher} (Lambda {@code Invoke} with
 * {@code X-Amz-Invocation-Type: Event}: queued durably, retried by Lambda), written as one SigV4-signed POST with the
 * SDK's own signer and HTTP client. The Slack function uses it so that its jar does not carry the Lambda service
 * module (2.9 MB compressed) for this single call (docs/decisions/slack-function-jar.md).
 */
public final class HttpLambdaWorkDispatcher implements WorkDispatcher {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final String function;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code endpoint}: the Lambda endpoint ({@code https://lambda.<region>.amazonaws.com}) or a loopback stand-in. */
    public HttpLambdaWorkDispatcher(SdkHttpClient http, AwsCredentialsProvider credentials, String region,
                                    URI endpoint, String function, Clock clock) {
        if (function == null || function.isBlank()) {
            throw new IllegalStateException("missing environment variable(s): WORKER_FUNCTION");
        }
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint != null ? endpoint : URI.create("https://lambda." + region + ".amazonaws.com");
        this.function = function;
        this.clock = clock;
    }

    @Override
    public void dispatch(Work work) {
        byte[] payload = WorkCodec.encode(work).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations"))
                .putHeader("X-Amz-Invocation-Type", "Event")
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        ContentStreamProvider body = ContentStreamProvider.fromByteArrayUnsafe(payload);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(body)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(body).build()).call();
            int status = response.httpResponse().statusCode();
            String detail = "";
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    detail = new String(in.readNBytes(500), StandardCharsets.UTF_8);
                }
            }
            if (status != 202) {
                throw new IllegalStateException("worker invoke answered " + status + " " + detail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("worker invoke failed", e);
        }
    }

    /** Signs a request without sending it: loads and warms the signer at init (or in SnapStart priming). */
    public void prime() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/2015-03-31/functions/prime/invocations")).build();
        signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    }

    static InputStream empty() {
        return new ByteArrayInputStream(new byte[0]);
    }
}
