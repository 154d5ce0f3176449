package io.arfollowup.core.port;

import io.arfollowup.core.domain.ItemEvent;
import java.util.Comparator;
import java.util.List;

/**
 * The items' audit trail. Recording the same event twice (a retry, even with a later time) keeps one: the
 * idempotency key decides, not the event's time.
 */
public interface AuditLog {
    void record(ItemEvent event, String idempotencyKey);

    /** The item's {@code limit} newest events, oldest first (a collector reads the latest changes in order). */
    List<ItemEvent> history(String customerId, String itemNumber, int limit);

    /** The {@code limit} newest of {@code events}, oldest first; equal times keep their given order. */
    static List<ItemEvent> newest(List<ItemEvent> events, int limit) {
        List<ItemEvent> sorted = events.stream().sorted(Comparator.comparing(ItemEvent::at)).toList();
        return sorted.subList(Math.max(0, sorted.size() - Math.max(0, limit)), sorted.size());
    }
}
