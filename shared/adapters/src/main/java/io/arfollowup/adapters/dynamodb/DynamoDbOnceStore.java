package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.port.OnceStore;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** "Done once" markers ({@code K#key / ONCE}): a conditional PutItem only the first caller wins. */
public final class DynamoDbOnceStore implements OnceStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOnceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean claim(String key, Instant at) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Attrs.item().s(PK, "K#" + key).s(SK, "ONCE").instant("at", at)
                    .build()).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(PK, Attrs.s("K#" + key), SK, Attrs.s("ONCE"))));
    }
}
