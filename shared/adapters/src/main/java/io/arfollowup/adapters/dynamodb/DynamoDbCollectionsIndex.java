package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.CollectionsIndex;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The collectors' screens' reads on the single table: Queries on the key layout and the sparse GSIs documented in
 * {@link SingleTable}, each with a Limit or a time range (pages of a time range are followed: the range bounds them).
 */
public final class DynamoDbCollectionsIndex implements CollectionsIndex {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCollectionsIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<CustomerMatch> searchCustomers(String text, int limit) {
        List<String> words = IndexKeys.tokens(text);
        if (words.isEmpty()) {
            return List.of();
        }
        String key = words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        QueryResponse out = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :w)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(IndexKeys.namePartition(key)), ":w", Attrs.s(key)))
                .limit(50));
        Map<String, CustomerMatch> found = new LinkedHashMap<>();
        for (Map<String, AttributeValue> i : out.items()) {
            String name = Attrs.str(i, "name");
            List<String> nameWords = IndexKeys.tokens(name);
            boolean all = words.stream().allMatch(w -> nameWords.stream().anyMatch(n -> n.startsWith(w)));
            if (all) {
                found.putIfAbsent(Attrs.str(i, "customerId"), new CustomerMatch(Attrs.str(i, "customerId"), name));
            }
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(CustomerMatch::name))
                .limit(limit).toList();
    }

    @Override
    public List<Item> itemsByNumber(String number, int limit) {
        String normalized = Item.normalizeNumber(number);
        if (normalized.isEmpty()) {
            return List.of();
        }
        return query(b -> b.indexName(GSI1).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("INV#" + normalized))).limit(limit))
                .stream().map(DynamoDbItemStore::fromItem).toList();
    }

    @Override
    public List<Customer> customers(Collection<String> customerIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : new LinkedHashSet<>(customerIds)) {
            keys.add(Map.of(PK, Attrs.s("C#" + id), SK, Attrs.s("PROFILE")));
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        if (keys.size() > 100) {
            throw new IllegalArgumentException("at most 100 customers at once");
        }
        List<Customer> out = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        for (int attempt = 0; attempt < 5 && !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> r = request;
            var page = dynamo.batchGetItem(b -> b.requestItems(r));
            page.responses().getOrDefault(table, List.of()).forEach(i -> out.add(DynamoDbCustomerStore.fromItem(i)));
            request = page.hasUnprocessedKeys() ? page.unprocessedKeys() : Map.of();
        }
        return out;
    }

    @Override
    public List<Response> openResponses(int limit) {
        return query(b -> b.indexName(GSI1).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("INBOX#" + ResponseState.NEW.name())))
                .scanIndexForward(true).limit(limit))
                .stream().map(DynamoDbResponseStore::fromItem).toList();
    }

    @Override
    public List<Response> responsesOf(String customerId, int limit) {
        return query(b -> b.indexName(GSI2).keyConditionExpression("#pk = :pk AND begins_with(#sk, :r)")
                .expressionAttributeNames(Map.of("#pk", GSI2_PK, "#sk", GSI2_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("C#" + customerId), ":r", Attrs.s("R#")))
                .scanIndexForward(false).limit(limit))
                .stream().map(DynamoDbResponseStore::fromItem).toList();
    }

    @Override
    public List<FollowUp> followUpsOf(String customerId, int limit) {
        return query(b -> b.indexName(GSI2).keyConditionExpression("#pk = :pk AND begins_with(#sk, :f)")
                .expressionAttributeNames(Map.of("#pk", GSI2_PK, "#sk", GSI2_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("C#" + customerId), ":f", Attrs.s("F#")))
                .scanIndexForward(false).limit(limit))
                .stream().map(DynamoDbFollowUpStore::fromItem).toList();
    }

    @Override
    public List<FollowUp> followUps(FollowUpState state, Instant from, Instant to, int limit) {
        return query(b -> b.indexName(GSI1).keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("FU#" + state.name()),
                        ":from", Attrs.s(IndexKeys.lower(from)), ":to", Attrs.s(IndexKeys.upper(to))))
                .scanIndexForward(true).limit(limit))
                .stream().map(DynamoDbFollowUpStore::fromItem)
                .filter(f -> !f.due().isBefore(from) && f.due().isBefore(to)).toList();
    }

    @Override
    public List<Item> itemsWithStatus(String statusCode, int limit) {
        return query(b -> b.indexName(GSI2).keyConditionExpression("#pk = :pk")
                .filterExpression("#open <> :zero")
                .expressionAttributeNames(Map.of("#pk", GSI2_PK, "#open", "openAmount"))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(DynamoDbItemStore.statusKey(statusCode)),
                        ":zero", AttributeValue.fromN("0")))
                .scanIndexForward(true).limit(limit))
                .stream().map(DynamoDbItemStore::fromItem).filter(i -> statusCode.equals(i.status())).toList();
    }

    @Override
    public int answersReceived(Instant from, Instant to) {
        int count = 0;
        for (ResponseState state : ResponseState.values()) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> s = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(GSI1)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .filterExpression("attribute_not_exists(#flags) OR NOT contains(#flags, :auto)")
                        .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK, "#flags", "flags"))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s("INBOX#" + state.name()),
                                ":from", Attrs.s(IndexKeys.lower(from)), ":to", Attrs.s(IndexKeys.upper(to)),
                                ":auto", Attrs.s(ResponseFlag.AUTO_REPLY.name())))
                        .select(Select.COUNT).exclusiveStartKey(s));
                count += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return count;
    }

    @Override
    public Map<SuggestionOutcome, Integer> firstDecisions(Instant from, Instant to) {
        Map<SuggestionOutcome, Integer> out = new EnumMap<>(SuggestionOutcome.class);
        YearMonth month = YearMonth.from(from.atZone(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(to.atZone(ZoneOffset.UTC));
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            String partition = "DECIDED#" + month;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> s = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(GSI1)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .projectionExpression("#v, #o")
                        .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK, "#v", "version",
                                "#o", "outcome"))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s(partition),
                                ":from", Attrs.s(IndexKeys.lower(from)), ":to", Attrs.s(IndexKeys.upper(to))))
                        .exclusiveStartKey(s));
                for (Map<String, AttributeValue> i : page.items()) {
                    Integer version = Attrs.integer(i, "version");
                    SuggestionOutcome o = Attrs.enumValue(i, "outcome", SuggestionOutcome.class);
                    if (version != null && version == 1) {
                        out.merge(o == null ? SuggestionOutcome.NO_SUGGESTION : o, 1, Integer::sum);
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return out;
    }

    private List<Map<String, AttributeValue>> query(Consumer<QueryRequest.Builder> request) {
        return dynamo.query(b -> {
            b.tableName(table);
            request.accept(b);
        }).items();
    }
}
