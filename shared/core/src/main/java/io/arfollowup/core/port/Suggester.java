package io.arfollowup.core.port;

import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Suggestion;
import java.util.Optional;

/**
 * Assisted qualification: proposes status, summary and follow-up for a response, and learns from every decision.
 * Implementations are offline and fast (milliseconds, inside a Lambda); an LLM-backed one can come later.
 */
public interface Suggester {
    Optional<Suggestion> suggest(SuggestionRequest request);

    /** Learns from a collector's decision on a response (accepted, edited or overridden). */
    default void learn(SuggestionRequest request, Qualification decision) {
    }

    /** Forgets what was learned from this response (data hygiene). */
    default void forget(String responseId) {
    }

    Suggester NONE = request -> Optional.empty();
}
