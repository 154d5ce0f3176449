package io.arfollowup.adapters.lambda;

import io.arfollowup.adapters.aws.AwsHttp;
import java.net.URI;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Lambda {@code Invoke} with {@code X-Amz-Invocation-Type: Event} (queued durably, retried by Lambda, failures to
 * the target's on-failure destination): the one Lambda operation the product calls, as one signed POST through
 * {@link AwsHttp} instead of the 2.9 MB {@code lambda} module (docs/decisions/slack-function-jar.md,
 * docs/decisions/lambda-jar-sizes.md).
 */
public final class LambdaApi {

    private final AwsHttp aws;
    private final URI endpoint;

    /** {@code endpoint}: null for AWS ({@code https://lambda.<region>.amazonaws.com}) or a loopback stand-in. */
    public LambdaApi(AwsHttp aws, URI endpoint) {
        this.aws = aws;
        this.endpoint = endpoint != null ? endpoint : URI.create("https://lambda." + aws.region() + ".amazonaws.com");
    }

    private URI uri(String function) {
        return endpoint.resolve("/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations");
    }

    /** Queues one asynchronous invocation of {@code function} (name, ARN or qualified ARN); 202 or it throws. */
    public void invokeAsync(String function, byte[] payload) {
        AwsHttp.Result r = aws.call(AwsHttp.Request.of("lambda", SdkHttpMethod.POST, uri(function))
                .header("X-Amz-Invocation-Type", "Event").body(payload, "application/json"));
        if (r.status() != 202) {
            throw new IllegalStateException("invoke of " + function + " answered " + r.status());
        }
    }

    /** Signs a request without sending it (init / SnapStart priming). */
    public void prime(String function) {
        aws.prime("lambda", uri(function));
    }
}
