package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.port.LearningStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What the deployment's decisions taught the suggester, in the single table (see {@link SingleTable}):
 * <ul>
 *   <li>one <b>example</b> per response ({@code R#id / LEARNED}: status, features, version), in the sparse index
 *   gsi1 under {@code LEARN#RECENT / learnedAt#id} so a cold start reads the most recent ones with one bounded,
 *   reverse Query;</li>
 *   <li>the per-status <b>counts</b>, spread over {@value #BUCKETS} items per status
 *   ({@code LEARN#COUNTS / status#b}, the bucket chosen by a hash of the <em>response</em>, so one decision is one
 *   ADD on one item — DESIGN §11's call budget), one numeric attribute {@code n:<feature>} per feature, changed
 *   only by {@code ADD} deltas: +1 per feature when a decision is learned, -1 (on the same bucket) when it is
 *   replaced or forgotten; a feature's count is the sum over its status' buckets. Two instances learning at once both land (ADD commutes); no item is
 *   rewritten whole; a cold start reads the counts with one Query on their partition, bounded by the vocabulary
 *   (at most 14 × {@value #BUCKETS} items), never by the number of decisions.</li>
 * </ul>
 * The example is written first, with a version condition: it is the idempotency key (a duplicate delivery of the
 * same decision finds the same example and adds nothing) and it serialises two re-qualifications of one response
 * (the loser re-reads and replaces). No transactions (dynalite has none): a crash between the example write and
 * the counts leaves that one example uncounted, which the model tolerates (counts are a nudge; they never go below
 * zero on load).
 */
public final class DynamoDbLearningStore implements LearningStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLearningStore.class);

    static final int BUCKETS = 8;
    static final String EXAMPLE_SK = "LEARNED";
    static final String COUNTS_PK = "LEARN#COUNTS";
    static final String RECENT_PK = "LEARN#RECENT";
    static final String FEATURE_PREFIX = "n:";
    private static final int ATTEMPTS = 5;
    /** Features per UpdateItem: keeps each expression well under DynamoDB's 4 KB. */
    private static final int PER_UPDATE = 150;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbLearningStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> exampleKey(String responseId) {
        return Map.of(PK, Attrs.s("R#" + responseId), SK, Attrs.s(EXAMPLE_SK));
    }

    private record Stored(Example example, long version) {
    }

    private Optional<Stored> stored(String responseId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(exampleKey(responseId)).consistentRead(true));
        if (!out.hasItem() || out.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> i = out.item();
        return Optional.of(new Stored(new Example(responseId, Attrs.str(i, "status"), Attrs.strings(i, "features")),
                Long.parseLong(i.get("version").n())));
    }

    @Override
    public Optional<Example> example(String responseId) {
        return stored(responseId).map(Stored::example);
    }

    @Override
    public void add(Example example) {
        put(example);
    }

    /**
     * The first decision on a response (the usual case) is one conditional PutItem and one ADD: the example is
     * written with {@code attribute_not_exists} before anything is read. Only when it exists (a retry, a
     * re-qualification, a race) is it read, compared and replaced under its version, as before.
     */
    @Override
    public Optional<Example> put(Example example) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(exampleItem(example, 1))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
            count(example, 1);
            return Optional.empty();
        } catch (ConditionalCheckFailedException exists) {
            // learned before: compare, then replace under its version
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> previous = stored(example.responseId());
            if (previous.isPresent() && previous.get().example().equals(example)) {
                return previous.map(Stored::example); // the same decision delivered again: already counted
            }
            long version = previous.map(p -> p.version() + 1).orElse(1L);
            Map<String, AttributeValue> item = exampleItem(example, version);
            try {
                if (previous.isEmpty()) {
                    dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", PK)));
                } else {
                    dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", "version"))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(
                                    Long.toString(previous.get().version())))));
                }
            } catch (ConditionalCheckFailedException raced) {
                continue; // another instance learned or forgot this response meanwhile: read again
            }
            count(example, 1);
            previous.ifPresent(p -> count(p.example(), -1));
            return previous.map(Stored::example);
        }
        throw new IllegalStateException("learning store: response " + example.responseId()
                + " kept changing under " + ATTEMPTS + " attempts");
    }

    private Map<String, AttributeValue> exampleItem(Example example, long version) {
        String learnedAt = Attrs.sortable(clock.instant());
        Map<String, AttributeValue> item = new HashMap<>(exampleKey(example.responseId()));
        item.putAll(Attrs.item().s("status", example.statusCode()).strings("features", example.features())
                .n("version", version).s("learnedAt", learnedAt)
                .s(GSI1_PK, RECENT_PK).s(GSI1_SK, learnedAt + "#" + example.responseId()).build());
        return item;
    }

    @Override
    public boolean remove(String responseId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> previous = stored(responseId);
            if (previous.isEmpty()) {
                return false;
            }
            try {
                dynamo.deleteItem(b -> b.tableName(table).key(exampleKey(responseId)).conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(
                                Long.toString(previous.get().version())))));
            } catch (ConditionalCheckFailedException raced) {
                continue;
            }
            count(previous.get().example(), -1);
            return true;
        }
        throw new IllegalStateException("learning store: response " + responseId + " kept changing under "
                + ATTEMPTS + " attempts");
    }

    /**
     * +1 or -1 on each feature of the example (and on the status' document count) in ONE bucket item, the one its
     * response hashes to: one ADD per decision (more only past {@value #PER_UPDATE} features) instead of one per
     * bucket. The +1 and the later -1 of an example land on the same item; {@link #counts()} sums the buckets.
     */
    private void count(Example example, int sign) {
        List<String> features = new ArrayList<>();
        features.add(DOCS);
        for (String f : new java.util.LinkedHashSet<>(example.features())) {
            if (!DOCS.equals(f)) {
                features.add(f);
            }
        }
        AttributeValue delta = AttributeValue.fromN(Integer.toString(sign));
        String sk = example.statusCode() + "#" + bucket(example.responseId());
        for (int from = 0; from < features.size(); from += PER_UPDATE) {
            List<String> part = features.subList(from, Math.min(features.size(), from + PER_UPDATE));
            Map<String, String> names = new HashMap<>();
            StringBuilder update = new StringBuilder("ADD ");
            for (int k = 0; k < part.size(); k++) {
                names.put("#f" + k, FEATURE_PREFIX + part.get(k));
                update.append(k == 0 ? "" : ", ").append("#f").append(k).append(" :d");
            }
            try {
                dynamo.updateItem(b -> b.tableName(table)
                        .key(Map.of(PK, Attrs.s(COUNTS_PK), SK, Attrs.s(sk)))
                        .updateExpression(update.toString())
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":d", delta)));
            } catch (DynamoDbException full) {
                if (full.awsErrorDetails() == null
                        || !"ValidationException".equals(full.awsErrorDetails().errorCode())) {
                    throw full;
                }
                // a bucket at DynamoDB's item limit (years of new words for one status): learning is a nudge,
                // the decision itself is stored elsewhere; say so and go on
                LOG.atWarn().addKeyValue("sk", sk).addKeyValue("features", part.size())
                        .addKeyValue("error", full.getClass().getSimpleName())
                        .log("learning store: counts not updated");
            }
        }
    }

    static int bucket(String responseId) {
        // a stable hash (String.hashCode is specified), the same in every instance and every release
        return Math.floorMod(responseId.hashCode(), BUCKETS);
    }

    @Override
    public List<Example> recent(int limit) {
        List<Example> newestFirst = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            int want = limit - newestFirst.size();
            QueryResponse out = dynamo.query(QueryRequest.builder().tableName(table).indexName(GSI1)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", GSI1_PK))
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(RECENT_PK)))
                    .scanIndexForward(false).limit(Math.min(want, 1000)).exclusiveStartKey(from).build());
            for (Map<String, AttributeValue> i : out.items()) {
                String pk = Attrs.str(i, PK);
                newestFirst.add(new Example(pk.substring(2), Attrs.str(i, "status"), Attrs.strings(i, "features")));
            }
            start = out.hasLastEvaluatedKey() && !out.lastEvaluatedKey().isEmpty() ? out.lastEvaluatedKey() : null;
        } while (start != null && newestFirst.size() < limit);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(COUNTS_PK)))
                    .consistentRead(true).exclusiveStartKey(from).build());
            for (Map<String, AttributeValue> i : page.items()) {
                String sk = Attrs.str(i, SK);
                String status = sk.substring(0, sk.lastIndexOf('#'));
                Map<String, Integer> byFeature = out.computeIfAbsent(status, s -> new HashMap<>());
                for (Map.Entry<String, AttributeValue> a : i.entrySet()) {
                    if (a.getKey().startsWith(FEATURE_PREFIX) && a.getValue().n() != null) {
                        // signed: counts written when buckets went by feature may be undone in a response's bucket
                        byFeature.merge(a.getKey().substring(FEATURE_PREFIX.length()),
                                Integer.parseInt(a.getValue().n()), Integer::sum);
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        out.values().forEach(m -> m.values().removeIf(n -> n <= 0)); // never below zero on load
        out.values().removeIf(Map::isEmpty);
        return out;
    }
}
