package io.arfollowup.adapters.lambda;

import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.Work;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Hands work to the slack-worker function with an asynchronous invoke (InvocationType=Event): Lambda queues it
 * durably and retries it, so nothing depends on a thread outliving the Slack function's response.
 */
public final class LambdaWorkDispatcher implements WorkDispatcher {

    private final LambdaClient lambda;
    private final String workerFunction;

    public LambdaWorkDispatcher(LambdaClient lambda, String workerFunction) {
        this.lambda = lambda;
        this.workerFunction = workerFunction;
    }

    @Override
    public void dispatch(Work work) {
        var out = lambda.invoke(b -> b.functionName(workerFunction).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(WorkCodec.encode(work))));
        if (out.statusCode() != 202) {
            throw new IllegalStateException("worker invoke answered " + out.statusCode());
        }
    }
}
