package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseSource;
import io.arfollowup.core.domain.PromiseState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Promises under their customer ({@code C#customer / PROMISE#id}). GSI1 is overloaded by state: an OPEN promise is
 * indexed by its check day ({@code PROMISE#OPEN / checkDate#id}, the sweep of checks that never ran); a settled one
 * by its collector and settlement time ({@code PROMISES#collector / settledAt#id}, the collector's kept rate from
 * one Query of the latest); a cancelled one leaves the index.
 */
public final class DynamoDbPromiseStore implements io.arfollowup.core.port.PromiseStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPromiseStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String customerId, String id) {
        return Map.of(PK, Attrs.s("C#" + customerId), SK, Attrs.s("PROMISE#" + id));
    }

    @Override
    public boolean create(Promise p) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(p)).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Promise> get(String customerId, String promiseId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(customerId, promiseId)).consistentRead(true));
        return out.hasItem() && !out.item().isEmpty() ? Optional.of(fromItem(out.item())) : Optional.empty();
    }

    @Override
    public boolean settle(String customerId, String promiseId, PromiseState to, List<String> kept, List<String> broken,
                          Instant at) {
        Optional<Promise> p = get(customerId, promiseId);
        if (p.isEmpty() || p.get().state() != PromiseState.OPEN) {
            return false;
        }
        return settle(p.get(), to, kept, broken, at, false);
    }

    /** One conditional UpdateItem, no read: the caller's promise gives the collector (fixed at creation). */
    @Override
    public boolean settle(Promise promise, PromiseState to, List<String> kept, List<String> broken, Instant at,
                          boolean claimAlert) {
        String customerId = promise.customerId();
        String promiseId = promise.id();
        Optional<Promise> p = Optional.of(promise);
        Map<String, String> names = new HashMap<>(Map.of("#state", "state", "#kept", "keptItems",
                "#broken", "brokenItems", "#at", "settledAt", "#g1pk", GSI1_PK, "#g1sk", GSI1_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", Attrs.s(to.name()),
                ":open", Attrs.s(PromiseState.OPEN.name()), ":at", Attrs.s(at.toString()),
                ":kept", AttributeValue.fromL(kept.stream().map(Attrs::s).toList()),
                ":broken", AttributeValue.fromL(broken.stream().map(Attrs::s).toList())));
        String update;
        if (to.isSettled()) {
            values.put(":g1pk", Attrs.s(collectorKey(p.get().collector())));
            values.put(":g1sk", Attrs.s(at + "#" + promiseId));
            update = "SET #state = :to, #kept = :kept, #broken = :broken, #at = :at, #g1pk = :g1pk, #g1sk = :g1sk";
        } else {
            update = "SET #state = :to, #kept = :kept, #broken = :broken, #at = :at REMOVE #g1pk, #g1sk";
        }
        if (claimAlert) {
            names.put("#alerted", "ownerAlerted");
            values.put(":alerted", AttributeValue.fromBool(true));
            update = update.replace(", #at = :at", ", #at = :at, #alerted = :alerted");
        }
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId, promiseId)).updateExpression(expression)
                    .conditionExpression("#state = :open").expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notOpen) {
            return false;
        }
    }

    @Override
    public boolean claimOwnerAlert(String customerId, String promiseId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId, promiseId))
                    .updateExpression("SET #a = :t")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#a) OR #a = :f)")
                    .expressionAttributeNames(Map.of("#a", "ownerAlerted", "#pk", PK))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true),
                            ":f", AttributeValue.fromBool(false))));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }

    @Override
    public void releaseOwnerAlert(String customerId, String promiseId) {
        dynamo.updateItem(b -> b.tableName(table).key(key(customerId, promiseId))
                .updateExpression("SET #a = :f").conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#a", "ownerAlerted", "#pk", PK))
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromBool(false))));
    }

    @Override
    public List<Promise> ofCustomer(String customerId, int limit) {
        var out = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk AND begins_with(#sk, :p)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("C#" + customerId), ":p", Attrs.s("PROMISE#")))
                .limit(limit));
        return out.items().stream().map(DynamoDbPromiseStore::fromItem).toList();
    }

    @Override
    public List<Promise> settledFor(String collector, int limit) {
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI1).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(collectorKey(collector))))
                .scanIndexForward(false).limit(limit));
        return out.items().stream().map(DynamoDbPromiseStore::fromItem).toList();
    }

    @Override
    public List<Promise> openDue(LocalDate day, int limit) {
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI1)
                .keyConditionExpression("#pk = :pk AND #sk < :before")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("PROMISE#OPEN"),
                        ":before", Attrs.s(day.plusDays(1).toString())))
                .limit(limit));
        return out.items().stream().map(DynamoDbPromiseStore::fromItem).toList();
    }

    private static String collectorKey(String collector) {
        return "PROMISES#" + (collector == null || collector.isBlank() ? "-" : collector);
    }

    static Map<String, AttributeValue> toItem(Promise p) {
        Attrs.ItemBuilder b = Attrs.item().s(PK, "C#" + p.customerId()).s(SK, "PROMISE#" + p.id())
                .s("id", p.id()).s("customerId", p.customerId()).s("responseId", p.responseId())
                .s("followUpId", p.followUpId()).strings("items", p.itemNumbers())
                .date("promisedDate", p.promisedDate()).date("checkDate", p.checkDate()).n("amount", p.amount())
                .s("currency", p.currency()).s("source", p.source().name()).s("state", p.state().name())
                .s("collector", p.collector()).instant("createdAt", p.createdAt()).instant("settledAt", p.settledAt())
                .strings("keptItems", p.keptItems()).strings("brokenItems", p.brokenItems())
                .bool("ownerAlerted", p.ownerAlerted());
        if (p.state() == PromiseState.OPEN) {
            b.s(GSI1_PK, "PROMISE#OPEN").s(GSI1_SK, (p.checkDate() == null ? "9999-12-31" : p.checkDate().toString())
                    + "#" + p.id());
        } else if (p.state().isSettled() && p.settledAt() != null) {
            b.s(GSI1_PK, collectorKey(p.collector())).s(GSI1_SK, p.settledAt() + "#" + p.id());
        }
        return b.build();
    }

    static Promise fromItem(Map<String, AttributeValue> i) {
        return new Promise(Attrs.str(i, "id"), Attrs.str(i, "customerId"), Attrs.str(i, "responseId"),
                Attrs.str(i, "followUpId"), Attrs.strings(i, "items"), Attrs.date(i, "promisedDate"),
                Attrs.date(i, "checkDate"), Attrs.decimal(i, "amount"), Attrs.str(i, "currency"),
                Attrs.enumValue(i, "source", PromiseSource.class), Attrs.enumValue(i, "state", PromiseState.class),
                Attrs.str(i, "collector"), Attrs.instant(i, "createdAt"), Attrs.instant(i, "settledAt"),
                Attrs.strings(i, "keptItems"), Attrs.strings(i, "brokenItems"), Attrs.bool(i, "ownerAlerted"));
    }
}
