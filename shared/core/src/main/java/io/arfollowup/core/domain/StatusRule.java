package io.arfollowup.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A status of the catalogue and the rule it carries: the delay before the follow-up, the action template, the mode,
 * and whether qualified items leave the dunning scenario (a hold), for how long ({@code holdDays} null = until the
 * follow-up checks them). {@code autoApplyInternalAnswers}: a colleague's answer to the internal e-mail takes
 * effect at once (e.g. billing's "credit note issued" resolves the dispute); otherwise the collector validates it
 * from the Slack thread.
 */
public record StatusRule(
        String code,
        StatusType type,
        Labels labels,
        boolean active,
        Delay delay,
        String templateId,
        FollowUpMode mode,
        boolean holdsItems,
        Integer holdDays,
        boolean autoApplyInternalAnswers) {

    public StatusRule(String code, StatusType type, Labels labels, boolean active, Delay delay, String templateId,
                      FollowUpMode mode, boolean holdsItems, Integer holdDays) {
        this(code, type, labels, active, delay, templateId, mode, holdsItems, holdDays, false);
    }

    public StatusRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(labels, "labels");
    }

    /** A status with no delay or no template only records the qualification (NO_ACTION, DISPUTE_RESOLVED...). */
    public boolean plansFollowUp() {
        return delay != null && templateId != null && mode != null;
    }

    public Optional<Delay> followUpDelay() {
        return Optional.ofNullable(delay);
    }

    public String label(Language language) {
        return labels.in(language);
    }
}
