package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.port.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** AuditLog in memory, idempotent on its key. */
public final class InMemoryAuditLog implements AuditLog {
    private final Map<String, ItemEvent> events = new ConcurrentHashMap<>();

    @Override
    public void record(ItemEvent event, String idempotencyKey) {
        events.putIfAbsent(idempotencyKey, event);
    }

    @Override
    public List<ItemEvent> history(String customerId, String itemNumber, int limit) {
        return AuditLog.newest(events.values().stream().filter(e -> e.customerId().equals(customerId)
                && e.itemNumber().equals(itemNumber)).toList(), limit);
    }

    public int size() {
        return events.size();
    }
}
