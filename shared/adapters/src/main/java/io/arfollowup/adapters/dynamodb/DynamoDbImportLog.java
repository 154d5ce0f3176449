package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.port.ImportLog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Imported files by content hash ({@code IMPORT#sha256 / FILE}), written once the import completed. */
public final class DynamoDbImportLog implements ImportLog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbImportLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> completed(String sha256) {
        var out = dynamo.getItem(b -> b.tableName(table).key(Map.of(PK, Attrs.s("IMPORT#" + sha256),
                SK, Attrs.s("FILE"))).consistentRead(true));
        return out.hasItem() && !out.item().isEmpty()
                ? Optional.of(Attrs.str(out.item(), "key") + " at " + Attrs.str(out.item(), "at") + ": "
                        + Attrs.str(out.item(), "summary"))
                : Optional.empty();
    }

    @Override
    public void recordCompleted(String sha256, String key, String summary, Instant at) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Attrs.item().s(PK, "IMPORT#" + sha256).s(SK, "FILE")
                    .s("key", key).s("summary", summary).instant("at", at).build())
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
        } catch (ConditionalCheckFailedException already) {
            // a concurrent import of the same content recorded it first
        }
    }
}
