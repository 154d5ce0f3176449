package io.arfollowup.core.port;

import io.arfollowup.core.domain.ItemEvent;
import java.util.List;

/** The items' audit trail. Recording the same event twice (a retry) keeps one. */
public interface AuditLog {
    void record(ItemEvent event, String idempotencyKey);

    List<ItemEvent> history(String customerId, String itemNumber, int limit);
}
