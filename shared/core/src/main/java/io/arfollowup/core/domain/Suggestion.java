package io.arfollowup.core.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the assisted qualification proposes for a response: one or more groups (one status each), the top-3
 * statuses of the main group, a one-sentence summary for the comment, and the phrase that weighed most.
 */
public record Suggestion(
        List<SuggestedGroup> groups,
        List<StatusScore> top,
        String summary,
        String evidence,
        String source) {

    public Suggestion {
        groups = groups == null ? List.of() : List.copyOf(groups);
        top = top == null ? List.of() : List.copyOf(top);
    }

    public Optional<SuggestedGroup> main() {
        return groups.isEmpty() ? Optional.empty() : Optional.of(groups.get(0));
    }

    /** Accept-as-is needs items to qualify (except for NONE statuses, which equal Validate). */
    public boolean namesItems() {
        return groups.stream().allMatch(g -> !g.itemNumbers().isEmpty());
    }
}
