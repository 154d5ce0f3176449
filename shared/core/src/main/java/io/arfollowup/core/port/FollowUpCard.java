package io.arfollowup.core.port;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import java.util.List;

/**
 * A follow-up shown to its owner in Slack: a confirmation (AUTOMATIC_WITH_CONFIRMATION: the rendered message and
 * send / edit / postpone / cancel) or a task (call, letter, task) whose outcome is recorded. {@code channel} is the
 * template's; {@code documentKey} the letter's PDF in S3 for a print-and-post task.
 */
public record FollowUpCard(Kind kind, FollowUp followUp, Customer customer, List<Item> items, RenderedMessage message,
                           String recipient, ActionChannel channel, String documentKey) {
    public enum Kind { CONFIRMATION, TASK }

    public FollowUpCard {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public FollowUpCard(Kind kind, FollowUp followUp, Customer customer, List<Item> items, RenderedMessage message,
                        String recipient) {
        this(kind, followUp, customer, items, message, recipient, null, null);
    }
}
