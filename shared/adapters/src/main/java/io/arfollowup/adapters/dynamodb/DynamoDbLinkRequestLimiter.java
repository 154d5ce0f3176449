package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.port.LinkRequestLimiter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * "Send me a new link" counters: one item per customer and day ({@code L#customer / NEWLINK#yyyy-MM-dd}), one
 * UpdateItem that ADDs 1 only while the count is below the limit — atomic, so concurrent requests cannot exceed
 * it. {@code expiresAt} lets a TTL (housekeeping only, DESIGN §4) remove old counters.
 */
public final class DynamoDbLinkRequestLimiter implements LinkRequestLimiter {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbLinkRequestLimiter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryAcquire(String customerId, LocalDate day, int limit) {
        long expires = day.plusDays(2).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(PK, Attrs.s("L#" + customerId), SK, Attrs.s("NEWLINK#" + day)))
                    .updateExpression("ADD #count :one SET #exp = :exp")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", "count", "#exp", "expiresAt"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":exp", AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException limitReached) {
            return false;
        }
    }
}
