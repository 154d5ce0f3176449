package io.arfollowup.adapters.dynamodb;

import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.LocalEngines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table per test class on the JVM's shared dynalite, created from {@link SingleTable}, and a client that records
 * every request our stores send (expressions, call counts).
 */
final class Dynalite {

    final Recorder requests = new Recorder();
    final DynamoDbClient client;
    final String table;

    private Dynalite(Class<?> testClass) {
        this.client = DynamoDbClient.builder()
                .endpointOverride(LocalEngines.get(Engine.DYNALITE).endpoint())
                .region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(requests))
                .build();
        this.table = "it-" + testClass.getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        SingleTable.createIfMissing(client, table);
        requests.clear();
    }

    static Dynalite forClass(Class<?> testClass) {
        return new Dynalite(testClass);
    }

    /** The raw item at a key, as DynamoDB holds it. */
    Map<String, AttributeValue> raw(String pk, String sk) {
        return client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(SingleTable.PK, AttributeValue.fromS(pk), SingleTable.SK, AttributeValue.fromS(sk))))
                .item();
    }

    /** Every request the client sent, in order. */
    static final class Recorder implements ExecutionInterceptor {
        private final List<SdkRequest> sent = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            sent.add(context.request());
        }

        List<SdkRequest> all() {
            return List.copyOf(sent);
        }

        <T extends SdkRequest> List<T> of(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }

        void clear() {
            sent.clear();
        }
    }

    /**
     * An item's size as DynamoDB counts it against the 400 KB limit: attribute names plus values (strings as UTF-8,
     * numbers about one byte per two digits, 3 bytes of overhead per list or map and 1 per element).
     */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (var e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return (v.n().length() + 1) / 2 + 1;
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(x -> 1 + valueSize(x)).sum();
        }
        if (v.hasM()) {
            return 3 + itemSize(v.m()) + v.m().size();
        }
        return 0;
    }
}
