package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.token.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit trail, one item per event under its item ({@code A#customer#number / E#hash(key)}). The sort key is the
 * idempotency key alone, not the event's time: a retried step stamps a new time but writes the same key, which the
 * condition refuses, so each event is kept once. An item's trail is short (tens of events over its life), so
 * {@link #history} reads the partition (paged, bounded) and returns the newest events, oldest first.
 */
public final class DynamoDbAuditLog implements AuditLog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(ItemEvent e, String idempotencyKey) {
        var item = Attrs.item()
                .s(PK, "A#" + e.customerId() + "#" + e.itemNumber())
                .s(SK, "E#" + Ids.derived("", idempotencyKey).substring(0, 16))
                .s("customerId", e.customerId()).s("item", e.itemNumber()).instant("at", e.at())
                .s("actor", e.actor()).s("field", e.field()).s("before", e.before()).s("after", e.after())
                .s("cause", e.cause()).build();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
        } catch (ConditionalCheckFailedException already) {
            // recorded by a previous attempt
        }
    }

    /** Upper bound on the events read for one item (a trail never gets near it; a runaway one stays cheap). */
    static final int MAX_READ = 1000;

    @Override
    public List<ItemEvent> history(String customerId, String itemNumber, int limit) {
        List<ItemEvent> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", Attrs.s("A#" + customerId + "#" + itemNumber)))
                    .exclusiveStartKey(from));
            for (var i : page.items()) {
                all.add(new ItemEvent(Attrs.str(i, "customerId"), Attrs.str(i, "item"), Attrs.instant(i, "at"),
                        Attrs.str(i, "actor"), Attrs.str(i, "field"), Attrs.str(i, "before"), Attrs.str(i, "after"),
                        Attrs.str(i, "cause")));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && all.size() < MAX_READ);
        return AuditLog.newest(all, limit);
    }
}
