package io.arfollowup.adapters.lambda;

import io.arfollowup.core.usecase.FollowUpTrigger;
import io.arfollowup.core.usecase.RunFollowUp;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Send now / Edit &amp; send from the worker: an asynchronous invoke of the follow-up-runner's alias with the same
 * input the scheduler sends ({@code {"followUpId": ...}}). Lambda queues it durably, retries it and sends failures to
 * the runner's on-failure destination; the runner's leased claim makes a duplicate a no-op.
 */
public final class LambdaFollowUpTrigger implements FollowUpTrigger {

    private static final Pattern ID = Pattern.compile("^[0-9A-Za-z._-]{1,64}$");

    private final LambdaClient lambda;
    private final String runnerFunction;

    public LambdaFollowUpTrigger(LambdaClient lambda, String runnerFunction) {
        this.lambda = lambda;
        this.runnerFunction = runnerFunction;
    }

    @Override
    public Optional<RunFollowUp.Result> runNow(String followUpId) {
        if (followUpId == null || !ID.matcher(followUpId).matches()) {
            throw new IllegalArgumentException("invalid follow-up id");
        }
        var out = lambda.invoke(b -> b.functionName(runnerFunction).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"followUpId\":\"" + followUpId + "\"}")));
        if (out.statusCode() != 202) {
            throw new IllegalStateException("runner invoke answered " + out.statusCode());
        }
        return Optional.empty();
    }
}
