package io.arfollowup.bench;

import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.ReceiveEmail;
import io.arfollowup.core.usecase.RunFollowUp;
import io.arfollowup.core.usecase.TrackQualification;
import io.arfollowup.local.DemoData;
import io.arfollowup.local.LocalEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * DESIGN §11, DynamoDB calls per request — ingest ≤ 6, qualify ≤ 4 + 2 per item, runner ≤ 6, and none that grows
 * with the table (no Scan, no Query without a Limit). Every call the use cases make on dynalite is counted by an SDK
 * {@link ExecutionInterceptor} on the DynamoDB client of the same {@link Components} the Lambdas use, over the demo's
 * data (events/demo) and its 14 sample e-mails: each mail ingested (ReceiveEmail), qualified as the demo's
 * decisions say (QualifyResponse, counted alone and with the worker's TrackQualification snapshot and after-step
 * around it, as {@code Worker.run} does), and each follow-up planned by it run once (RunFollowUp). The catalogue's cache
 * (30 s) is warmed first, as on a warm Lambda; a cold instance adds one Query for the catalogue's overrides.
 */
public final class DynamoDbCallsBenchmark implements Benchmark {

    @Override
    public String name() {
        return "dynamodb-calls";
    }

    /** Counts calls by operation; flags Scans and Queries without a Limit. */
    static final class Counter implements ExecutionInterceptor {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger scans = new AtomicInteger();
        final AtomicInteger unboundedQueries = new AtomicInteger();
        final Map<String, Integer> unboundedShapes = new ConcurrentHashMap<>();

