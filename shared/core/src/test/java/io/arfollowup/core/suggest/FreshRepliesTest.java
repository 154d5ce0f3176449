package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.SuggestionRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Replies written in other words than the seeds (suggester/fresh-replies.txt): the shipped model, with no learning,
 * must keep reading them right. A regression net for lexicon edits, not a measure of accuracy (make eval is).
 */
class FreshRepliesTest {

    @Test
    void theShippedModelReadsRepliesWrittenInOtherWords() throws IOException {
        BuiltInSuggester suggester = new BuiltInSuggester(null, null, new InMemoryLearningStore());
        List<String> misses = new ArrayList<>();
        int n = 0;
        int top3 = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream("suggester/fresh-replies.txt")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" :: ", 2);
                n++;
                Suggestion s = suggester.suggest(new SuggestionRequest("fresh-" + n, ResponseChannel.EMAIL,
                        "RE: Relance", parts[1].replace("\\n", "\n"), null, List.of(), List.of(), List.of(),
                        Instant.parse("2025-11-05T09:00:00Z"), ZoneId.of("Europe/Paris"), Country.FR, false))
                        .orElseThrow();
                if (!s.main().orElseThrow().statusCode().equals(parts[0])) {
                    misses.add(parts[0] + " <- " + parts[1]);
                }
                if (s.top().stream().anyMatch(t -> t.statusCode().equals(parts[0]))) {
                    top3++;
                }
            }
        }

        assertThat(n).isGreaterThanOrEqualTo(40);
        assertThat(misses).as("misses").hasSizeLessThanOrEqualTo(n / 10);
        assertThat(top3).isGreaterThanOrEqualTo(n - 1);
    }
}
