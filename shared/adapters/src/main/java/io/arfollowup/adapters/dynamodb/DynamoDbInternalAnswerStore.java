package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.InternalAnswer;
import io.arfollowup.core.domain.InternalAnswerChoice;
import io.arfollowup.core.port.InternalAnswerStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Colleagues' internal answers ({@code IA#tokenId / ANSWER}): the conditional PutItem on the signed link's token id
 * is the single-use check; {@code applied} flips once, conditionally.
 */
public final class DynamoDbInternalAnswerStore implements InternalAnswerStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbInternalAnswerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(PK, Attrs.s("IA#" + id), SK, Attrs.s("ANSWER"));
    }

    @Override
    public boolean create(InternalAnswer a) {
        var item = Attrs.item().s(PK, "IA#" + a.id()).s(SK, "ANSWER")
                .s("id", a.id()).s("followUpId", a.followUpId()).s("customerId", a.customerId())
                .strings("items", a.itemNumbers()).s("choice", a.choice().name())
                .s("comment", a.comment().isEmpty() ? null : a.comment()).s("fileKey", a.fileKey())
                .s("fileName", a.fileName()).s("answeredBy", a.answeredBy()).instant("at", a.at())
                .bool("applied", a.applied()).build();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException used) {
            return false;
        }
    }

    @Override
    public Optional<InternalAnswer> get(String answerId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(answerId)).consistentRead(true));
        if (!out.hasItem() || out.item().isEmpty()) {
            return Optional.empty();
        }
        var i = out.item();
        return Optional.of(new InternalAnswer(Attrs.str(i, "id"), Attrs.str(i, "followUpId"),
                Attrs.str(i, "customerId"), Attrs.strings(i, "items"),
                InternalAnswerChoice.valueOf(Attrs.str(i, "choice")), Attrs.str(i, "comment"),
                Attrs.str(i, "fileKey"), Attrs.str(i, "fileName"), Attrs.str(i, "answeredBy"),
                Attrs.instant(i, "at"), Attrs.bool(i, "applied")));
    }

    @Override
    public boolean markApplied(String answerId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(answerId))
                    .updateExpression("SET #applied = :yes")
                    .conditionExpression("attribute_exists(#pk) AND #applied = :no")
                    .expressionAttributeNames(Map.of("#applied", "applied", "#pk", PK))
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true),
                            ":no", AttributeValue.fromBool(false))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }
}
