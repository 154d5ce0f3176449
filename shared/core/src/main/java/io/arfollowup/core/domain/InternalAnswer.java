package io.arfollowup.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A colleague's answer to an internal interactive e-mail. {@code id} is the signed link's token id: one answer per
 * link (single use). {@code applied} is set once its effect on the items (dispute resolved, hold released) is done,
 * at once when the rule says so, else when the collector validates it from the Slack thread.
 */
public record InternalAnswer(
        String id,
        String followUpId,
        String customerId,
        List<String> itemNumbers,
        InternalAnswerChoice choice,
        String comment,
        String fileKey,
        String fileName,
        String answeredBy,
        Instant at,
        boolean applied) {

    /** Comments are capped: the item stays small and the Slack section within its limits. */
    public static final int MAX_COMMENT = 2000;

    public InternalAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(followUpId, "followUpId");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(at, "at");
        itemNumbers = itemNumbers == null ? List.of() : List.copyOf(itemNumbers);
        comment = comment == null ? "" : comment.strip();
        if (comment.length() > MAX_COMMENT) {
            comment = comment.substring(0, MAX_COMMENT);
        }
    }

    public InternalAnswer asApplied() {
        return new InternalAnswer(id, followUpId, customerId, itemNumbers, choice, comment, fileKey, fileName,
                answeredBy, at, true);
    }
}
