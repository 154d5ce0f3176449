package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.domain.PromiseStats;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.usecase.PromiseCheck;
import io.arfollowup.functions.imports.ImportsHandler;
import io.arfollowup.functions.scenario.ScenarioRunnerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 7's part of {@code make demo}, after step (e), the web form's (f), the follow-up modes' (g) and the collector's day (h): (i) data in: files dropped under imports/ go through the
 * imports handler (the same items file again changes nothing; payments close items, release holds, cancel
 * follow-ups; a bad row is reported; an invoice PDF is matched by its number); (j) a scenario day: the
 * scenario-runner handler sends one reminder per customer, skipping held items, and a second run sends nothing;
 * (k) promises: the ones checked in (d) were broken and their items are back in today's reminders, the scheduler
 * fires their follow-ups; a customer answers today's reminder with a promise, pays, and the promise is kept;
 * (l) the kept rates and one item's audit trail.
 */
public final class ScenarioDemo {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String PREFERRED_REPLY = "bio-confluence";

    /** What this part did, for the console and its IT. */
    public record Report(List<ImportReport> imports, JsonNode firstRun, JsonNode secondRun, List<Promise> broken,
                         List<String> brokenItemsReminded, List<LocalScheduler.Fired> fired, Promise kept,
                         Map<String, PromiseStats> rates, List<ItemEvent> history) {
    }

    private final LocalRuntime runtime;
    private final Demo demo;
    private final DemoData data;
    private final PrintStream out;
    private final Components c;
    private final ZoneId zone = ZoneId.of("Europe/Paris");
    private final ImportsHandler imports;

    public ScenarioDemo(LocalRuntime runtime, Demo demo, DemoData data, PrintStream out) {
        this.runtime = runtime;
        this.demo = demo;
        this.data = data;
        this.out = out;
        this.c = runtime.environment().components();
        this.imports = new ImportsHandler(c::importFile);
    }

    public Report run() {
        List<ImportReport> imported = dataIn();
        JsonNode first = scenarioDay("(j) a scenario day: the scenario-runner handler for " + DAY.format(data.today()));
        JsonNode second = runScenario();
        out.printf("  run again the same day: %d e-mail(s) — one reminder per customer per day%n",
                sum(second, "sent"));

        out.println();
        out.println("(k) promises");
        List<Promise> broken = brokenPromises();
        List<String> reminded = new ArrayList<>();
        for (Promise p : broken) {
            String name = c.customers().get(p.customerId()).map(Customer::name).orElse(p.customerId());
            boolean inReminder = listed(first, p.customerId(), p.brokenItems());
            if (inReminder) {
                reminded.addAll(p.brokenItems());
            }
            out.printf("  ✗ %-28s %-16s promised %s, checked at (d): BROKEN → %s, hold released, %s%n", cut(name),
                    String.join(" ", p.brokenItems()), p.promisedDate() == null ? "?" : DAY.format(p.promisedDate()),
                    status(p.customerId(), p.brokenItems().get(0)),
                    inReminder ? "back in today's reminder" : "chase resumed");
        }
        Instant target = (runtime.environment().scheduler().now().isAfter(Instant.now())
                ? runtime.environment().scheduler().now() : Instant.now()).plus(Duration.ofMinutes(2));
        List<LocalScheduler.Fired> fired = runtime.environment().scheduler().advanceTo(target);
        out.printf("  scheduler clock → %s: %d schedule(s) fired%n",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(target.atZone(zone)), fired.size());
        for (Promise p : broken) {
            c.customerFollowUps().ofCustomer(p.customerId(), 50).stream()
                    .filter(f -> f.statusCode().equals(PromiseCheck.BROKEN_STATUS)).forEach(f -> out.printf(
                            "  broken-promise follow-up %-16s %-22s %s%n", String.join(" ", f.itemNumbers()),
                            f.state(), f.result() == null ? "" : f.result()));
        }
        Promise kept = keptPromise(first);

        out.println();
        out.println("(l) promise-kept rates and an item's history");
        Map<String, PromiseStats> rates = new LinkedHashMap<>();
        for (String collector : List.of("U0COLLECT1", "U0COLLECT2", "U0COLLECT3")) {
            PromiseStats s = c.accountQuery().collector(collector);
            rates.put(collector, s);
            out.printf("  %-11s kept %d, broken %d (partly kept %d) → %s%n", collector, s.kept(), s.broken(),
                    s.partlyKept(), s.keptRate().isPresent() ? Math.round(s.keptRate().getAsDouble() * 100) + " %"
                            : "no promise settled yet");
        }
        List<ItemEvent> history = List.of();
        if (!broken.isEmpty()) {
            Promise p = broken.get(0);
            history = c.audit().history(p.customerId(), p.brokenItems().get(0), 50);
            out.println("  /ar " + p.brokenItems().get(0) + ":");
            for (ItemEvent e : history) {
                out.printf("    %s  %-14s %-10s %s → %s  (%s)%n",
                        DateTimeFormatter.ofPattern("dd/MM HH:mm").format(e.at().atZone(zone)), e.actor(), e.field(),
                        e.before() == null ? "—" : e.before(), e.after() == null ? "—" : e.after(), e.cause());
            }
        }
        return new Report(imported, first, second, broken, reminded, fired, kept, rates, history);
    }

