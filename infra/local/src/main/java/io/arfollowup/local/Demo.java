package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.token.Ids;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code make demo}: the main job end to end on the local engines. (a) every .eml of a folder goes into the local
 * S3 and through the inbound handler with the receipt event SES would send; (b) the stored responses are printed;
 * (c) each human reply is qualified as a collector would, by signed Slack interactions posted over HTTP to the Slack
 * handler (open the modal, submit it); (d) the scheduler's clock moves past the due dates; (e) the follow-ups run
 * and what they did is printed: e-mails held by the local SES, cards posted to Slack, the items' new state.
 */
public final class Demo {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What happened to one e-mail. */
    public record EmailRun(String file, String responseId, Response response, Qualification qualification,
                           List<FollowUp> followUps, int slackStatus) {
    }

    /** The whole run, for the console and for the end-to-end test. */
    public record Report(List<EmailRun> emails, List<LocalScheduler.Fired> fired, JsonNode sesStore) {
    }

    private final LocalRuntime runtime;
    private final Components c;
    private final LocalSlackClient slack;
    private final DemoData data;
    private final PrintStream out;
    private final Path demoDataDir;
    private final ZoneId zone = ZoneId.of("Europe/Paris");
    private ScenarioDemo.Report scenario;

    public Demo(LocalRuntime runtime, Path demoDataDir, PrintStream out) {
        this.runtime = runtime;
        this.c = runtime.environment().components();
        this.slack = new LocalSlackClient(runtime.slackRequestUrl(), runtime.environment().slack().endpoint(),
                LocalEnvironment.SIGNING_SECRET, Clock.systemUTC());
        this.data = new DemoData(demoDataDir, LocalDate.now(zone));
        this.demoDataDir = demoDataDir;
        this.out = out;
    }

    private FollowUpModesDemo.Report followUpModes;

    /** What step (g) showed (issue 6), once {@link #run} is done. */
    public FollowUpModesDemo.Report followUpModes() {
        return followUpModes;
    }

    /** Loads the demo's customers, items and tokens (what {@link #run} does first); for tests of one step. */
    String loadData() {
        return data.load(c);
    }

    public LocalSlackClient slackClient() {
        return slack;
    }

    /** What the scenario part of the run did (after step e). */
    public ScenarioDemo.Report scenario() {
        return scenario;
    }

    public Report run(Path emailsDir) {
        out.println("data: " + data.load(c) + " (events/demo)");
        List<Path> files = emails(emailsDir);

        out.println();
        out.println("(a) inbound: " + files.size() + " e-mails from " + emailsDir + " → S3 → SES receipt event → inbound-email");
        List<EmailRun> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(ingest(f));
        }

        out.println();
        out.println("(b) stored responses");
        for (EmailRun r : runs) {
            printResponse(r);
        }

        out.println();
        out.println("(c) qualification in Slack: signed interactions to " + runtime.slackRequestUrl());
        Map<String, List<DemoData.Decision>> decisions = data.decisions();
        List<EmailRun> qualified = new ArrayList<>();
        for (EmailRun r : runs) {
            qualified.add(qualify(r, decisions.get(r.file())));
        }

        Instant last = qualified.stream().flatMap(r -> r.followUps().stream()).map(FollowUp::due)
                .max(Instant::compareTo).orElse(Instant.now());
        Instant target = last.plus(Duration.ofMinutes(1));
        out.println();
        List<LocalScheduler.Fired> fired = runtime.environment().scheduler().advanceTo(target);
        out.println("(d) scheduler clock → " + WHEN.format(target.atZone(zone)) + " " + zone + ": " + fired.size()
                + " schedule(s) fired the follow-up runner");

