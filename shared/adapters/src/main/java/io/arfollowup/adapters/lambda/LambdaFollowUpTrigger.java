package io.arfollowup.adapters.lambda;

import io.arfollowup.core.usecase.FollowUpTrigger;
import io.arfollowup.core.usecase.RunFollowUp;
import java.util.Optional;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * Send now / Edit &amp; send from the worker: an asynchronous invoke of the follow-up-runner's alias with the same
 * input the scheduler sends ({@code {"followUpId": ...}}). Lambda queues it durably, retries it and sends failures to
 * the runner's on-failure destination; the runner's leased claim makes a duplicate a no-op.
 */
public final class LambdaFollowUpTrigger implements FollowUpTrigger {

    private static final Pattern ID = Pattern.compile("^[0-9A-Za-z._-]{1,64}$");

    private final LambdaApi lambda;
    private final String runnerFunction;

    public LambdaFollowUpTrigger(LambdaApi lambda, String runnerFunction) {
        this.lambda = lambda;
        this.runnerFunction = runnerFunction;
    }

    @Override
    public Optional<RunFollowUp.Result> runNow(String followUpId) {
        if (followUpId == null || !ID.matcher(followUpId).matches()) {
            throw new IllegalArgumentException("invalid follow-up id");
        }
        lambda.invokeAsync(runnerFunction, ("{\"followUpId\":\"" + followUpId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return Optional.empty();
    }
}
