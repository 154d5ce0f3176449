package io.arfollowup.core.domain;

/** Life of a promise: OPEN until its check; KEPT (every item paid), BROKEN (some unpaid) or CANCELLED (re-qualified). */
public enum PromiseState {
    OPEN, KEPT, BROKEN, CANCELLED;

    public boolean isSettled() {
        return this == KEPT || this == BROKEN;
    }
}