        out.println();
        out.println("(e) follow-ups executed");
        List<EmailRun> finalRuns = new ArrayList<>();
        for (EmailRun r : qualified) {
            List<FollowUp> now = r.followUps().stream().map(f -> c.followUps().get(f.id()).orElse(f)).toList();
            finalRuns.add(new EmailRun(r.file(), r.responseId(), r.response(), r.qualification(), now, r.slackStatus()));
            for (FollowUp f : now) {
                out.printf("  %-44s %-22s %-24s %-22s %s%n", r.file(), f.statusCode(), f.templateId(), f.state(),
                        f.result() == null ? "" : f.result());
            }
        }
        JsonNode store = sesStore();
        out.println();
        out.println("  e-mails held by aws-ses-v2-local (" + runtime.environment().ses().endpoint() + "/store):");
        for (JsonNode e : store.path("emails")) {
            out.printf("    to %-40s %s%n", String.join(", ", texts(e.path("destination").path("to"))),
                    e.path("subject").asText());
        }
        out.println();
        out.println("  Slack messages posted (cards, confirmations, tasks): " + runtime.environment().slack().messages().size());
        out.println();
        printItems(finalRuns);
        new WebFormDemo(runtime, out).run();
        followUpModes = new FollowUpModesDemo(runtime, slack, out, io.arfollowup.testing.engines.EngineLauncher
                .repositoryRoot().resolve(".local/letters")).run();
        new SlackDemo(runtime, out).run(finalRuns);
        scenario = new ScenarioDemo(runtime, this, data, out).run(); // issue 7: imports, scenario day, promises
        new LearningDemo(this, c, demoDataDir.resolveSibling("emails-learning"), out).run();
        return new Report(finalRuns, fired, store);
    }

    private List<Path> emails(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    EmailRun ingest(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            String messageId = "demo-" + Ids.derived("", file.getFileName().toString()).substring(0, 20);
            String key = c.config().rawMailPrefix() + messageId;
            c.blobs().put(key, raw, "message/rfc822");
            String event = sesEvent(messageId, key, envelope(raw));
            runtime.invokeInbound(event);
            String responseId = Ids.responseIdForMail(messageId);
            Response response = c.responses().get(responseId).orElse(null);
            return new EmailRun(file.getFileName().toString(), responseId, response, null, List.of(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope recipients SES would report: the addresses at our inbound domain in the headers. */
    private List<String> envelope(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 16_384), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n") >= 0 ? head.indexOf("\r\n\r\n") : head.indexOf("\n\n");
        String headers = end > 0 ? head.substring(0, end) : head;
        Set<String> recipients = new LinkedHashSet<>();
        for (String line : headers.replaceAll("\r?\n[ \t]+", " ").split("\r?\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            if (Set.of("to", "cc", "delivered-to", "x-original-to").contains(name)) {
                Matcher m = ADDRESS.matcher(line.substring(line.indexOf(':') + 1));
                while (m.find()) {
                    for (String d : c.config().inboundDomains()) {
                        if (m.group().toLowerCase(Locale.ROOT).endsWith("@" + d)) {
                            recipients.add(m.group());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(recipients);
    }

    private String sesEvent(String messageId, String key, List<String> recipients) throws IOException {
        ObjectNode root = LocalJson.MAPPER.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventSource", "aws:ses").put("eventVersion", "1.0");
        ObjectNode ses = record.putObject("ses");
        ObjectNode mail = ses.putObject("mail");
        mail.put("timestamp", Instant.now().toString()).put("messageId", messageId).put("source", "demo@example.com");
        ArrayNode dest = mail.putArray("destination");
        recipients.forEach(dest::add);
        ObjectNode receipt = ses.putObject("receipt");
        receipt.put("timestamp", Instant.now().toString());
        ArrayNode rcpt = receipt.putArray("recipients");
        recipients.forEach(rcpt::add);
        for (String v : List.of("spamVerdict", "virusVerdict", "spfVerdict", "dkimVerdict", "dmarcVerdict")) {
            receipt.putObject(v).put("status", "PASS");
        }
        receipt.putObject("action").put("type", "Lambda").put("invocationType", "Event")
                .put("functionArn", "arn:aws:lambda:eu-west-3:000000000000:function:ar-followup-inbound-email");
        return LocalJson.MAPPER.writeValueAsString(root);
    }

    private void printResponse(EmailRun r) {
        Response resp = r.response();
        if (resp == null) {
            out.printf("  %-44s NOT STORED%n", r.file());
            return;
        }
        String customer = resp.customerId() == null ? "(unmatched)"
                : c.customers().get(resp.customerId()).map(Customer::name).orElse(resp.customerId());
        String flags = resp.flags().isEmpty() ? "-" : resp.flags().stream().map(Enum::name).sorted()
                .reduce((a, b) -> a + "," + b).orElse("-");
        out.printf("  %-44s %s  %-30s refs %-28s flags %s%n", r.file(), resp.id(), customer,
                resp.itemRefs().isEmpty() ? "-" : String.join(" ", resp.itemRefs()), flags);
        String text = resp.newText().replaceAll("\\s+", " ").trim();
        out.println("      « " + (text.length() > 150 ? text.substring(0, 150) + "…" : text) + " »");
        if (resp.suggestion() != null && resp.suggestion().main().isPresent()) {
            out.println("      suggestion: " + resp.suggestion().main().get().statusCode() + " ("
                    + Math.round(resp.suggestion().main().get().confidence() * 100) + " %)");
        }
    }

    EmailRun qualify(EmailRun r, List<DemoData.Decision> groups) {
        DemoData.Decision decision = groups == null || groups.isEmpty() ? null : groups.get(0);
        Response resp = r.response();
        if (resp == null || resp.card() == null) {
            return r;
        }
        Customer customer = resp.customerId() == null ? null : c.customers().get(resp.customerId()).orElse(null);
        String collector = customer != null && customer.collector() != null ? customer.collector() : "U0COLLECT1";
        boolean machine = resp.has(ResponseFlag.AUTO_REPLY) || resp.has(ResponseFlag.BOUNCE);
        if (customer == null && !machine) {
            // a collector links it to its customer with the card's picker first (SlackDayIT shows it)
            out.printf("  %-40s unmatched: left on its card for triage (customer picker) → %s%n", r.file(),
                    resp.state());
            return r;
        }
        if (customer == null || machine || decision == null || "OUT_OF_OFFICE".equals(decision.status())
                || "NO_ACTION".equals(decision.status())) {
            int status = slack.clickButton(collector, resp.card().channel(), resp.card().ts(), SlackIds.VALIDATE, resp.id());
            Response after = c.responses().get(resp.id()).orElse(resp);
            out.printf("  %-40s Validate (no qualification%s) → HTTP %d → %s%n", r.file(),
                    machine ? ": machine-generated"
                            : decision == null ? ": no scripted decision" : "", status, after.state());
            return new EmailRun(r.file(), r.responseId(), after, null, List.of(), status);
        }
        int views = runtime.environment().slack().calls("views.open").size();
        int click = slack.clickButton(collector, resp.card().channel(), resp.card().ts(), SlackIds.QUALIFY_OPEN, resp.id());
        List<Map<String, String>> opened = runtime.environment().slack().calls("views.open");
        if (opened.size() == views) {
            out.printf("  %-40s Qualify… → HTTP %d but no modal opened%n", r.file(), click);
            return r;
        }
        JsonNode view = withIds(LocalJson.read(opened.get(opened.size() - 1).get("view")));
        while (groupsIn(view) < groups.size()) {
            // a reply that treats invoices differently: "Add a group" in the modal, as a collector would
            slack.clickInView(collector, view, values(groups.subList(0, groupsIn(view)), collector),
                    "add_group", resp.id());
            JsonNode updated = runtime.environment().slack().view(view.path("id").asText()).orElse(view);
            if (groupsIn(updated) <= groupsIn(view)) {
                break;
            }
            view = updated;
        }
        int submit = slack.submitView(collector, view, values(groups.subList(0, Math.min(groups.size(),
                groupsIn(view))), collector));
        Response after = c.responses().get(resp.id()).orElse(resp);
        Optional<Qualification> q = c.qualifications().latest(resp.id());
        List<FollowUp> followUps = new ArrayList<>();
        q.ifPresent(qq -> {
            for (int g = 0; g < qq.groups().size(); g++) {
                c.followUps().get(Ids.followUpId(resp.id(), qq.version(), g)).ifPresent(followUps::add);
            }
        });
        out.printf("  %-40s Qualify… → HTTP %d/%d → %s%n", r.file(), click, submit, after.state());
        for (int g = 0; g < groups.size(); g++) {
            DemoData.Decision d = groups.get(g);
            int index = g;
            String planned = followUps.stream().filter(f -> f.id().equals(Ids.followUpId(resp.id(),
                    q.map(Qualification::version).orElse(1), index))).findFirst()
                    .map(f -> "follow-up " + f.templateId() + " at " + WHEN.format(f.dueLocal()) + " " + f.zone())
                    .orElse("no follow-up");
            out.printf("  %-40s   group %d: %-22s %-30s %s%n", "", g + 1, d.status(), String.join(" ", d.items()),
                    planned);
        }
        return new EmailRun(r.file(), r.responseId(), after, q.orElse(null), followUps, submit);
    }

    /** The view as Slack holds it after views.open: with an id and a hash. */
    private JsonNode withIds(JsonNode view) {
        ObjectNode v = view.deepCopy();
        if (!v.has("id")) {
            v.put("id", "V" + Ids.random(10).toUpperCase(Locale.ROOT));
        }
        if (!v.has("hash")) {
            v.put("hash", "h" + Ids.random(8));
        }
        return v;
    }

    private static int groupsIn(JsonNode view) {
        int n = 0;
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().startsWith(SlackIds.BLOCK_STATUS)) {
                n++;
            }
        }
        return n;
    }

    /** What a collector fills in the modal, as Slack's view.state.values: one set of fields per group. */
    private ObjectNode values(List<DemoData.Decision> groups, String collector) {
        ObjectNode values = LocalJson.MAPPER.createObjectNode();
        for (int g = 0; g < groups.size(); g++) {
            values(values, g, groups.get(g), collector);
        }
        return values;
    }

    private void values(ObjectNode values, int g, DemoData.Decision d, String collector) {
        ArrayNode selected = values.putObject(SlackIds.BLOCK_ITEMS + g).putObject(SlackIds.ACTION)
                .put("type", "multi_static_select").putArray("selected_options");
        for (String item : d.items()) {
            ObjectNode o = selected.addObject();
            o.putObject("text").put("type", "plain_text").put("text", item);
            o.put("value", item);
        }
        ObjectNode status = values.putObject(SlackIds.BLOCK_STATUS + g).putObject(SlackIds.ACTION)
                .put("type", "static_select").putObject("selected_option");
        status.putObject("text").put("type", "plain_text").put("text", d.status());
        status.put("value", d.status());
        values.putObject(SlackIds.BLOCK_COMMENT + g).putObject(SlackIds.ACTION).put("type", "plain_text_input")
                .put("value", d.comment() == null ? "" : d.comment());
        values.putObject(SlackIds.BLOCK_OWNER + g).putObject(SlackIds.ACTION).put("type", "users_select")
                .put("selected_user", collector);
        ObjectNode promised = values.putObject(SlackIds.BLOCK_PROMISED + g).putObject(SlackIds.ACTION)
                .put("type", "datepicker");
        if (d.promisedDate() != null) {
            promised.put("selected_date", d.promisedDate().toString());
        } else {
            promised.putNull("selected_date");
        }
        values.putObject(SlackIds.BLOCK_FU_DATE + g).putObject(SlackIds.ACTION).put("type", "datepicker")
                .putNull("selected_date");
    }

    private void printItems(List<EmailRun> runs) {
        out.println("  items after the run:");
        out.printf("    %-26s %-16s %-22s %-12s %-12s %s%n", "customer", "item", "status", "owner", "hold until",
                "next follow-up");
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> nextByItem = new LinkedHashMap<>();
        for (EmailRun r : runs) {
            for (FollowUp f : r.followUps()) {
                if (!f.state().isFinal()) {
                    f.itemNumbers().forEach(i -> nextByItem.put(f.customerId() + "/" + i, f.templateId() + " "
                            + WHEN.format(f.dueLocal()) + " (" + f.state() + ")"));
                }
            }
        }
        for (EmailRun r : runs) {
            if (r.qualification() == null || r.response() == null || r.response().customerId() == null) {
                continue;
            }
            String cid = r.response().customerId();
            String name = c.customers().get(cid).map(Customer::name).orElse(cid);
            for (var g : r.qualification().groups()) {
                for (String number : g.itemNumbers()) {
                    if (!seen.add(cid + "/" + number)) {
                        continue;
                    }
                    Item item = c.items().get(cid, number).orElse(null);
                    if (item == null) {
                        continue;
                    }
                    out.printf("    %-26s %-16s %-22s %-12s %-12s %s%n", cut(name, 26), number, item.status(),
                            item.owner() == null ? "-" : item.owner(),
                            item.hold() == null ? "-" : item.hold().until() == null ? "check"
                                    : item.hold().until().atZone(zone).toLocalDate().toString(),
                            nextByItem.getOrDefault(cid + "/" + number, "-"));
                }
            }
        }
    }

    private JsonNode sesStore() {
        URI uri = runtime.environment().ses().endpoint().resolve("/store");
        try {
            HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return LocalJson.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static boolean open(Response r) {
        return r.state() == ResponseState.NEW;
    }
}
