package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.port.ItemStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Items under their customer ({@code C#customer / ITEM#number}): a customer's open items are one Query (paginated),
 * an item by its number is GSI1 ({@code INV#normalized}).
 */
public final class DynamoDbItemStore implements ItemStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbItemStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String customerId, String number) {
        return Map.of(PK, Attrs.s("C#" + customerId), SK, Attrs.s("ITEM#" + number));
    }

    @Override
    public List<Item> openItems(String customerId) {
        List<Item> items = new ArrayList<>();
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
            page.items().forEach(i -> items.add(fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    @Override
    public Optional<Item> get(String customerId, String number) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(customerId, number)));
        return out.hasItem() && !out.item().isEmpty() ? Optional.of(fromItem(out.item())) : Optional.empty();
    }

    @Override
    public void put(Item item) {
        dynamo.putItem(b -> b.tableName(table).item(toItem(item)));
    }

    @Override
    public void qualify(String customerId, String number, String status, String comment, String owner, Hold hold) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#status", "status", "#comment", "comment",
                "#owner", "owner", "#hold", "hold", "#g2", GSI2_PK, "#g2s", GSI2_SK));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        assign("#status", ":status", status, set, remove, values);
        assign("#comment", ":comment", comment, set, remove, values);
        assign("#owner", ":owner", owner, set, remove, values);
        if (hold != null) {
            set.add("#hold = :hold");
            values.put(":hold", AttributeValue.fromM(holdToMap(hold)));
        } else {
            remove.add("#hold");
        }
        // the status index (GSI2): open disputes by age for App Home
        if (status == null || status.isBlank()) {
            remove.add("#g2");
            remove.add("#g2s");
        } else {
            set.add("#g2 = :g2");
            set.add("#g2s = :g2s");
            values.put(":g2", Attrs.s(statusKey(status)));
            values.put(":g2s", Attrs.s(statusSort(hold, customerId, number)));
        }
        String expression = (set.isEmpty() ? "" : "SET " + String.join(", ", set))
                + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        dynamo.updateItem(b -> b.tableName(table).key(key(customerId, number))
                .updateExpression(expression.trim())
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    private static void assign(String name, String placeholder, String value, List<String> set, List<String> remove,
                               Map<String, AttributeValue> values) {
        if (value == null || value.isBlank()) {
            remove.add(name);
        } else {
            set.add(name + " = " + placeholder);
            values.put(placeholder, Attrs.s(value));
        }
    }

    @Override
    public void amend(String customerId, String number, String owner, String comment) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        if (owner != null) {
            names.put("#owner", "owner");
            assign("#owner", ":owner", owner, set, remove, values);
        }
        if (comment != null) {
            names.put("#comment", "comment");
            assign("#comment", ":comment", comment, set, remove, values);
        }
        if (set.isEmpty() && remove.isEmpty()) {
            return;
        }
        String expression = ((set.isEmpty() ? "" : "SET " + String.join(", ", set))
                + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove))).trim();
        dynamo.updateItem(b -> b.tableName(table).key(key(customerId, number))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    static String statusKey(String status) {
        return "STATUS#" + status;
    }

    /** Held since (oldest first), then the item: the status index's sort key. */
    static String statusSort(Hold hold, String customerId, String number) {
        return (hold == null ? "-" : IndexKeys.instant(hold.since())) + "#C#" + customerId + "#" + number;
    }

    static Map<String, AttributeValue> holdToMap(Hold h) {
        return Attrs.item().s("reason", h.reason()).instant("since", h.since()).instant("until", h.until()).build();
    }

    static Map<String, AttributeValue> toItem(Item i) {
        Map<String, AttributeValue> item = Attrs.item()
                .s(PK, "C#" + i.customerId()).s(SK, "ITEM#" + i.number())
                .s(GSI1_PK, "INV#" + Item.normalizeNumber(i.number())).s(GSI1_SK, "C#" + i.customerId())
                .s("customerId", i.customerId()).s("number", i.number()).s("kind", i.kind().name())
                .n("amount", i.amount()).n("openAmount", i.openAmount()).s("currency", i.currency())
                .date("issueDate", i.issueDate()).date("dueDate", i.dueDate())
                .s("status", i.status()).s("comment", i.comment()).s("owner", i.owner())
                .s("documentKey", i.documentKey())
                .build();
        if (i.hold() != null) {
            item.put("hold", AttributeValue.fromM(holdToMap(i.hold())));
        }
        if (i.status() != null && !i.status().isBlank() && !i.isPaid()) {
            // a paid item leaves the status index: App Home lists open disputes only
            item.put(GSI2_PK, Attrs.s(statusKey(i.status())));
            item.put(GSI2_SK, Attrs.s(statusSort(i.hold(), i.customerId(), i.number())));
        }
        return item;
    }

    /** DynamoDB numbers drop trailing zeros (1250.00 comes back as 1250): amounts are shown with cents. */
    static java.math.BigDecimal money(java.math.BigDecimal v) {
        return v == null || v.scale() >= 2 ? v : v.setScale(2);
    }

    static Item fromItem(Map<String, AttributeValue> i) {
        Map<String, AttributeValue> h = Attrs.map(i, "hold");
        Hold hold = h == null ? null : new Hold(Attrs.str(h, "reason"), Attrs.instant(h, "since"),
                Attrs.instant(h, "until"));
        return new Item(Attrs.str(i, "customerId"), Attrs.str(i, "number"),
                Attrs.enumValue(i, "kind", ItemKind.class), money(Attrs.decimal(i, "amount")),
                money(Attrs.decimal(i, "openAmount")), Attrs.str(i, "currency"), Attrs.date(i, "issueDate"),
                Attrs.date(i, "dueDate"), Attrs.str(i, "status"), Attrs.str(i, "comment"), Attrs.str(i, "owner"),
                hold, Attrs.str(i, "documentKey"));
    }
}
