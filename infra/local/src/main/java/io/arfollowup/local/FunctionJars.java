package io.arfollowup.local;

import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.adapters.lambda.LambdaProbe;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.usecase.Work;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.stubs.LambdaInvokeStub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every function's shaded Lambda jar as Lambda runs it: one new JVM whose class path is the jar alone
 * ({@link LambdaProbe}: no-arg handler from the environment, one event), against the local engines of a
 * {@link LocalEnvironment}. For each function, {@link #prepare} seeds what a real event needs (a stored mail, a
 * response, a planned follow-up, a customer's link, a CSV) and writes that event. Used by {@code ShadedJarsIT} (the
 * smoke test of each jar: it catches classes missing from a jar) and by the cold-start benchmark.
 */
public final class FunctionJars {

    /** A function: its name (module and jar), handler class, and what a handled event's output contains. */
    public record Function(String name, String handler, String expected) {
        public Path jar(Path root) {
            return root.resolve("functions/" + name + "/target/lambda/" + name + ".jar");
        }
    }

    public static final List<Function> ALL = List.of(
            new Function("inbound-email", "io.arfollowup.functions.inbound.InboundEmailHandler", "{\"ok\":true}"),
            new Function("slack", "io.arfollowup.functions.slack.SlackHandler", "\"statusCode\":200"),
            new Function("slack-worker", "io.arfollowup.functions.worker.SlackWorkerHandler", "DONE"),
            new Function("follow-up-runner", "io.arfollowup.functions.runner.FollowUpRunnerHandler",
                    "\"status\":\"DONE\""),
            new Function("web-form", "io.arfollowup.functions.webform.WebFormHandler", "\"statusCode\":200"),
            new Function("scenario-runner", "io.arfollowup.functions.scenario.ScenarioRunnerHandler", "\"day\""),
            new Function("imports", "io.arfollowup.functions.imports.ImportsHandler", "\"rows\":1"),
            new Function("mail-feedback", "io.arfollowup.functions.feedback.MailFeedbackHandler",
                    "\"kind\":\"PERMANENT_BOUNCE\""));

    /** One probe run: wall time from process start to the printed result, the probe's own timings, output. */
    public record Run(long wallMillis, boolean ok, long initMillis, long primeMillis, long handleMillis,
                      String output, String log) {
    }

    private final LocalEnvironment env;
    private final LambdaInvokeStub lambda;
    private final Path dir;
    private final AtomicInteger seq = new AtomicInteger();

    public FunctionJars(LocalEnvironment env, LambdaInvokeStub lambda, Path dir) {
        this.env = env;
        this.lambda = lambda;
        this.dir = dir;
    }

    public static Function named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The Lambda's environment: the local one, the worker hand-off on the invoke stand-in, Lambda's own names. */
    public Map<String, String> environment(Function f) {
        Map<String, String> e = new LinkedHashMap<>(env.env());
        e.put("LAMBDA_ENDPOINT", lambda.endpoint().toString());
        e.put("AWS_LAMBDA_FUNCTION_NAME", "ar-followup-" + f.name());
        e.put("LOG_LEVEL", "INFO");
        if (f.name().equals("web-form")) {
            // as in template.yaml: the web function cannot name the runner (dependency cycle), so it has no
            // scheduler and its jar no scheduler module (docs/decisions/customer-page-links.md)
            e.remove("RUNNER_TARGET_ARN");
            e.remove("SCHEDULER_ENDPOINT");
            e.remove("SCHEDULER_ROLE_ARN");
        }
        return e;
    }

