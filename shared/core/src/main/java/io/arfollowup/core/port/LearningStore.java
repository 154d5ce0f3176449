package io.arfollowup.core.port;

import java.util.Map;
import java.util.Optional;

/**
 * Where the built-in suggester keeps what this deployment's decisions taught it: one small example per response
 * (so a re-qualification replaces it and {@code forget} removes it) and the per-status feature counts, changed by
 * deltas only (DynamoDB {@code ADD}), never by rewriting one big model item.
 */
public interface LearningStore {

    /** The pseudo-feature that counts a status' examples in {@link #counts()}. */
    String DOCS = "#docs";

    /** What one response taught: its statuses and the features of its text. */
    record Example(String responseId, String statusCode, java.util.List<String> features) {
        public Example {
            java.util.Objects.requireNonNull(responseId, "responseId");
            java.util.Objects.requireNonNull(statusCode, "statusCode");
            features = features == null ? java.util.List.of() : java.util.List.copyOf(features);
        }
    }

    /** The example a response taught, if any. */
    Optional<Example> example(String responseId);

    /** Stores the example and adds +1 to its counts; replaces (and un-counts) a previous one for the response. */
    void add(Example example);

    /**
     * {@link #add} that says what it replaced: empty when the response had no example, the example itself when the
     * very same one was already stored (nothing written), else the previous one (un-counted). A store may write
     * first and read only when the example exists, so the usual first decision costs no read.
     */
    default Optional<Example> put(Example example) {
        Optional<Example> previous = example(example.responseId());
        if (previous.isPresent() && previous.get().equals(example)) {
            return previous;
        }
        add(example);
        return previous;
    }

    /** Deletes the response's example and subtracts its counts; false when there was none. */
    boolean remove(String responseId);

    /** The most recent examples, newest last, at most {@code limit} (the suggester's memory of similar replies). */
    java.util.List<Example> recent(int limit);

    /** status → feature → count ({@code #docs} = number of examples), for a cold start. Bounded by the vocabulary. */
    Map<String, Map<String, Integer>> counts();
}
