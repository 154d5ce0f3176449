package io.arfollowup.core.domain;

import java.time.LocalDate;

/** The collector's edits to the follow-up a rule would plan (null fields keep the rule's value). */
public record FollowUpOverride(String templateId, LocalDate date, FollowUpMode mode, boolean cancelled) {
    public static final FollowUpOverride NONE = new FollowUpOverride(null, null, null, false);
}
