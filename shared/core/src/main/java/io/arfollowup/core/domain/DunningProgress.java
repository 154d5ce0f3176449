package io.arfollowup.core.domain;

import java.time.LocalDate;

/**
 * Where an item is in the regular dunning scenario: the last step a reminder listed it for ({@code lastOffset} days
 * from its due date, null = none yet), and when. The next step is the first one with a greater offset.
 */
public record DunningProgress(Integer lastOffset, String lastStepId, LocalDate lastSentOn) {
    public static final DunningProgress NONE = new DunningProgress(null, null, null);
}
