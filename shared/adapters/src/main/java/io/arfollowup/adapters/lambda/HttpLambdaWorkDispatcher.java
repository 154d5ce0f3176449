package io.arfollowup.adapters.lambda;

import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.Work;
import java.nio.charset.StandardCharsets;

/**
 * The hand-off to slack-worker: Lambda {@code Invoke} with {@code X-Amz-Invocation-Type: Event} (queued durably,
 * retried by Lambda) of the {@link io.arfollowup.adapters.json.WorkCodec} payload, as one SigV4-signed POST with the
 * SDK's own signer and HTTP client ({@link LambdaApi}): no function carries the Lambda service module (2.9 MB
 * compressed) for this single call (docs/decisions/slack-function-jar.md).
 */
public final class HttpLambdaWorkDispatcher implements WorkDispatcher {

    private final LambdaApi lambda;
    private final String function;

    public HttpLambdaWorkDispatcher(LambdaApi lambda, String function) {
        if (function == null || function.isBlank()) {
            throw new IllegalStateException("missing environment variable(s): WORKER_FUNCTION");
        }
        this.lambda = lambda;
        this.function = function;
    }

    @Override
    public void dispatch(Work work) {
        lambda.invokeAsync(function, WorkCodec.encode(work).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs a request without sending it: loads and warms the signer at init (or in SnapStart priming). */
    public void prime() {
        lambda.prime(function);
    }
}
