package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.token.Ids;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit trail, one item per event under its item ({@code A#customer#number / at#hash(key)}): a retried step
 * writes the same key, which the condition refuses, so each event is kept once.
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
                .s(SK, Attrs.sortable(e.at()) + "#" + Ids.derived("", idempotencyKey).substring(0, 12))
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

    @Override
    public List<ItemEvent> history(String customerId, String itemNumber, int limit) {
        var out = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("A#" + customerId + "#" + itemNumber)))
                .limit(limit));
        return out.items().stream().map(i -> new ItemEvent(Attrs.str(i, "customerId"), Attrs.str(i, "item"),
                Attrs.instant(i, "at"), Attrs.str(i, "actor"), Attrs.str(i, "field"), Attrs.str(i, "before"),
                Attrs.str(i, "after"), Attrs.str(i, "cause"))).toList();
    }
}
