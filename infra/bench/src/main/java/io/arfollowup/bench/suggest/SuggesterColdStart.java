package io.arfollowup.bench.suggest;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.suggest.BuiltInSuggester;
import io.arfollowup.core.suggest.InMemoryLearningStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Child JVM of the suggester benchmark's cold-start measure: {@code bare} returns at once (the JVM start alone);
 * otherwise it builds the suggester and makes one suggestion, and prints how long each took inside the JVM.
 */
public final class SuggesterColdStart {

    private SuggesterColdStart() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bare")) {
            System.out.println("bare");
            return;
        }
        long t0 = System.nanoTime();
        BuiltInSuggester suggester = new BuiltInSuggester(null, null, new InMemoryLearningStore());
        long t1 = System.nanoTime();
        String status = suggester.suggest(new SuggestionRequest("cold", ResponseChannel.EMAIL, "RE: Relance facture",
                "Bonjour,\n\nLe virement de 1 250,00 € partira vendredi prochain.\n\nCordialement\n\n"
                        + "Le mar. 4 nov. 2025 à 09:12, Relances <relances@example.com> a écrit :\n> litige ?",
                "fr", List.of(), List.of(), List.of(), Instant.parse("2025-11-05T09:00:00Z"),
                ZoneId.of("Europe/Paris"), Country.FR, false)).orElseThrow().main().orElseThrow().statusCode();
        long t2 = System.nanoTime();
        System.out.printf(java.util.Locale.ROOT, "load=%.1f first=%.1f precomputed=%s status=%s%n", (t1 - t0) / 1e6,
                (t2 - t1) / 1e6, BuiltInSuggester.seedModelPrecomputed(), status);
    }
}
