package io.arfollowup.core.port;

import io.arfollowup.core.domain.FollowUp;

/**
 * One-time schedules that run follow-ups on their due instant (EventBridge Scheduler). Every call is idempotent:
 * creating an existing schedule or deleting a missing one is success.
 */
public interface FollowUpScheduler {
    void schedule(FollowUp followUp);

    /** Replaces the schedule's definition (postpone). */
    void reschedule(FollowUp followUp);

    void cancel(String scheduleName);
}