    // ------------------------------------------------------------------ (i)

    private List<ImportReport> dataIn() {
        out.println();
        out.println("(i) data in: files dropped under imports/ in the bucket → S3 event → imports handler");
        List<ImportReport> reports = new ArrayList<>();
        reports.add(print(DemoData.importFile(c, imports, data.dir().resolve("items.csv"), "imports/items-again.csv")));
        Path dir = data.dir().resolve("imports");
        reports.add(print(DemoData.importFile(c, imports, dir.resolve("payments.csv"), "imports/payments.csv")));
        reports.add(print(DemoData.importFile(c, imports, dir.resolve("colleagues.csv"), "imports/colleagues.csv")));
        reports.add(print(DemoData.importFile(c, imports, dir.resolve("documents/FA-2025-00447.pdf"),
                "imports/documents/FA-2025-00447.pdf")));
        return reports;
    }

    private ImportReport print(ImportReport r) {
        if (r.alreadyImported()) {
            out.printf("  %-38s same content as an earlier import: nothing changed%n", r.key());
            return r;
        }
        out.printf("  %-38s %-10s %d row(s): %d created, %d updated, %d unchanged, %d rejected%n", r.key(), r.kind(),
                r.rows(), r.created(), r.updated(), r.unchanged(), r.errors().size());
        r.errors().forEach(e -> out.printf("      ✗ line %d, column %s: %s%n", e.line(), e.column(), e.reason()));
        r.notes().forEach(n -> out.println("      · " + n));
        return r;
    }

    // ------------------------------------------------------------------ (j)

    private JsonNode scenarioDay(String title) {
        out.println();
        out.println(title);
        JsonNode reports = runScenario();
        for (JsonNode r : reports) {
            for (JsonNode s : r.path("sent")) {
                out.printf("  ✉ %-28s %-16s %3d invoice(s)  %s%n", cut(s.path("customerName").asText()),
                        s.path("stepId").asText(), s.path("items").size(), s.path("total").asText());
            }
            Map<String, Integer> reasons = new LinkedHashMap<>();
            for (JsonNode s : r.path("skipped")) {
                reasons.merge(s.path("reason").asText(), 1, Integer::sum);
                if (s.path("reason").asText().equals("HELD")) {
                    out.printf("  ⏸ %-28s %-16s skipped: %s%n", cut(s.path("customerName").asText()),
                            s.path("itemNumber").asText(), s.path("detail").asText());
                }
            }
            out.printf("  → %d reminder(s) sent, skipped %s; summary posted to Slack%n", r.path("sent").size(), reasons);
        }
        return reports;
    }

