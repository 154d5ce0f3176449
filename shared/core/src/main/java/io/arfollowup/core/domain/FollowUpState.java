package io.arfollowup.core.domain;

/** Life of a follow-up. RUNNING is the leased claim of the runner. */
public enum FollowUpState {
    PLANNED, RUNNING, AWAITING_CONFIRMATION, DONE, CANCELLED, FAILED;

    public boolean isFinal() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
