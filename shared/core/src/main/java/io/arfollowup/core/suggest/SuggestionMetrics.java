package io.arfollowup.core.suggest;

import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.SuggestionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the suggestions fare against the collectors' decisions over a period: accepted as is, edited, rejected, and
 * the time from reception to decision. App Home's weekly rates and the CSV export read this.
 */
public final class SuggestionMetrics {

    private final Map<SuggestionOutcome, Integer> outcomes = new EnumMap<>(SuggestionOutcome.class);
    private final List<Duration> timesToQualify = new ArrayList<>();

    /** Counts one decision; {@code receivedAt} null = time to qualify unknown. */
    public SuggestionMetrics add(Qualification decision, Instant receivedAt) {
        outcomes.merge(decision.outcome(), 1, Integer::sum);
        if (receivedAt != null && !decision.decidedAt().isBefore(receivedAt)) {
            timesToQualify.add(Duration.between(receivedAt, decision.decidedAt()));
        }
        return this;
    }

    public int count(SuggestionOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Decisions that had a suggestion to compare with. */
    public int suggested() {
        return count(SuggestionOutcome.ACCEPTED) + count(SuggestionOutcome.EDITED) + count(SuggestionOutcome.REJECTED);
    }

    /** Share of suggested decisions with this outcome (0 when none). */
    public double rate(SuggestionOutcome outcome) {
        int n = suggested();
        return n == 0 ? 0 : (double) count(outcome) / n;
    }

    /** Median time from reception to decision, or null without data. */
    public Duration medianTimeToQualify() {
        if (timesToQualify.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(timesToQualify);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
