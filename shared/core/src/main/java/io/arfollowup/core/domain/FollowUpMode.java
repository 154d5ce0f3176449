package io.arfollowup.core.domain;

/** How a follow-up acts on its day. */
public enum FollowUpMode {
    /** Sent or opened as a task without asking anyone. */
    AUTOMATIC,
    /** The owner gets a Slack card with the rendered message: send now / edit / postpone / cancel. */
    AUTOMATIC_WITH_CONFIRMATION,
    /** A colleague gets an e-mail with signed one-click answers that land in the collector's Slack thread. */
    INTERNAL_INTERACTIVE_EMAIL
}
