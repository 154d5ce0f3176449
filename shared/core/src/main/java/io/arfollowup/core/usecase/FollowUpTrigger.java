package io.arfollowup.core.usecase;

import java.util.Optional;

/**
 * Has a follow-up run now, by the runner's own leased claim (Send now, Edit &amp; send). In AWS the worker hands it
 * to the follow-up-runner function with an asynchronous invoke, exactly as the scheduler does, so sending lives in one
 * function (the only one with SES, S3 and PDFBox for follow-ups); locally and in tests it runs in process.
 * The result is there when it ran in process, empty when it was handed off.
 */
public interface FollowUpTrigger {
    Optional<RunFollowUp.Result> runNow(String followUpId);

    /** In process: the runner itself. */
    static FollowUpTrigger inProcess(RunFollowUp runner) {
        return id -> Optional.of(runner.handle(new RunFollowUp.Command(id)));
    }
}