    private JsonNode runScenario() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new ScenarioRunnerHandler(c.runScenario(), c.config().scenarioBudget())
                    .handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), output, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalJson.read(output.toString(StandardCharsets.UTF_8));
    }

    private static int sum(JsonNode reports, String field) {
        int n = 0;
        for (JsonNode r : reports) {
            n += r.path(field).size();
        }
        return n;
    }

    private static boolean listed(JsonNode reports, String customerId, List<String> items) {
        for (JsonNode r : reports) {
            for (JsonNode s : r.path("sent")) {
                if (s.path("customerId").asText().equals(customerId)) {
                    List<String> listed = new ArrayList<>();
                    s.path("items").forEach(i -> listed.add(i.asText()));
                    return listed.containsAll(items);
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ (k)

    private List<Promise> brokenPromises() {
        List<Promise> out = new ArrayList<>();
        for (String collector : List.of("U0COLLECT1", "U0COLLECT2", "U0COLLECT3")) {
            c.promises().settledFor(collector, 50).stream().filter(p -> p.state() == PromiseState.BROKEN)
                    .forEach(out::add);
        }
        return out;
    }

    private String status(String customerId, String number) {
        return c.items().get(customerId, number).map(Item::status).orElse("?");
    }

    /** A customer answers today's reminder with a promise; a collector qualifies it; the payment comes in: kept. */
    private Promise keptPromise(JsonNode firstRun) {
        JsonNode reminder = reminderTo(firstRun).orElse(null);
        if (reminder == null) {
            out.println("  (no reminder went out today: no reply to show)");
            return null;
        }
        String customerId = reminder.path("customerId").asText();
        String number = reminder.path("items").path(0).asText();
        Customer customer = c.customers().get(customerId).orElseThrow();
        Optional<JsonNode> mail = sesMailTo(customer.primaryContact().orElseThrow().email());
        if (mail.isEmpty()) {
            return null;
        }
        String replyTo = mail.get().path("replyTo").path(0).asText();
        LocalDate friday = data.today().plusDays(3);
        Path eml = writeReply(customer, replyTo, mail.get().path("subject").asText(), reminder.path("messageId").asText(),
                number, friday);
        Demo.EmailRun run = demo.ingest(eml);
        out.printf("  ↩ %s answers today's reminder (Reply-To %s): will pay %s on %s%n", customer.name(),
                replyTo.replaceAll("\\+[a-z2-7]+@", "+…@"), number, DAY.format(friday));
        Demo.EmailRun qualified = demo.qualify(run, List.of(new DemoData.Decision(run.file(), "PAYMENT_PROMISE",
                List.of(number), "Virement annoncé pour le " + DAY.format(friday), friday)));
        if (qualified.followUps().isEmpty()) {
            out.println("  (the reply could not be qualified)");
            return null;
        }
        FollowUp check = qualified.followUps().get(0);
        String promiseId = PromiseCheck.promiseIdFor(check.id());
        Promise open = c.promises().get(customerId, promiseId).orElseThrow();
        out.printf("  ✎ qualified in Slack: PAYMENT_PROMISE → promise %s, %s %s, check %s, %s on hold%n", open.state(),
                open.amount(), open.currency(), DAY.format(open.checkDate()), number);
        Item item = c.items().get(customerId, number).orElseThrow();
        String csv = "\uFEFFreference;number;amount;date\nVIR-" + data.today().toString().replace("-", "") + "-DEMO;"
                + number + ";" + french(item.openAmount()) + ";{today}\n";
        ImportReport paid = importText("imports/payments-" + data.today() + ".csv", csv);
        print(paid);
        Promise kept = c.promises().get(customerId, promiseId).orElseThrow();
        boolean scheduleGone = runtime.environment().scheduler().schedule(check.scheduleName()).isEmpty();
        out.printf("  ✓ promise %s: %s is %s, its check %s%n", kept.state(), number, status(customerId, number),
                scheduleGone ? "schedule deleted (nothing left to check)" : "still scheduled");
        return kept;
    }

    private Optional<JsonNode> reminderTo(JsonNode reports) {
        JsonNode fallback = null;
        for (JsonNode r : reports) {
            for (JsonNode s : r.path("sent")) {
                if (s.path("customerId").asText().equals(PREFERRED_REPLY)) {
                    return Optional.of(s);
                }
                if (fallback == null) {
                    fallback = s;
                }
            }
        }
        return Optional.ofNullable(fallback);
    }

    private Optional<JsonNode> sesMailTo(String address) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    runtime.environment().ses().endpoint() + "/store")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode found = null;
            for (JsonNode e : LocalJson.read(r.body()).path("emails")) {
                if (e.path("destination").path("to").toString().toLowerCase(Locale.ROOT).contains(address)
                        && e.path("replyTo").size() > 0) {
                    found = e; // the latest one
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path writeReply(Customer customer, String replyTo, String subject, String inReplyTo, String number,
                            LocalDate day) {
        String from = customer.primaryContact().orElseThrow().email();
        String text = "From: " + from + "\r\nTo: " + replyTo + "\r\nSubject: Re: " + subject
                + "\r\nMessage-ID: <scenario-reply-" + customer.id() + "@demo.example>\r\nIn-Reply-To: " + inReplyTo
                + "\r\nDate: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(zone))
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit"
                + "\r\n\r\n" + (customer.language() == io.arfollowup.core.domain.Language.FR
                ? "Bonjour,\r\n\r\nNous réglerons la facture " + number + " le " + DAY.format(day)
                        + " par virement.\r\n\r\nCordialement,\r\nLa comptabilité\r\n"
                : "Hello,\r\n\r\nWe will pay invoice " + number + " on " + DAY.format(day)
                        + " by bank transfer.\r\n\r\nKind regards,\r\nAccounts payable\r\n");
        try {
            Path dir = Files.createTempDirectory("scenario-demo");
            Path eml = dir.resolve("scenario_reply_" + customer.id() + ".eml");
            Files.writeString(eml, text, StandardCharsets.UTF_8);
            return eml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportReport importText(String key, String csv) {
        try {
            c.blobs().put(key, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
            return DemoData.importKey(imports, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1 234,56": how a French bank export writes amounts. */
    private static String french(BigDecimal v) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return f.format(v).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String cut(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }
}