    /** Seeds the data the function's event needs and writes the event; each call a new one (no duplicates). */
    public Path prepare(Function f) throws Exception {
        int n = seq.incrementAndGet();
        Components c = env.components();
        String event = switch (f.name()) {
            case "inbound-email" -> {
                String key = "raw/probe/" + n + "-" + System.nanoTime() + ".eml";
                Path eml = Path.of(System.getProperty("arfollowup.root.dir", "."))
                        .resolve("events/emails/01_gmail_fr_promise.eml");
                c.blobs().put(key, eml, "message/rfc822");
                yield "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventTime\":\"" + Instant.now() + "\",\"s3\":"
                        + "{\"bucket\":{\"name\":\"" + LocalEnvironment.BUCKET + "\"},\"object\":{\"key\":\""
                        + URLEncoder.encode(key, StandardCharsets.UTF_8) + "\"}}}]}";
            }
            case "slack" -> signedValidate(seedResponse(c, "probe-slack-" + n));
            case "slack-worker" -> WorkCodec.encode(new Work.Validate(seedResponse(c, "probe-worker-" + n),
                    "U0PROBE"));
            case "follow-up-runner" -> "{\"followUpId\":\"" + seedFollowUp(c, n) + "\"}";
            case "web-form" -> webGet(c, seedCustomer(c, "probe-web-" + n));
            case "scenario-runner" -> "{\"day\":\"" + LocalDate.now() + "\"}";
            case "imports" -> {
                String key = "imports/customers-probe-" + n + "-" + System.nanoTime() + ".csv";
                c.blobs().put(key, ("id,name,language,country,time_zone,collector,sales_rep\r\nprobe-imp-" + n
                        + ",Probe Import " + n + ",fr,FR,Europe/Paris,U0COLLECT1,\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv");
                yield "{\"Records\":[{\"eventSource\":\"aws:s3\",\"s3\":{\"bucket\":{\"name\":\""
                        + LocalEnvironment.BUCKET + "\"},\"object\":{\"key\":\"" + key + "\"}}}]}";
            }
            // the SNS-delivered bounce of events/ (its recipient is no seeded contact: nothing to mark, still handled)
            case "mail-feedback" -> Files.readString(Path.of(System.getProperty("arfollowup.root.dir", "."))
                    .resolve("events/ses-bounce-sns-event.json"));
            default -> throw new IllegalArgumentException(f.name());
        };
        Files.createDirectories(dir);
        Path file = dir.resolve(f.name() + "-" + n + ".json");
        Files.writeString(file, event);
        return file;
    }

    /** Runs the jar alone in a new JVM on {@code event} (null: a bare JVM start of the same class path). */
    public Run run(Function f, Path root, Path event, List<String> jvmFlags, boolean snapstart) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(f.jar(root).toString());
        cmd.add(LambdaProbe.class.getName());
        if (event == null) {
            cmd.add("--bare");
        } else {
            cmd.add(f.handler());
            cmd.add(event.toString());
            if (snapstart) {
                cmd.add("--snapstart");
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment(f));
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        String probe = null;
        String output = "";
        long wall = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("PROBE ")) {
                    wall = (System.nanoTime() - t0) / 1_000_000;
                    probe = line;
                } else if (line.startsWith("OUTPUT ")) {
                    output = line.substring(7);
                } else {
                    log.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        boolean ok = probe != null && (probe.startsWith("PROBE ok") || probe.equals("PROBE bare"));
        return new Run(wall, ok, timing(probe, "init="), timing(probe, "prime="), timing(probe, "handle="), output,
                (probe == null ? "" : probe + "\n") + log);
    }

    private static long timing(String probe, String key) {
        if (probe == null || !probe.contains(key)) {
            return -1;
        }
        String rest = probe.substring(probe.indexOf(key) + key.length());
        int end = rest.indexOf(' ');
        return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
    }

    // ---------------------------------------------------------------- seeds

    static String seedCustomer(Components c, String id) {
        c.customers().put(TestData.aCustomer().id(id).build());
        return id;
    }

    static String seedResponse(Components c, String id) {
        String customer = seedCustomer(c, id + "-c");
        c.responses().create(new Response("em-" + id, ResponseChannel.EMAIL, customer, "probe@client.example", null,
                Instant.now(), "Re: relance", "Le virement partira le 14.", "fr", "raw/" + id, null, List.of(),
                List.of(), List.of(), null, null, null, ResponseState.NEW, null, null));
        return "em-" + id;
    }

    static String seedFollowUp(Components c, int n) {
        String customer = seedCustomer(c, "probe-fu-" + n);
        c.items().put(TestData.anInvoice(customer, "FA-PROBE-" + n).build());
        String id = "fu-probe-" + n + "-" + System.nanoTime();
        c.followUps().create(new FollowUp(id, customer, null, List.of("FA-PROBE-" + n), "PAYMENT_PROMISE",
                "payment-promise-check", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION,
                Instant.now().minus(1, ChronoUnit.MINUTES), null, FollowUpState.PLANNED, id, "U0COLLECT1", null,
                null, null));
        return id;
    }

    static String webGet(Components c, String customerId) {
        URI url = URI.create(c.customerLinks().url(customerId));
        JsonObject e = new JsonObject();
        e.addProperty("version", "2.0");
        e.addProperty("rawPath", url.getRawPath());
        e.addProperty("rawQueryString", "");
        JsonObject headers = new JsonObject();
        headers.addProperty("host", url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""));
        headers.addProperty("accept-language", "fr-FR,fr;q=0.9");
        e.add("headers", headers);
        JsonObject http = new JsonObject();
        http.addProperty("method", "GET");
        http.addProperty("path", url.getRawPath());
        http.addProperty("sourceIp", "127.0.0.1");
        JsonObject rc = new JsonObject();
        rc.add("http", http);
        e.add("requestContext", rc);
        e.addProperty("isBase64Encoded", false);
        return e.toString();
    }

