package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.SuggestionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionMetricsTest {

    private static final Instant T0 = Instant.parse("2025-11-05T09:00:00Z");

    @Test
    void ratesCountOnlyDecisionsThatHadASuggestion() {
        SuggestionMetrics m = new SuggestionMetrics()
                .add(decision(SuggestionOutcome.ACCEPTED, 10), T0)
                .add(decision(SuggestionOutcome.ACCEPTED, 20), T0)
                .add(decision(SuggestionOutcome.EDITED, 30), T0)
                .add(decision(SuggestionOutcome.REJECTED, 40), T0)
                .add(decision(SuggestionOutcome.NO_SUGGESTION, 50), null);

        assertThat(m.suggested()).isEqualTo(4);
        assertThat(m.rate(SuggestionOutcome.ACCEPTED)).isEqualTo(0.5);
        assertThat(m.rate(SuggestionOutcome.REJECTED)).isEqualTo(0.25);
        assertThat(m.medianTimeToQualify()).isEqualTo(Duration.ofMinutes(30));
    }

    private static Qualification decision(SuggestionOutcome outcome, int minutes) {
        return new Qualification("r-" + minutes, 1, "s", List.of(new QualificationGroup(List.of("FA-1"),
                "NO_ACTION", null, null, null, null, null)), null, "U1", T0.plus(Duration.ofMinutes(minutes)), outcome);
    }
}
