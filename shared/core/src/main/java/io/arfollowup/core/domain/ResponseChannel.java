package io.arfollowup.core.domain;

/** Where a customer's answer came from. */
public enum ResponseChannel {
    EMAIL, WEB_FORM
}
