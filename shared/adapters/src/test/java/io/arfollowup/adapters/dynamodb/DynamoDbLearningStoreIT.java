package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.LearningStore;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.suggest.BuiltInSuggester;
import io.arfollowup.testing.engines.LocalEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

@ExtendWith(LocalEngines.class)
class DynamoDbLearningStoreIT {

    private static final Instant RECEIVED = Instant.parse("2025-11-05T09:00:00Z");
    /** A team whose customers write "on verra avec le service achats" when they mean: not me, ask purchasing. */
    private static final String TAUGHT = "On verra avec le service achats pour la suite.";
    private static final String LATER = "On verra avec le service achats, merci.";

    static Dynalite db;
    static ExecutorService pool;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbLearningStoreIT.class);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static DynamoDbLearningStore store(String table) {
        return new DynamoDbLearningStore(db.client, table, Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }

    private static String freshTable() {
        String t = db.table + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        SingleTable.createIfMissing(db.client, t);
        return t;
    }

    @Test
    void aLearnedCorrection_survivesANewInstance_andForgetUndoesIt() {
        String table = freshTable();
        BuiltInSuggester first = new BuiltInSuggester(null, null, store(table));
        Suggestion before = first.suggest(request("r-later", LATER)).orElseThrow();
        assertThat(before.main().orElseThrow().statusCode()).isNotEqualTo("WRONG_CONTACT");

        first.learn(request("r-1", TAUGHT), decision("r-1", "WRONG_CONTACT"));
        Suggestion learned = first.suggest(request("r-later", LATER)).orElseThrow();
        assertThat(learned.main().orElseThrow().statusCode()).isEqualTo("WRONG_CONTACT");

        // another Lambda instance, cold: the same suggestion, from what the table holds
        BuiltInSuggester cold = new BuiltInSuggester(null, null, store(table));
        assertThat(cold.suggest(request("r-later", LATER)).orElseThrow().top())
                .isEqualTo(learned.top());

        cold.forget("r-1");
        assertThat(store(table).example("r-1")).isEmpty();
        assertThat(store(table).counts()).isEmpty();
        BuiltInSuggester afterForget = new BuiltInSuggester(null, null, store(table));
        assertThat(afterForget.suggest(request("r-later", LATER)).orElseThrow().top()).isEqualTo(before.top());
    }

    @Test
    void counts_areDeltasOnBucketItems_neverAScanNorAWholeRewrite() {
        String table = freshTable();
        DynamoDbLearningStore store = store(table);
        db.requests.clear();

        store.add(new LearningStore.Example("r-a", "ALREADY_PAID", List.of("deja", "regle", "c:abc", "f:past")));
        store.add(new LearningStore.Example("r-b", "ALREADY_PAID", List.of("deja", "vire")));

        assertThat(store.counts()).isEqualTo(Map.of("ALREADY_PAID",
                Map.of(LearningStore.DOCS, 2, "deja", 2, "regle", 1, "vire", 1, "c:abc", 1, "f:past", 1)));
        assertThat(db.requests.of(ScanRequest.class)).isEmpty();
        for (UpdateItemRequest u : db.requests.of(UpdateItemRequest.class)) {
            assertThat(u.key().get(SingleTable.PK).s()).isEqualTo("LEARN#COUNTS");
            assertThat(u.updateExpression()).startsWith("ADD ");
        }
        // the only whole-item writes are the examples, one per decision, under their response
        assertThat(db.requests.of(PutItemRequest.class)).extracting(p -> p.item().get(SingleTable.PK).s())
                .containsExactly("R#r-a", "R#r-b");
        assertThat(db.client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                SingleTable.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("R#r-a"),
                SingleTable.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LEARNED"))))
                .item()).containsKeys("status", "features", "gsi1pk", "gsi1sk");
    }

    @Test
    void aFirstDecision_isOneConditionalPutAndOneAdd_noRead() {
        String table = freshTable();
        DynamoDbLearningStore store = store(table);
        LearningStore.Example paid = new LearningStore.Example("r-1", "ALREADY_PAID",
                List.of("deja", "regle", "vire", "c:abc", "f:past", "hier", "banque", "montant", "facture"));
        db.requests.clear();

        assertThat(store.put(paid)).isEmpty();

        assertThat(db.requests.of(GetItemRequest.class)).isEmpty();
        assertThat(db.requests.of(PutItemRequest.class)).hasSize(1);
        List<UpdateItemRequest> adds = db.requests.of(UpdateItemRequest.class);
        assertThat(adds).hasSize(1); // every feature of the decision in its response's bucket
        assertThat(adds.get(0).key().get(SingleTable.SK).s())
                .isEqualTo("ALREADY_PAID#" + DynamoDbLearningStore.bucket("r-1"));

        // delivered again: the write is refused, one read finds the same example, nothing is counted twice
        assertThat(store.put(paid)).contains(paid);
        assertThat(store.counts().get("ALREADY_PAID")).containsEntry(LearningStore.DOCS, 1).containsEntry("deja", 1);
    }

    @Test
    void countsLeftByFeatureBuckets_areUndoneByAResponseBucket_andNeverReadBelowZero() {
        String table = freshTable();
        // what the earlier layout wrote for one example: its features spread over buckets chosen by the feature
        for (String f : List.of(LearningStore.DOCS, "deja", "regle")) {
            int b = Math.floorMod(f.hashCode(), 8);
            db.client.updateItem(u -> u.tableName(table).key(Map.of(
                    SingleTable.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LEARN#COUNTS"),
                    SingleTable.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                            "ALREADY_PAID#" + b)))
                    .updateExpression("ADD #f :one").expressionAttributeNames(Map.of("#f", "n:" + f))
                    .expressionAttributeValues(Map.of(":one",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
        }
        DynamoDbLearningStore store = store(table);
        db.client.putItem(p -> p.tableName(table).item(Map.of(
                SingleTable.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("R#r-old"),
                SingleTable.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LEARNED"),
                "status", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ALREADY_PAID"),
                "features", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(List.of(
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("deja"),
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("regle"))),
                "version", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
        store.add(new LearningStore.Example("r-new", "ALREADY_PAID", List.of("deja")));
        assertThat(store.counts().get("ALREADY_PAID")).isEqualTo(Map.of(LearningStore.DOCS, 2, "deja", 2,
                "regle", 1));

        // forgetting the old example subtracts in its response's bucket: the sums stay right
        assertThat(store.remove("r-old")).isTrue();
        assertThat(store.counts()).isEqualTo(Map.of("ALREADY_PAID", Map.of(LearningStore.DOCS, 1, "deja", 1)));
        assertThat(store.remove("r-new")).isTrue();
        assertThat(store.counts()).isEmpty();
    }

    @Test
    void aDuplicateDelivery_changesNothing_andARequalification_replacesTheExample() {
        String table = freshTable();
        DynamoDbLearningStore store = store(table);
        LearningStore.Example paid = new LearningStore.Example("r-1", "ALREADY_PAID", List.of("deja", "regle"));

        store.add(paid);
        store.add(paid);
        assertThat(store.counts()).isEqualTo(Map.of("ALREADY_PAID", Map.of(LearningStore.DOCS, 1, "deja", 1,
                "regle", 1)));

        store.add(new LearningStore.Example("r-1", "PAYMENT_PROMISE", List.of("deja", "vendredi")));
        assertThat(store.counts()).isEqualTo(Map.of("PAYMENT_PROMISE", Map.of(LearningStore.DOCS, 1, "deja", 1,
                "vendredi", 1)));
        assertThat(store.example("r-1").orElseThrow().statusCode()).isEqualTo("PAYMENT_PROMISE");

        assertThat(store.remove("r-1")).isTrue();
        assertThat(store.remove("r-1")).isFalse();
        assertThat(store.counts()).isEmpty();
    }

    @Test
    void twoWritersAtOnce_loseNoUpdate() throws Exception {
        String table = freshTable();
        // two Lambda instances, each with its own client-side store, learning different responses at once
        DynamoDbLearningStore one = store(table);
        DynamoDbLearningStore two = store(table);
        int perWriter = 15;
        List<Callable<Void>> writers = List.of(
                () -> {
                    for (int i = 0; i < perWriter; i++) {
                        one.add(new LearningStore.Example("a-" + i, "ALREADY_PAID", List.of("deja", "regle", "a" + i)));
                    }
                    return null;
                },
                () -> {
                    for (int i = 0; i < perWriter; i++) {
                        two.add(new LearningStore.Example("b-" + i, "ALREADY_PAID", List.of("deja", "vire", "b" + i)));
                    }
                    return null;
                });
        for (Future<Void> f : pool.invokeAll(writers)) {
            f.get();
        }

        Map<String, Integer> paid = one.counts().get("ALREADY_PAID");
        assertThat(paid.get(LearningStore.DOCS)).isEqualTo(2 * perWriter);
        assertThat(paid.get("deja")).isEqualTo(2 * perWriter);
        assertThat(paid.get("regle")).isEqualTo(perWriter);
        assertThat(paid.get("vire")).isEqualTo(perWriter);
        assertThat(one.recent(100)).hasSize(2 * perWriter);
    }

    @Test
    void twoRequalificationsOfOneResponseAtOnce_leaveExactlyOneExampleCounted() throws Exception {
        String table = freshTable();
        DynamoDbLearningStore one = store(table);
        DynamoDbLearningStore two = store(table);
        for (int round = 0; round < 5; round++) {
            String id = "r-" + round;
            String word = "x" + round;
            List<Callable<Void>> writers = List.of(
                    () -> {
                        one.add(new LearningStore.Example(id, "ALREADY_PAID", List.of("deja", word)));
                        return null;
                    },
                    () -> {
                        two.add(new LearningStore.Example(id, "PAYMENT_PROMISE", List.of("demain", word)));
                        return null;
                    });
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        }

        Map<String, Map<String, Integer>> counts = one.counts();
        int docs = counts.values().stream().mapToInt(m -> m.getOrDefault(LearningStore.DOCS, 0)).sum();
        assertThat(docs).isEqualTo(5);
        for (int round = 0; round < 5; round++) {
            LearningStore.Example kept = one.example("r-" + round).orElseThrow();
            // the round's word is counted once, under the status of the example that was kept
            assertThat(counts.get(kept.statusCode()).get("x" + round)).isEqualTo(1);
            String other = kept.statusCode().equals("ALREADY_PAID") ? "PAYMENT_PROMISE" : "ALREADY_PAID";
            assertThat(counts.getOrDefault(other, Map.of()).get("x" + round)).isNull();
        }
    }

    @Test
    void recent_isOneBoundedReverseQuery_newestLast() {
        String table = freshTable();
        List<Instant> at = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant t = RECEIVED.plus(Duration.ofMinutes(i));
            at.add(t);
            new DynamoDbLearningStore(db.client, table, Clock.fixed(t, ZoneOffset.UTC))
                    .add(new LearningStore.Example("r-" + i, "NO_ACTION", List.of("merci")));
        }
        db.requests.clear();

        List<LearningStore.Example> recent = store(table).recent(3);

        assertThat(recent).extracting(LearningStore.Example::responseId).containsExactly("r-3", "r-4", "r-5");
        List<QueryRequest> queries = db.requests.of(QueryRequest.class);
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).indexName()).isEqualTo(SingleTable.GSI1);
        assertThat(queries.get(0).scanIndexForward()).isFalse();
        assertThat(queries.get(0).limit()).isEqualTo(3);
    }

    @Test
    void aWarmInstance_seesAnotherInstancesDecisions_afterItsRefreshPeriod() {
        String table = freshTable();
        MutableClock clock = new MutableClock(RECEIVED);
        BuiltInSuggester inbound = new BuiltInSuggester(null, null, store(table), clock, Duration.ofMinutes(5));
        BuiltInSuggester worker = new BuiltInSuggester(null, null, store(table));
        String before = inbound.suggest(request("r-later", LATER)).orElseThrow().main().orElseThrow().statusCode();

        worker.learn(request("r-1", TAUGHT), decision("r-1", "WRONG_CONTACT"));
        clock.now = RECEIVED.plus(Duration.ofMinutes(2));
        assertThat(inbound.suggest(request("r-later", LATER)).orElseThrow().main().orElseThrow().statusCode())
                .isEqualTo(before);

        clock.now = RECEIVED.plus(Duration.ofMinutes(6));
        assertThat(inbound.suggest(request("r-later", LATER)).orElseThrow().main().orElseThrow().statusCode())
                .isEqualTo("WRONG_CONTACT");
    }

    private static SuggestionRequest request(String id, String text) {
        return new SuggestionRequest(id, ResponseChannel.EMAIL, "RE: Relance", text, null, List.of(), List.of(),
                List.of(), RECEIVED, ZoneId.of("Europe/Paris"), Country.FR, false);
    }

    private static Qualification decision(String responseId, String status) {
        return new Qualification(responseId, 1, "sub-" + responseId,
                List.of(new QualificationGroup(List.of(), status, null, null, null, null, null)), null, "U1",
                RECEIVED.plusSeconds(600), SuggestionOutcome.REJECTED);
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
