package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.port.ScenarioLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The scenario's per-customer bookkeeping. {@code C#customer / SCENARIO} carries the customer's next day in GSI2
 * ({@code SCENARIO / yyyy-MM-dd#customer}), so "customers due up to today" is one Query, paginated, that also returns
 * the days a missed run left behind; {@code C#customer / REMINDER#yyyy-MM-dd} is the day's marker, claimed with a
 * conditional write (a claim older than the lease, from a crashed run, may be taken over).
 */
public final class DynamoDbScenarioLedger implements ScenarioLedger {

    static final String INDEX = "SCENARIO";
    private static final char SEP = '\u001f';

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbScenarioLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String customerId) {
        return Map.of(PK, Attrs.s("C#" + customerId), SK, Attrs.s("SCENARIO"));
    }

    private static Map<String, AttributeValue> dayKey(String customerId, LocalDate day) {
        return Map.of(PK, Attrs.s("C#" + customerId), SK, Attrs.s("REMINDER#" + day));
    }

    @Override
    public Page due(LocalDate upTo, String continuation, int limit) {
        var out = dynamo.query(b -> b.tableName(table).indexName(GSI2)
                .keyConditionExpression("#pk = :pk AND #sk < :before")
                .expressionAttributeNames(Map.of("#pk", GSI2_PK, "#sk", GSI2_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(INDEX), ":before",
                        Attrs.s(upTo.plusDays(1).toString())))
                .exclusiveStartKey(decode(continuation))
                .limit(Math.max(1, limit)));
        List<Due> customers = out.items().stream().map(i -> new Due(Attrs.str(i, "customerId"),
                Attrs.date(i, "day"))).toList();
        String next = out.hasLastEvaluatedKey() && !out.lastEvaluatedKey().isEmpty()
                ? encode(out.lastEvaluatedKey()) : null;
        return new Page(customers, next);
    }

    @Override
    public void next(String customerId, LocalDate day) {
        if (day == null) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(customerId)));
            return;
        }
        dynamo.putItem(b -> b.tableName(table).item(item(customerId, day)));
    }

    @Override
    public void noLaterThan(String customerId, LocalDate day) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId))
                    .updateExpression("SET #g2pk = :g2pk, #g2sk = :g2sk, #day = :day, #c = :c")
                    .conditionExpression("attribute_not_exists(#day) OR #day > :day")
                    .expressionAttributeNames(Map.of("#g2pk", GSI2_PK, "#g2sk", GSI2_SK, "#day", "day",
                            "#c", "customerId"))
                    .expressionAttributeValues(Map.of(":g2pk", Attrs.s(INDEX), ":g2sk",
                            Attrs.s(day + "#" + customerId), ":day", Attrs.s(day.toString()),
                            ":c", Attrs.s(customerId))));
        } catch (ConditionalCheckFailedException alreadyEarlier) {
            // the customer is due on an earlier day already
        }
    }

    @Override
    public Optional<LocalDate> nextDay(String customerId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(customerId)));
        return out.hasItem() && !out.item().isEmpty() ? Optional.ofNullable(Attrs.date(out.item(), "day"))
                : Optional.empty();
    }

    @Override
    public boolean claimDay(String customerId, LocalDate day, Instant now, Duration lease) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(dayKey(customerId, day))
                    .updateExpression("SET #state = :claimed, #at = :now")
                    .conditionExpression("attribute_not_exists(#pk) OR (#state = :claimed AND #at < :stale)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#state", "state", "#at", "claimedAt"))
                    .expressionAttributeValues(Map.of(":claimed", Attrs.s("CLAIMED"), ":now", Attrs.s(now.toString()),
                            ":stale", Attrs.s(now.minus(lease).toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void closeDay(String customerId, LocalDate day, String outcome, String detail) {
        dynamo.updateItem(b -> b.tableName(table).key(dayKey(customerId, day))
                .updateExpression("SET #state = :s, #detail = :d")
                .expressionAttributeNames(Map.of("#state", "state", "#detail", "detail"))
                .expressionAttributeValues(Map.of(":s", Attrs.s(outcome), ":d", Attrs.s(detail == null ? "" : detail))));
    }

    private static Map<String, AttributeValue> item(String customerId, LocalDate day) {
        return Attrs.item().s(PK, "C#" + customerId).s(SK, "SCENARIO").s(GSI2_PK, INDEX)
                .s(GSI2_SK, day + "#" + customerId).s("day", day.toString()).s("customerId", customerId).build();
    }

    /** The LastEvaluatedKey (four string attributes) as an opaque, URL-safe continuation. */
    static String encode(Map<String, AttributeValue> lek) {
        String joined = String.join(String.valueOf(SEP), Attrs.str(lek, PK), Attrs.str(lek, SK),
                Attrs.str(lek, GSI2_PK), Attrs.str(lek, GSI2_SK));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String continuation) {
        if (continuation == null || continuation.isBlank()) {
            return null;
        }
        String[] p = new String(Base64.getUrlDecoder().decode(continuation), StandardCharsets.UTF_8)
                .split(String.valueOf(SEP), -1);
        if (p.length != 4) {
            throw new IllegalArgumentException("not a scenario continuation");
        }
        return Map.of(PK, Attrs.s(p[0]), SK, Attrs.s(p[1]), GSI2_PK, Attrs.s(p[2]), GSI2_SK, Attrs.s(p[3]));
    }
}
