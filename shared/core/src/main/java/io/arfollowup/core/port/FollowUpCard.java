package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import java.util.List;

/**
 * A follow-up shown to its owner in Slack: a confirmation (AUTOMATIC_WITH_CONFIRMATION: the rendered message and
 * send / edit / postpone / cancel) or a task (call, letter, task) whose outcome is recorded.
 */
public record FollowUpCard(Kind kind, FollowUp followUp, Customer customer, List<Item> items, RenderedMessage message,
                           String recipient) {
    public enum Kind { CONFIRMATION, TASK }

    public FollowUpCard {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
