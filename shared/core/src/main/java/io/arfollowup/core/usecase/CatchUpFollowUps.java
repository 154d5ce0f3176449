package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.port.FollowUpStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily catch-up: runs follow-ups that are due but still PLANNED (a schedule lost, refused or deleted by hand)
 * and those whose run died holding its claim (RUNNING past the lease). Each goes through the runner's own leased
 * claim, so a catch-up racing a late schedule still sends once. Bounded: at most {@code limit} of each per run (one
 * Query each on the state index); the rest waits for the next run.
 */
public final class CatchUpFollowUps {

    /** Follow-ups due in the last minutes are left to their schedule, which is firing about now. */
    public static final Duration GRACE = Duration.ofMinutes(15);
    public static final int LIMIT = 100;

    public record Result(int found, int done, int failed, List<String> failures) {
    }

    private final FollowUpStore followUps;
    private final RunFollowUp runner;
    private final Clock clock;

    public CatchUpFollowUps(FollowUpStore followUps, RunFollowUp runner, Clock clock) {
        this.followUps = followUps;
        this.runner = runner;
        this.clock = clock;
    }

    public Result handle() {
        Instant now = clock.instant();
        List<FollowUp> missed = new ArrayList<>(followUps.duePlanned(now.minus(GRACE), LIMIT));
        missed.addAll(followUps.staleRunning(now.minus(RunFollowUp.LEASE), LIMIT));
        int done = 0;
        List<String> failures = new ArrayList<>();
        for (FollowUp f : missed) {
            try {
                RunFollowUp.Result r = runner.handle(new RunFollowUp.Command(f.id()));
                if (r.status() != RunFollowUp.Status.ALREADY_HANDLED) {
                    done++;
                }
            } catch (RuntimeException e) {
                // one bad follow-up never stops the sweep; it is PLANNED again and the next sweep retries it
                failures.add(f.id() + ": " + e.getClass().getSimpleName());
            }
        }
        return new Result(missed.size(), done, failures.size(), failures);
    }
}
