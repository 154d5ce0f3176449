package io.arfollowup.core.port;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Planned follow-ups and the runner's leased claim on them. */
public interface FollowUpStore {
    /** Stores a new follow-up; false when it exists already (a retried qualification). */
    boolean create(FollowUp followUp);

    Optional<FollowUp> get(String followUpId);

    /**
     * Claims a follow-up for running: PLANNED → RUNNING, or RUNNING with a claim older than {@code lease} (a crashed
     * runner) → RUNNING again. Empty when someone else holds it or it is no longer PLANNED.
     */
    Optional<FollowUp> claim(String followUpId, Instant now, Duration lease);

    /** Ends the follow-up (or parks it AWAITING_CONFIRMATION) with a short result, if it is still in {@code from}. */
    boolean finish(String followUpId, FollowUpState from, FollowUpState to, String result);

    /** Follow-ups still PLANNED whose due instant is before {@code before} (bounded, oldest first). */
    List<FollowUp> duePlanned(Instant before, int limit);

    /**
     * Replaces a follow-up (new due date, mode, state, edited message, card) if its state is still
     * {@code expected}; false otherwise. Postpone, confirm and edit are this one conditional write.
     */
    boolean replace(FollowUp updated, FollowUpState expected);

    /** Follow-ups RUNNING with a claim older than {@code claimedBefore}: runs that died (bounded). */
    List<FollowUp> staleRunning(Instant claimedBefore, int limit);

    /** Changes the owner and/or the comment of a follow-up not yet run (null = unchanged); false when it is final. */
    default boolean amend(String followUpId, String owner, String comment) {
        throw new UnsupportedOperationException("amend is not supported by " + getClass().getSimpleName());
    }
}
