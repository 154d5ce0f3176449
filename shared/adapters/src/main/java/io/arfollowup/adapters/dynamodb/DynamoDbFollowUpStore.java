package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.port.CustomerFollowUps;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.FollowUpStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Follow-ups ({@code F#id / FOLLOWUP}), indexed by state and due instant (GSI1: the catch-up sweep) and by customer
 * (GSI2). The runner's claim is one conditional UpdateItem: PLANNED → RUNNING, or a RUNNING claim older than the
 * lease taken over; the loser gets ConditionalCheckFailed and does nothing.
 */
public final class DynamoDbFollowUpStore implements FollowUpStore, CustomerFollowUps {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbFollowUpStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(PK, Attrs.s("F#" + id), SK, Attrs.s("FOLLOWUP"));
    }

    @Override
    public boolean create(FollowUp f) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(f)).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<FollowUp> get(String followUpId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(followUpId)).consistentRead(true));
        return out.hasItem() && !out.item().isEmpty() ? Optional.of(fromItem(out.item())) : Optional.empty();
    }

    @Override
    public Optional<FollowUp> claim(String followUpId, Instant now, Duration lease) {
        try {
            var out = dynamo.updateItem(b -> b.tableName(table).key(key(followUpId))
                    .updateExpression("SET #state = :running, #claimedAt = :now, #g1 = :g1")
                    .conditionExpression("#state = :planned OR (#state = :running AND #claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#state", "state", "#claimedAt", "claimedAt", "#g1", GSI1_PK))
                    .expressionAttributeValues(Map.of(":running", Attrs.s(FollowUpState.RUNNING.name()),
                            ":planned", Attrs.s(FollowUpState.PLANNED.name()), ":now", Attrs.s(Attrs.sortable(now)),
                            ":stale", Attrs.s(Attrs.sortable(now.minus(lease))),
                            ":g1", Attrs.s("FU#" + FollowUpState.RUNNING.name())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(fromItem(out.attributes()));
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    @Override
    public boolean finish(String followUpId, FollowUpState from, FollowUpState to, String result) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(followUpId))
                    .updateExpression("SET #state = :to, #result = :result, #g1 = :g1")
                    .conditionExpression("#state = :from")
                    .expressionAttributeNames(Map.of("#state", "state", "#result", "result", "#g1", GSI1_PK))
                    .expressionAttributeValues(Map.of(":to", Attrs.s(to.name()), ":from", Attrs.s(from.name()),
                            ":result", Attrs.s(result == null ? "" : result), ":g1", Attrs.s("FU#" + to.name()))));
            return true;
        } catch (ConditionalCheckFailedException notInState) {
            return false;
        }
    }

    @Override
    public boolean amend(String followUpId, String owner, String comment) {
        Map<String, String> names = new java.util.HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":done", Attrs.s(FollowUpState.DONE.name()), ":cancelled", Attrs.s(FollowUpState.CANCELLED.name()),
                ":failed", Attrs.s(FollowUpState.FAILED.name())));
        List<String> set = new java.util.ArrayList<>();
        if (owner != null) {
            names.put("#owner", "owner");
            values.put(":owner", Attrs.s(owner));
            set.add("#owner = :owner");
        }
        if (comment != null) {
            names.put("#comment", "comment");
            values.put(":comment", Attrs.s(comment));
            set.add("#comment = :comment");
        }
        if (set.isEmpty()) {
            return true;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(followUpId))
                    .updateExpression("SET " + String.join(", ", set))
                    .conditionExpression("attribute_exists(#state) AND NOT #state IN (:done, :cancelled, :failed)")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException finalOrMissing) {
            return false;
        }
    }

    @Override
    public List<FollowUp> duePlanned(Instant before, int limit) {
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI1)
                .keyConditionExpression("#pk = :pk AND #sk < :before")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("FU#" + FollowUpState.PLANNED.name()),
                        ":before", Attrs.s(Attrs.sortable(before))))
                .limit(limit));
        return out.items().stream().map(DynamoDbFollowUpStore::fromItem).toList();
    }

    /** The customer's follow-ups (GSI2 {@code C#customer / F#due#id}), oldest due first, at most {@code limit}. */
    @Override
    public List<FollowUp> ofCustomer(String customerId, int limit) {
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI2)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :f)")
                .expressionAttributeNames(Map.of("#pk", GSI2_PK, "#sk", GSI2_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("C#" + customerId), ":f", Attrs.s("F#")))
                .limit(limit));
        return out.items().stream().map(DynamoDbFollowUpStore::fromItem).toList();
    }

    static Map<String, AttributeValue> toItem(FollowUp f) {
        return Attrs.item()
                .s(PK, "F#" + f.id()).s(SK, "FOLLOWUP")
                .s(GSI1_PK, "FU#" + f.state().name()).s(GSI1_SK, Attrs.sortable(f.due()) + "#" + f.id())
                .s(GSI2_PK, f.customerId() == null ? null : "C#" + f.customerId())
                .s(GSI2_SK, f.customerId() == null ? null : "F#" + Attrs.sortable(f.due()) + "#" + f.id())
                .s("id", f.id()).s("customerId", f.customerId()).s("responseId", f.responseId())
                .strings("items", f.itemNumbers()).s("status", f.statusCode()).s("templateId", f.templateId())
                .s("mode", f.mode() == null ? null : f.mode().name()).instant("due", f.due())
                .s("zone", f.zone().getId()).s("state", f.state().name()).s("scheduleName", f.scheduleName())
                .s("owner", f.owner()).s("comment", f.comment()).instant("claimedAt", f.claimedAt())
                .s("result", f.result())
                .s("cardChannel", f.card() == null ? null : f.card().channel())
                .s("cardTs", f.card() == null ? null : f.card().ts())
                .s("editedSubject", f.edited() == null ? null : f.edited().subject())
                .s("editedBody", f.edited() == null ? null : f.edited().body())
                .build();
    }

    static FollowUp fromItem(Map<String, AttributeValue> i) {
        return new FollowUp(Attrs.str(i, "id"), Attrs.str(i, "customerId"), Attrs.str(i, "responseId"),
                Attrs.strings(i, "items"), Attrs.str(i, "status"), Attrs.str(i, "templateId"),
                Attrs.enumValue(i, "mode", FollowUpMode.class), Attrs.instant(i, "due"),
                ZoneId.of(Attrs.str(i, "zone")), FollowUpState.valueOf(Attrs.str(i, "state")),
                Attrs.str(i, "scheduleName"), Attrs.str(i, "owner"), Attrs.str(i, "comment"),
                Attrs.instant(i, "claimedAt"), Attrs.str(i, "result"),
                Attrs.str(i, "cardTs") == null ? null : new CardRef(Attrs.str(i, "cardChannel"), Attrs.str(i, "cardTs")),
                Attrs.str(i, "editedBody") == null ? null
                        : new TemplateContent(Attrs.str(i, "editedSubject"), Attrs.str(i, "editedBody")));
    }

    @Override
    public boolean replace(FollowUp updated, FollowUpState expected) {
        // the whole item again (same key layout as create), if the state is still the expected one
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(updated))
                    .conditionExpression("attribute_exists(#pk) AND #state = :expected")
                    .expressionAttributeNames(Map.of("#pk", PK, "#state", "state"))
                    .expressionAttributeValues(Map.of(":expected", Attrs.s(expected.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public List<FollowUp> staleRunning(Instant claimedBefore, int limit) {
        // RUNNING follow-ups are few (a run lasts seconds): one bounded Query of that state, filtered on the claim
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("FU#" + FollowUpState.RUNNING.name())))
                .limit(limit));
        return out.items().stream().map(DynamoDbFollowUpStore::fromItem)
                .filter(f -> f.claimedAt() == null || f.claimedAt().isBefore(claimedBefore)).toList();
    }
}