        /** The index and the partition key's kind (its value up to the first '#'): what a Query reads. */
        static String shape(QueryRequest q) {
            Map<String, String> values = new TreeMap<>();
            if (q.expressionAttributeValues() != null) {
                q.expressionAttributeValues().forEach((k, v) -> {
                    String text = v.s() == null ? "…" : v.s();
                    int hash = text.indexOf('#');
                    values.put(k, hash < 0 ? "…" : text.substring(0, hash + 1) + "…");
                });
            }
            return (q.indexName() == null ? "table" : q.indexName()) + " [" + q.keyConditionExpression() + "] "
                    + values;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
            calls.computeIfAbsent(ctx.request().getClass().getSimpleName().replace("Request", ""),
                    k -> new AtomicInteger()).incrementAndGet();
            if (ctx.request() instanceof ScanRequest) {
                scans.incrementAndGet();
            }
            if (ctx.request() instanceof QueryRequest q && q.limit() == null) {
                // on the table, a partition is one entity (SingleTable's key layout): it grows with that entity's
                // own items, not with the table; a GSI partition gathers many entities, so it needs a Limit
                if (q.indexName() != null) {
                    unboundedQueries.incrementAndGet();
                }
                unboundedShapes.merge(shape(q), 1, Integer::sum);
            }
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        String detail() {
            Map<String, Integer> sorted = new TreeMap<>();
            calls.forEach((k, v) -> sorted.put(k, v.get()));
            return sorted.toString();
        }

        void reset() {
            calls.clear();
        }

        /** Also forgets the Scans and unbounded Queries seen so far (the demo data's loading is not a request). */
        void resetAll() {
            reset();
            scans.set(0);
            unboundedQueries.set(0);
            unboundedShapes.clear();
        }
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        MailSystemProperties.apply();
        ZoneId zone = ZoneId.of("Europe/Paris");
        List<BenchResult> results = new ArrayList<>();
        try (LocalEnvironment env = new LocalEnvironment(null, Clock.systemUTC())) {
            Components c = env.components();
            Counter counter = new Counter();
            c.withDynamoDb(DynamoDbClient.builder().endpointOverride(env.dynamo().endpoint())
                    .region(Region.EU_WEST_3).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build());
            DemoData data = new DemoData(context.root().resolve("events/demo"), LocalDate.now(zone));
            data.load(c);
            c.rules().rules(); // the catalogue's cache, as on a warm instance
            counter.resetAll();

            List<Path> mails;
            try (Stream<Path> s = Files.list(context.root().resolve("events/emails"))) {
                mails = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            }
            ReceiveEmail ingest = c.receiveEmail(new AngusMailReader());
            QualifyResponse qualify = c.qualifyResponse();
            RunFollowUp runner = c.runFollowUp();
            Map<String, List<DemoData.Decision>> decisions = data.decisions();

            int ingestMax = 0;
            int qualifyBaseMax = 0;
            int workerBaseMax = 0;
            TrackQualification track = c.trackQualification();
            int runnerMax = 0;
            int totalScans = 0;
            int totalUnbounded = 0;
            List<String> planned = new ArrayList<>();
            System.out.println("  per request (operation counts):");
            for (Path mail : mails) {
                String name = mail.getFileName().toString();
                String messageId = "bench-" + name.replace(".eml", "");
                String key = c.config().rawMailPrefix() + messageId;
                c.blobs().put(key, Files.readAllBytes(mail), "message/rfc822");
                counter.reset();
                ReceiveEmail.Result received = ingest.handle(new ReceiveEmail.Command(key, messageId, List.of(),
                        ReceiveEmail.Verdicts.UNKNOWN, Instant.now()));
                int n = counter.total();
                ingestMax = Math.max(ingestMax, n);
                System.out.printf("    ingest  %-44s %2d %s%n", name, n, counter.detail());

                List<DemoData.Decision> decided = decisions.get(name);
                if (decided == null || decided.isEmpty() || received.customerId() == null) {
                    continue;
                }
                List<QualificationGroup> groups = new ArrayList<>();
                int items = 0;
                for (DemoData.Decision d : decided) {
                    groups.add(new QualificationGroup(d.items(), d.status(), d.comment(), null, d.promisedDate(),
                            null, FollowUpOverride.NONE));
                    items += d.items().size();
                }
                QualifyResponse.Command command = new QualifyResponse.Command(received.responseId(),
                        "bench-" + received.responseId(), groups, null, "U0COLLECT1", false);
                // as the worker runs a Qualify work item: holds snapshot, QualifyResponse, TrackQualification.after
                counter.reset();
                TrackQualification.Snapshot before = track.snapshot(command);
                int snapshotCalls = counter.total();
                String snapshotDetail = counter.detail();
                counter.reset();
                QualifyResponse.Result q = qualify.handle(command);
                n = counter.total();
                String handleDetail = counter.detail();
                counter.reset();
                track.after(q, before);
                int afterCalls = counter.total();
                String afterDetail = counter.detail();
                qualifyBaseMax = Math.max(qualifyBaseMax, n - 2 * items);
                int worker = snapshotCalls + n + afterCalls;
                workerBaseMax = Math.max(workerBaseMax, worker - 2 * items);
                System.out.printf("    qualify %-44s %2d for %d item(s) (%s) %s%n", name, n, items, q.status(),
                        handleDetail);
                System.out.printf("      + worker's holds/promises  %2d = %d in all (snapshot %s, after %s)%n",
                        snapshotCalls + afterCalls, worker, snapshotDetail, afterDetail);
                q.followUps().stream().map(FollowUp::id).forEach(planned::add);
            }
            for (String id : planned) {
                counter.reset();
                RunFollowUp.Result r = runner.handle(new RunFollowUp.Command(id));
                int n = counter.total();
                runnerMax = Math.max(runnerMax, n);
                System.out.printf("    runner  %-44s %2d (%s) %s — %s%n", id, n, r.status(), counter.detail(),
                        r.detail());
            }
            totalScans = counter.scans.get();
            totalUnbounded = counter.unboundedQueries.get();
            System.out.printf("  %d mails, %d follow-ups run; Scans %d, Queries of an index without Limit %d; "
                    + "every Query without Limit:%n", mails.size(), planned.size(), totalScans, totalUnbounded);
            new TreeMap<>(counter.unboundedShapes).forEach((shape, n) -> System.out.printf("    %3d × %s%n", n,
                    shape));
            results.add(new BenchResult("dynamodb-calls-ingest-max", ingestMax, "calls", 6, true));
            results.add(new BenchResult("dynamodb-calls-qualify-max-minus-2-per-item", qualifyBaseMax, "calls", 4,
                    true));
            results.add(new BenchResult("dynamodb-calls-qualify-worker-max-minus-2-per-item", workerBaseMax,
                    "calls", 4, true));
            results.add(new BenchResult("dynamodb-calls-runner-max", runnerMax, "calls", 6, true));
            results.add(new BenchResult("dynamodb-scans-and-unbounded-queries", totalScans + totalUnbounded,
                    "calls", 0, true));
        }
        return results;
    }
}
