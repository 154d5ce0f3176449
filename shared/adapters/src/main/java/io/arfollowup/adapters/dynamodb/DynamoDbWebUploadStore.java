package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.port.WebUploadStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The files of a web-page answer in progress: one small item per file ({@code W#draft / FILE#fileId}), written
 * only if absent (the same file posted twice is one file), listed with one bounded Query (the page caps the count).
 */
public final class DynamoDbWebUploadStore implements WebUploadStore {

    private static final int MAX_LISTED = 50;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbWebUploadStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void add(String draftId, String fileId, AttachmentRef f) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.item()
                .s(PK, "W#" + draftId).s(SK, "FILE#" + fileId)
                .s("filename", f.filename()).s("contentType", f.contentType()).n("size", f.sizeBytes())
                .s("key", f.key()).instant("addedAt", clock.instant()).build());
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // the same file again: nothing to add
        }
    }

    @Override
    public List<AttachmentRef> list(String draftId) {
        var out = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :file)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("W#" + draftId), ":file", Attrs.s("FILE#")))
                .limit(MAX_LISTED));
        List<Map<String, AttributeValue>> rows = new ArrayList<>(out.items());
        rows.sort(Comparator.comparing((Map<String, AttributeValue> i) -> String.valueOf(Attrs.str(i, "addedAt")))
                .thenComparing(i -> Attrs.str(i, SK)));
        return rows.stream().map(i -> new AttachmentRef(Attrs.str(i, "filename"), Attrs.str(i, "contentType"),
                Attrs.decimal(i, "size") == null ? 0 : Attrs.decimal(i, "size").longValue(), Attrs.str(i, "key"),
                false)).toList();
    }
}
