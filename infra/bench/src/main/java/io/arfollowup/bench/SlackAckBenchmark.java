package io.arfollowup.bench;

import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.dynamodb.SingleTable;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.functions.slack.SlackHandler;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.EngineLauncher;
import io.arfollowup.testing.engines.RunningEngine;
import io.arfollowup.testing.stubs.LambdaInvokeStub;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DESIGN §11, the Slack function's ack. <b>Cold</b>: a new JVM on the shaded Lambda jar builds the handler from its
 * environment (Bolt's auth.test included) and acks one signed block_actions (Validate: one GetItem on dynalite and
 * the async Invoke of the worker on a loopback stand-in); wall time from process start to the printed ack, median
 * of 5, next to a bare JVM start of the same class path measured in the same run. Flags: the JVM defaults, then
 * the production ones (AppCDS archive dumped by a training run, C1 only, Serial GC). <b>Warm</b>: p50 / p99 of 1000
 * signed block_actions through the same handler in one JVM, after 300 warm-up requests.
 */
public final class SlackAckBenchmark implements Benchmark {

    static final String SECRET = "bench-signing-secret";
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int WARM = 300;
    static final int MEASURED = 1000;

    @Override
    public String name() {
        return "slack-ack";
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        Path jar = context.root().resolve("functions/slack/target/lambda/slack.jar");
        Path work0 = context.root().resolve("infra/bench/target/slack-ack");
        Files.createDirectories(work0);
        Path probeClasses = probeJar(work0); // AppCDS accepts jars only on the class path
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the Lambda jar first (make build): " + jar);
        }
        Path work = context.root().resolve("infra/bench/target/slack-ack");
        Files.createDirectories(work);
        List<BenchResult> results = new ArrayList<>();
        EngineLauncher launcher = EngineLauncher.forThisCheckout();
        try (RunningEngine dynalite = launcher.start(Engine.DYNALITE);
             SlackApiStub slack = new SlackApiStub();
             LambdaInvokeStub lambda = new LambdaInvokeStub()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_REGION", "eu-west-3");
            env.put("TABLE_NAME", "bench");
            env.put("MAIL_BUCKET", "bench-mail");
            env.put("INBOUND_DOMAINS", "inbound.example.com");
            env.put("SENDER_ADDRESS", "relances@example.com");
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_BOT_TOKEN", "xoxb-bench");
            env.put("SLACK_API_URL", slack.endpoint() + "/api/");
            env.put("WORKER_FUNCTION", "ar-followup-slack-worker");
            env.put("DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
            env.put("LAMBDA_ENDPOINT", lambda.endpoint().toString());
            env.put("LOG_LEVEL", "WARN");
            env.put("PROBE_TIMES", "1");
            Components c = new Components(AppConfig.from(env), Clock.systemUTC());
            SingleTable.createIfMissing(c.dynamo(), "bench");
            var customer = TestData.aCustomer().id("bench-customer").build();
            c.customers().put(customer);
            Response r = new Response("em-bench", ResponseChannel.EMAIL, customer.id(), "a@b.example", null,
                    Instant.now(), "Re", "Le virement partira le 14.", "fr", "raw/em-bench", null, List.of(), List.of(),
                    List.of(), null, null, null, ResponseState.NEW, null, null);
            c.responses().create(r);

            // ---- cold ----
            Path cds = work.resolve("slack-app.jsa");
            Files.deleteIfExists(cds);
            String cp = jar + java.io.File.pathSeparator + probeClasses;
            List<String> tuned = List.of("-XX:SharedArchiveFile=" + cds, "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC");
            child(env, cp, List.of("-XX:ArchiveClassesAtExit=" + cds, "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC"), event(work, "train")); // the training run dumps the archive
            child(env, cp, List.of(), event(work, "warm-os-cache"));
            long[] bare = new long[RUNS];
            long[] defaults = new long[RUNS];
            long[] bareTuned = new long[RUNS];
            long[] cold = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                bare[i] = child(env, cp, List.of(), null);
                defaults[i] = child(env, cp, List.of(), event(work, "d" + i));
                bareTuned[i] = child(env, cp, tuned, null);
                cold[i] = child(env, cp, tuned, event(work, "c" + i));
            }
            long bareMs = median(bare);
            long coldMs = median(cold);
            System.out.printf(Locale.ROOT, "  shaded jar %s: %.1f MB; load average during the run: %s%n",
                    jar.getFileName(), Files.size(jar) / 1e6, loadAverage());
            System.out.printf(Locale.ROOT, "  bare JVM start (defaults)         %s → median %d ms%n",
                    Arrays.toString(bare), bareMs);
            System.out.printf(Locale.ROOT, "  cold ack, JVM defaults            %s → median %d ms%n",
                    Arrays.toString(defaults), median(defaults));
            System.out.printf(Locale.ROOT, "  bare JVM start (AppCDS+C1+Serial) %s → median %d ms%n",
                    Arrays.toString(bareTuned), median(bareTuned));
            System.out.printf(Locale.ROOT, "  cold ack, AppCDS+C1+Serial        %s → median %d ms%n",
                    Arrays.toString(cold), coldMs);
            System.out.printf(Locale.ROOT, "  worker invocations received: %d (all InvocationType=Event: %s)%n",
                    lambda.invocations().size(), lambda.invocations().stream()
                            .allMatch(x -> "Event".equals(x.invocationType())));
            results.add(new BenchResult("slack-cold-ack", coldMs, "ms", 600, true));
            results.add(new BenchResult("slack-cold-ack-ratio-to-bare-jvm", (double) coldMs / bareMs, "x", 12, true));
            results.add(new BenchResult("slack-cold-ack-jvm-defaults", median(defaults), "ms", 1100, true));
            results.add(new BenchResult("slack-jar-size", Math.round(Files.size(jar) / 1e5) / 10.0, "MB", 20, true));

            // ---- warm ----
            SlackHandler handler = new SlackHandler(SlackHandler.build(c, c.lambdaDispatcher()));
            long[] lat = new long[MEASURED];
            for (int i = 0; i < WARM + MEASURED; i++) {
                byte[] event = eventJson("w" + i).getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long t0 = System.nanoTime();
                handler.handleRequest(new ByteArrayInputStream(event), out, null);
                long t = System.nanoTime() - t0;
                if (!out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
                    throw new IllegalStateException("not acked: " + out);
                }
                if (i >= WARM) {
                    lat[i - WARM] = t;
                }
            }
            Arrays.sort(lat);
            double p50 = lat[MEASURED / 2] / 1e6;
            double p99 = lat[(int) (MEASURED * 0.99) - 1] / 1e6;
            System.out.printf(Locale.ROOT, "  warm ack over %d signed block_actions: p50 %.2f ms, p99 %.2f ms, "
                    + "max %.2f ms%n", MEASURED, p50, p99, lat[MEASURED - 1] / 1e6);
            results.add(new BenchResult("slack-warm-ack-p50", p50, "ms", 30, true));
            results.add(new BenchResult("slack-warm-ack-p99", p99, "ms", 30, true));
        }
        return results;
    }

    /** Starts a JVM; returns the milliseconds from process start to its "ACK" line. */
    static long child(Map<String, String> env, String cp, List<String> flags, Path event) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(ColdStartProbe.class.getName());
        cmd.add(event == null ? "--bare" : event.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String ack = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("TIMES ")) {
                    System.out.println("    " + String.join(" ", flags) + " " + line);
                }
                if (line.startsWith("ACK ")) {
                    ack = line;
                    break;
                }
                all.append(line).append('\n');
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        p.waitFor();
        if (ack == null || (event != null && !ack.equals("ACK 200"))) {
            throw new IllegalStateException("probe did not ack: " + ack + "\n" + all);
        }
        return ms;
    }

    static Path event(Path dir, String name) throws Exception {
        Path f = dir.resolve("event-" + name + ".json");
        Files.writeString(f, eventJson(name));
        return f;
    }

    /** An HTTP API v2 event carrying a Validate click on em-bench, signed now. */
    static String eventJson(String nonce) {
        return io.arfollowup.local.FunctionJars.signedSlackEvent(SECRET,
                io.arfollowup.local.FunctionJars.validateClick("U0BENCH", "T0BENCH", "C0BENCH", "em-bench", nonce));
    }

    /** The box's load (other builds share its 2 cores): read next to the figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** ColdStartProbe alone in a jar. */
    static Path probeJar(Path dir) throws Exception {
        Path jar = dir.resolve("probe.jar");
        String entry = ColdStartProbe.class.getName().replace('.', '/') + ".class";
        try (var in = ColdStartProbe.class.getClassLoader().getResourceAsStream(entry);
             var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
