package io.arfollowup.core.domain;

import java.util.Objects;

/**
 * One step of the regular dunning scenario: days from the due date (negative = before it, e.g. -3 courtesy
 * reminder, +30 formal notice), the action template it sends and its channel.
 */
public record ScenarioStep(String id, int offsetDays, String templateId, ActionChannel channel, Labels name) {
    public ScenarioStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(templateId, "templateId");
        channel = channel == null ? ActionChannel.EMAIL : channel;
        if (offsetDays < -60 || offsetDays > 365) {
            throw new IllegalArgumentException("a scenario step is between D-60 and D+365, got " + offsetDays);
        }
    }
}
