package io.arfollowup.core.domain;

/** What an action template produces. */
public enum ActionChannel {
    EMAIL, SMS, LETTER, CALL, TASK, INTERNAL_EMAIL;

    public boolean isEmail() {
        return this == EMAIL || this == INTERNAL_EMAIL;
    }
}
