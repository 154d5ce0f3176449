package io.arfollowup.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A collector's decision on a response. {@code version} grows with each re-qualification; {@code submissionId}
 * identifies the Slack submission so that a retried or doubled submission changes nothing.
 */
public record Qualification(
        String responseId,
        int version,
        String submissionId,
        List<QualificationGroup> groups,
        Notify notification,
        String decidedBy,
        Instant decidedAt,
        SuggestionOutcome outcome) {

    public Qualification {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        groups = groups == null ? List.of() : List.copyOf(groups);
        notification = notification == null ? Notify.NOBODY : notification;
        outcome = outcome == null ? SuggestionOutcome.NO_SUGGESTION : outcome;
    }
}
