package io.arfollowup.bench;

import io.arfollowup.local.FunctionJars;
import io.arfollowup.local.LocalEnvironment;
import io.arfollowup.testing.stubs.LambdaInvokeStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Issue 9 / DESIGN §11, per function: the shaded jar's size (≤ 20 MB, Bolt only in the Slack function) and its cold
 * start — a new JVM on the jar alone ({@link io.arfollowup.adapters.lambda.LambdaProbe}) builds the handler from its
 * environment and handles one real event on the local engines ({@link FunctionJars}), wall time from process start
 * to the handled event, median of {@code bench.coldRuns} (3) — next to a bare JVM start of the same class path
 * measured in the same run. Three ways: JVM defaults; AppCDS (archive dumped by a training run of the same jar) + C1
 * + Serial GC; and after the SnapStart priming hooks (the probe's {@code --snapstart} mode: init and priming, then
 * the event — the event's own time is what a SnapStart restore still pays; this is the same JVM, not a real
 * checkpoint and restore). The bare JVM start runs {@code LambdaProbe --bare} on the same jar with the JVM defaults;
 * the ratios are cold (production flags, and JVM defaults) over it. The Slack function's event is the signed
 * block_actions of DESIGN §11's 600 ms budget ({@code slack-ack} measures it too, with its warm p99).
 */
public final class ColdStartBenchmark implements Benchmark {

    static final int RUNS = Integer.getInteger("bench.coldRuns", 3);
    /**
     * Cold start with the production flags (AppCDS + C1 + Serial), new JVM → event handled. DESIGN §11 sets one
     * budget, the Slack function's ack (600 ms on a 2-core box); the others are issue 9's targets (docs/benchmarks.md):
     * 1 s for the customer's web page, 1.5 s for functions nobody waits on (mail, workers, schedules, imports).
     */
    static final Map<String, Integer> COLD_BUDGET_MS = Map.of("inbound-email", 1500, "slack", 600,
            "slack-worker", 1500, "follow-up-runner", 1500, "web-form", 1000, "scenario-runner", 1500,
            "imports", 1500, "mail-feedback", 1500);
    /** Issue 9's target for the event handled after init and the SnapStart priming hooks, in the same JVM. */
    static final int PRIMED_EVENT_BUDGET_MS = 300;

    @Override
    public String name() {
        return "cold-start";
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        Path root = context.root();
        Path work = root.resolve("infra/bench/target/cold-start");
        Files.createDirectories(work);
        List<BenchResult> results = new ArrayList<>();

        // ---- jar sizes, and Bolt only in the Slack function
        int boltElsewhere = 0;
        System.out.println("  shaded jars (budget 20 MB = 20 000 000 bytes):");
        for (FunctionJars.Function f : FunctionJars.ALL) {
            Path jar = f.jar(root);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("build the Lambda jars first (make build): " + jar);
            }
            long bytes = Files.size(jar);
            boolean bolt;
            int entries;
            try (ZipFile z = new ZipFile(jar.toFile())) {
                bolt = z.getEntry("com/slack/api/bolt/App.class") != null;
                entries = z.size();
            }
            if (bolt && !f.name().equals("slack")) {
                boltElsewhere++;
            }
            System.out.printf(Locale.ROOT, "    %-18s %,11d bytes = %6.2f MB = %6.2f MiB, %,6d entries%s%n", f.name(),
                    bytes, bytes / 1e6, bytes / 1048576.0, entries, bolt ? ", Bolt" : "");
            results.add(new BenchResult("jar-size-" + f.name(), Math.round(bytes / 1e3) / 1e3, "MB", 20, true));
        }
        results.add(new BenchResult("bolt-outside-the-slack-function", boltElsewhere, "jars", 0, true));

        // ---- cold starts
        System.out.printf(Locale.ROOT, "  cold starts, median of %d; load average: %s%n", RUNS,
                SlackAckBenchmark.loadAverage());
        try (LocalEnvironment env = new LocalEnvironment(null, Clock.systemUTC());
             LambdaInvokeStub lambda = new LambdaInvokeStub()) {
            FunctionJars jars = new FunctionJars(env, lambda, work.resolve("events"));
            for (FunctionJars.Function f : FunctionJars.ALL) {
                Path cds = work.resolve(f.name() + ".jsa");
                Files.deleteIfExists(cds);
                List<String> tuned = List.of("-XX:SharedArchiveFile=" + cds, "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-Xshare:auto");
                check(f, jars.run(f, root, jars.prepare(f), List.of("-XX:ArchiveClassesAtExit=" + cds,
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), false)); // training run: the archive
                long[] bare = new long[RUNS];
                long[] cold = new long[RUNS];
                long[] coldTuned = new long[RUNS];
                long[] restored = new long[RUNS];
                long[] init = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    bare[i] = check(f, jars.run(f, root, null, List.of(), false)).wallMillis();
                    FunctionJars.Run d = check(f, jars.run(f, root, jars.prepare(f), List.of(), false));
                    cold[i] = d.wallMillis();
                    init[i] = d.initMillis();
                    coldTuned[i] = check(f, jars.run(f, root, jars.prepare(f), tuned, false)).wallMillis();
                    restored[i] = check(f, jars.run(f, root, jars.prepare(f), tuned, true)).handleMillis();
                }
                long bareMs = SlackAckBenchmark.median(bare);
                long coldMs = SlackAckBenchmark.median(cold);
                long tunedMs = SlackAckBenchmark.median(coldTuned);
                long restoredMs = SlackAckBenchmark.median(restored);
                System.out.printf(Locale.ROOT, "    %-18s bare %s → %d ms | defaults %s → %d ms (init %d) | "
                                + "AppCDS+C1+Serial %s → %d ms | event after priming %s → %d ms%n", f.name(),
                        Arrays.toString(bare), bareMs, Arrays.toString(cold), coldMs,
                        SlackAckBenchmark.median(init), Arrays.toString(coldTuned), tunedMs,
                        Arrays.toString(restored), restoredMs);
                results.add(new BenchResult("cold-start-" + f.name(), tunedMs, "ms", COLD_BUDGET_MS.get(f.name()),
                        true));
                results.add(BenchResult.info("cold-start-" + f.name() + "-bare-jvm", bareMs, "ms"));
                results.add(BenchResult.info("cold-start-" + f.name() + "-ratio-to-bare-jvm",
                        Math.round(1000.0 * tunedMs / Math.max(1, bareMs)) / 1000.0, "x"));
                results.add(BenchResult.info("cold-start-" + f.name() + "-jvm-defaults", coldMs, "ms"));
                results.add(BenchResult.info("cold-start-" + f.name() + "-jvm-defaults-ratio-to-bare-jvm",
                        Math.round(1000.0 * coldMs / Math.max(1, bareMs)) / 1000.0, "x"));
                results.add(new BenchResult("first-event-after-priming-" + f.name(), restoredMs, "ms",
                        PRIMED_EVENT_BUDGET_MS, true));
            }
        }
        return results;
    }

    private static FunctionJars.Run check(FunctionJars.Function f, FunctionJars.Run r) {
        if (!r.ok()) {
            throw new IllegalStateException(f.name() + ": the probe did not handle its event\n" + r.log());
        }
        return r;
    }
}
