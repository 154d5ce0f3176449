package io.arfollowup.core.domain;

/** Where a promise to pay came from: a reply e-mail, the web form, a phone call, or the collector's own entry. */
public enum PromiseSource {
    EMAIL, WEB_FORM, CALL, COLLECTOR;

    /** The source of a promise read in a customer's answer. */
    public static PromiseSource of(ResponseChannel channel) {
        return channel == ResponseChannel.WEB_FORM ? WEB_FORM : EMAIL;
    }
}