    /** An HTTP API v2 event carrying a signed Validate click on {@code responseId}. */
    static String signedValidate(String responseId) {
        return signedSlackEvent(LocalEnvironment.SIGNING_SECRET, validateClick("U0COLLECT1", "T0LOCAL",
                "C0COLLECT", responseId, Long.toString(System.nanoTime())));
    }

    /** The form body of a Validate click on the card of {@code responseId}, as Slack posts it. */
    public static byte[] validateClick(String user, String team, String channel, String responseId, String nonce) {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\",\"username\":\"probe\","
                + "\"team_id\":\"" + team + "\"},\"api_app_id\":\"A0LOCAL\",\"token\":\"x\",\"container\":{\"type\":"
                + "\"message\",\"message_ts\":\"1.1\",\"channel_id\":\"" + channel + "\"},\"trigger_id\":\"1.2."
                + nonce + "\",\"team\":{\"id\":\"" + team + "\",\"domain\":\"local\"},\"channel\":{\"id\":"
                + "\"" + channel + "\",\"name\":\"collections\"},\"response_url\":\"http://127.0.0.1:9/response/x\","
                + "\"actions\":[{\"action_id\":\"" + io.arfollowup.adapters.slack.SlackIds.VALIDATE
                + "\",\"block_id\":\"response_actions\",\"value\":\"" + responseId + "\",\"type\":\"button\","
                + "\"action_ts\":\"1.3\"}]}";
        return ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** An HTTP API v2 event to /slack/events carrying {@code body}, signed now with {@code secret} (v0 HMAC). */
    public static String signedSlackEvent(String secret, byte[] body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        JsonObject e = new JsonObject();
        e.addProperty("version", "2.0");
        e.addProperty("rawPath", "/slack/events");
        e.addProperty("rawQueryString", "");
        JsonObject headers = new JsonObject();
        headers.addProperty("content-type", "application/x-www-form-urlencoded");
        headers.addProperty("x-slack-request-timestamp", ts);
        headers.addProperty("x-slack-signature", io.arfollowup.functions.slack.SlackSignatureVerifier.sign(
                secret, ts, body));
        e.add("headers", headers);
        JsonObject http = new JsonObject();
        http.addProperty("method", "POST");
        http.addProperty("path", "/slack/events");
        http.addProperty("sourceIp", "127.0.0.1");
        JsonObject rc = new JsonObject();
        rc.add("http", http);
        e.add("requestContext", rc);
        e.addProperty("body", Base64.getEncoder().encodeToString(body));
        e.addProperty("isBase64Encoded", true);
        return e.toString();
    }
}
