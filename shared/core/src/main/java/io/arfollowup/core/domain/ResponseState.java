package io.arfollowup.core.domain;

/** Life of a response in the collectors' inbox. */
public enum ResponseState {
    NEW, VALIDATED, QUALIFIED, DELETED, QUARANTINED;

    /** A collector can still act on it (qualify, validate, delete). */
    public boolean isOpen() {
        return this == NEW || this == VALIDATED;
    }
}
