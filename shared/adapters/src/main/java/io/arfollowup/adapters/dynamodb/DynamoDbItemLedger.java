package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.DunningProgress;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ScenarioItem;
import io.arfollowup.core.port.ItemLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The item writes of imports, payments, holds and the scenario on the items of {@link DynamoDbItemStore}
 * ({@code C#customer / ITEM#number}). Each is one UpdateItem/PutItem with a condition; the scenario progress
 * ({@code scnOffset}, {@code scnStep}, {@code scnSentOn}) and the payment references ({@code paymentRefs}, a string
 * set) live on the item itself, so a payment and its idempotency mark are written together.
 */
public final class DynamoDbItemLedger implements ItemLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbItemLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String customerId, String number) {
        return DynamoDbItemStore.key(customerId, number);
    }

    @Override
    public Optional<Item> byNumber(String number) {
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("INV#" + Item.normalizeNumber(number))))
                .limit(1));
        return out.items().isEmpty() ? Optional.empty() : Optional.of(DynamoDbItemStore.fromItem(out.items().get(0)));
    }

    @Override
    public boolean create(Item item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(DynamoDbItemStore.toItem(item))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void updateFacts(Item f) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#kind", "kind", "#amount", "amount",
                "#open", "openAmount", "#currency", "currency", "#issue", "issueDate", "#due", "dueDate"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>(List.of("#kind = :kind", "#amount = :amount", "#open = :open",
                "#currency = :currency"));
        List<String> remove = new ArrayList<>();
        values.put(":kind", Attrs.s(f.kind().name()));
        values.put(":amount", AttributeValue.fromN(f.amount().toPlainString()));
        values.put(":open", AttributeValue.fromN(f.openAmount().toPlainString()));
        values.put(":currency", Attrs.s(f.currency()));
        date("#issue", ":issue", f.issueDate(), set, remove, values);
        date("#due", ":due", f.dueDate(), set, remove, values);
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        dynamo.updateItem(b -> b.tableName(table).key(key(f.customerId(), f.number())).updateExpression(expression)
                .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private static void date(String name, String placeholder, LocalDate value, List<String> set, List<String> remove,
                             Map<String, AttributeValue> values) {
        if (value == null) {
            remove.add(name);
        } else {
            set.add(name + " = " + placeholder);
            values.put(placeholder, Attrs.s(value.toString()));
        }
    }

    @Override
    public PaymentOutcome applyPayment(String customerId, String number, String reference, BigDecimal expectedOpen,
                                       BigDecimal newOpen) {
        boolean paid = newOpen.signum() == 0;
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#open", "openAmount", "#refs", "paymentRefs"));
        if (paid) {
            names.put("#hold", "hold");
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId, number))
                    .updateExpression("SET #open = :new ADD #refs :ref" + (paid ? " REMOVE #hold" : ""))
                    .conditionExpression("attribute_exists(#pk) AND #open = :expected AND NOT contains(#refs, :one)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":new", AttributeValue.fromN(newOpen.toPlainString()),
                            ":expected", AttributeValue.fromN(expectedOpen.toPlainString()),
                            ":ref", AttributeValue.fromSs(List.of(reference)), ":one", Attrs.s(reference))));
            return PaymentOutcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            var now = dynamo.getItem(b -> b.tableName(table).key(key(customerId, number)).consistentRead(true));
            if (!now.hasItem() || now.item().isEmpty()) {
                return PaymentOutcome.NOT_FOUND;
            }
            AttributeValue refs = now.item().get("paymentRefs");
            return refs != null && refs.hasSs() && refs.ss().contains(reference) ? PaymentOutcome.ALREADY_APPLIED
                    : PaymentOutcome.CONCURRENT_CHANGE;
        }
    }

    @Override
    public void attachDocument(String customerId, String number, String documentKey) {
        dynamo.updateItem(b -> b.tableName(table).key(key(customerId, number))
                .updateExpression("SET #doc = :doc").conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#doc", "documentKey", "#pk", PK))
                .expressionAttributeValues(Map.of(":doc", Attrs.s(documentKey))));
    }

    @Override
    public Optional<Hold> releaseHold(String customerId, String number, Hold expected) {
        Map<String, String> names = new HashMap<>(Map.of("#hold", "hold"));
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = "attribute_exists(#hold)";
        if (expected != null) {
            names.put("#reason", "reason");
            names.put("#since", "since");
            values.put(":reason", Attrs.s(expected.reason()));
            values.put(":since", Attrs.s(expected.since().toString()));
            condition += " AND #hold.#reason = :reason AND #hold.#since = :since";
        }
        String cond = condition;
        try {
            var out = dynamo.updateItem(b -> b.tableName(table).key(key(customerId, number))
                    .updateExpression("REMOVE #hold").conditionExpression(cond).expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.ALL_OLD));
            Item old = DynamoDbItemStore.fromItem(out.attributes());
            return Optional.ofNullable(old.hold());
        } catch (ConditionalCheckFailedException changed) {
            return Optional.empty();
        }
    }

    @Override
    public List<ScenarioItem> scenarioItems(String customerId) {
        List<ScenarioItem> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :item)")
                    .filterExpression("#open <> :zero")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#open", "openAmount"))
                    .expressionAttributeValues(Map.of(":pk", Attrs.s("C#" + customerId), ":item", Attrs.s("ITEM#"),
                            ":zero", AttributeValue.fromN("0")))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> out.add(new ScenarioItem(DynamoDbItemStore.fromItem(i), progress(i))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean recordStep(String customerId, String number, int offsetDays, String stepId, LocalDate sentOn) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId, number))
                    .updateExpression("SET #o = :o, #s = :s, #d = :d")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#o) OR #o < :o)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#o", "scnOffset", "#s", "scnStep", "#d", "scnSentOn"))
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromN(Integer.toString(offsetDays)),
                            ":s", Attrs.s(stepId), ":d", Attrs.s(sentOn.toString()))));
            return true;
        } catch (ConditionalCheckFailedException atOrPast) {
            return false;
        }
    }

    @Override
    public DunningProgress progress(String customerId, String number) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(customerId, number)));
        return out.hasItem() && !out.item().isEmpty() ? progress(out.item()) : DunningProgress.NONE;
    }

    static DunningProgress progress(Map<String, AttributeValue> i) {
        return new DunningProgress(Attrs.integer(i, "scnOffset"), Attrs.str(i, "scnStep"), Attrs.date(i, "scnSentOn"));
    }
}
