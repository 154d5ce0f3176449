package io.arfollowup.core.domain;

/** How a decision compares with the suggestion shown (for the assisted-qualification metrics). */
public enum SuggestionOutcome {
    NO_SUGGESTION, ACCEPTED, EDITED, REJECTED
}
