package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ColleagueEntry;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.BlobStore;
import io.arfollowup.core.port.ColleagueStore;
import io.arfollowup.core.port.CustomerFollowUps;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpScheduler;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ImportLog;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.port.ImportReport.RowError;
import io.arfollowup.core.port.ItemLedger;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.ScenarioLedger;
import io.arfollowup.core.port.ScenarioStore;
import io.arfollowup.core.port.TableReader;
import io.arfollowup.core.port.TableReader.Row;
import io.arfollowup.core.port.TeamNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Data in: a file dropped under the bucket's {@code imports/} prefix (docs/imports.md). The file name says what it
 * holds: {@code customers}, {@code contacts}, {@code items}, {@code payments}, {@code colleagues},
 * {@code reply-tokens} (CSV), or a PDF under {@code imports/documents/} named after its invoice number.
 * <ul>
 * <li>Each row is checked on its own: a bad row is reported (line, column, reason) and the good rows still load.</li>
 * <li>Every write compares with what is stored and changes only what differs, and a file whose content was
 * imported before is recognised by its SHA-256: re-importing the same file changes nothing.</li>
 * <li>Payments are idempotent by their reference (kept on the item in the same conditional write); a paid item
 * leaves its hold, follow-ups whose items are all paid are cancelled (schedules deleted), promises whose items are
 * all paid are kept.</li>
 * <li>Every change to an item is audited (before → after, the file and line that caused it).</li>
 * </ul>
 */
public final class ImportFile {

    public static final String PREFIX = "imports/";
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** A file to import: its key in the bucket. */
    public record Command(String key) {
        public Command {
            Objects.requireNonNull(key, "key");
        }
    }

    /** What a file holds, from its name, and the columns it must have. */
    public enum Kind {
        CUSTOMERS("customers", "id", "name"),
        CONTACTS("contacts", "customer_id", "email"),
        ITEMS("items", "customer_id", "number", "amount"),
        PAYMENTS("payments", "reference", "number", "amount"),
        COLLEAGUES("colleagues", "role", "email"),
        REPLY_TOKENS("reply-tokens", "token", "customer_id"),
        DOCUMENTS("documents");

        private final String prefix;
        private final List<String> required;

        Kind(String prefix, String... required) {
            this.prefix = prefix;
            this.required = List.of(required);
        }

        public String label() {
            return prefix;
        }

        public List<String> required() {
            return required;
        }

        /** {@code imports/items-2025-11.csv}, {@code imports/items/2025-11.csv}, {@code imports/documents/FA-1.pdf}. */
        public static Optional<Kind> of(String key) {
            String rest = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
            String name = (rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest).toLowerCase(Locale.ROOT)
                    .replace('_', '-');
            for (Kind k : values()) {
                if (name.startsWith(k.prefix) || (k == REPLY_TOKENS && name.startsWith("tokens"))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final BlobStore blobs;
    private final TableReader reader;
    private final ImportLog log;
    private final CustomerStore customers;
    private final ItemStore items;
    private final ItemLedger ledger;
    private final ScenarioLedger scenario;
    private final ScenarioStore steps;
    private final ReplyTokenStore tokens;
    private final ColleagueStore colleagues;
    private final CustomerFollowUps customerFollowUps;
    private final FollowUpStore followUps;
    private final FollowUpScheduler scheduler;
    private final RuleCatalog rules;
    private final PromiseCheck promiseCheck;
    private final Holds holds;
    private final TeamNotifier team;
    private final Audit audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Language language;

    public ImportFile(BlobStore blobs, TableReader reader, ImportLog log, CustomerStore customers, ItemStore items,
                      ItemLedger ledger, ScenarioLedger scenario, ScenarioStore steps, ReplyTokenStore tokens,
                      ColleagueStore colleagues, CustomerFollowUps customerFollowUps, FollowUpStore followUps,
                      FollowUpScheduler scheduler, RuleCatalog rules, PromiseCheck promiseCheck, Holds holds,
                      TeamNotifier team, AuditLog audit, Clock clock, ZoneId zone, Language language) {
        this.blobs = blobs;
        this.reader = reader;
        this.log = log;
        this.customers = customers;
        this.items = items;
        this.ledger = ledger;
        this.scenario = scenario;
        this.steps = steps;
        this.tokens = tokens;
        this.colleagues = colleagues;
        this.customerFollowUps = customerFollowUps;
        this.followUps = followUps;
        this.scheduler = scheduler;
        this.rules = rules;
        this.promiseCheck = promiseCheck;
        this.holds = holds;
        this.team = team;
        this.audit = new Audit(audit);
        this.clock = clock;
        this.zone = zone;
        this.language = language == null ? Language.EN : language;
    }

    /** Imports one file; the report is also posted to Slack. */
    public ImportReport handle(Command command) {
        ImportReport report = run(command.key());
        if (team != null && (!Kind.DOCUMENTS.label().equals(report.kind()) || !report.clean())) {
            team.importDone(report); // one message per CSV; documents only when they could not be matched
        }
        return report;
    }

    private ImportReport run(String key) {
        Optional<Kind> kind = Kind.of(key);
        if (kind.isEmpty()) {
            return new ImportReport(key, "unknown", 0, 0, 0, 0, List.of(new RowError(0, "file",
                    t("unknown_kind"))), false, List.of());
        }
        if (kind.get() == Kind.DOCUMENTS) {
            return document(key);
        }
        if (!key.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new ImportReport(key, kind.get().label(), 0, 0, 0, 0, List.of(new RowError(0, "file",
                    t("not_csv", kind.get().label()))), false, List.of());
        }
        Path file = null;
        try {
            file = Files.createTempFile("import-", ".csv");
            blobs.download(key, file);
            if (Files.size(file) > MAX_BYTES) {
                return new ImportReport(key, kind.get().label(), 0, 0, 0, 0, List.of(new RowError(0, "file",
                        t("too_large", MAX_BYTES / 1024 / 1024))), false, List.of());
            }
            String sha = sha256(file);
            Optional<String> before = log.completed(sha);
            if (before.isPresent()) {
                return new ImportReport(key, kind.get().label(), 0, 0, 0, 0, List.of(), true,
                        List.of(t("again", before.get())));
            }
            TableReader.Table table = reader.read(file);
            Run run = new Run(key, kind.get(), table);
            run.load();
            ImportReport report = run.report();
            log.recordCompleted(sha, key, summary(report), clock.instant());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file; the sandbox goes anyway
                }
            }
        }
    }

    static String summary(ImportReport r) {
        return r.kind() + ": " + r.rows() + " rows, " + r.created() + " created, " + r.updated() + " updated, "
                + r.unchanged() + " unchanged, " + r.errors().size() + " rejected";
    }

    /** One file being loaded: counters, errors, the customers whose items changed. */
    private final class Run {
        final String key;
        final Kind kind;
        final TableReader.Table table;
        final Instant now = clock.instant();
        final LocalDate today = LocalDate.now(clock.withZone(zone));
        final List<RowError> errors = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> paidCustomers = new LinkedHashSet<>();
        final Map<String, Optional<Customer>> customerCache = new HashMap<>();
        int created;
        int updated;
        int unchanged;
        Integer firstOffset;

        Run(String key, Kind kind, TableReader.Table table) {
            this.key = key;
            this.kind = kind;
            this.table = table;
        }

        void load() {
            table.problems().forEach(p -> errors.add(new RowError(p.line(), "-", t(p.code(), p.detail()))));
            List<String> missing = kind.required().stream().filter(c -> !table.columns().contains(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(new RowError(1, String.join(", ", missing), t("missing_columns",
                        String.join(", ", table.columns()))));
                return;
            }
            if (table.byteOrderMark()) {
                notes.add(t("bom"));
            }
            if (!"UTF-8".equals(table.charset())) {
                notes.add(t("charset", table.charset()));
            }
            for (Row row : table.rows()) {
                try {
                    switch (kind) {
                        case CUSTOMERS -> customer(row);
                        case CONTACTS -> contact(row);
                        case ITEMS -> item(row);
                        case PAYMENTS -> payment(row);
                        case COLLEAGUES -> colleague(row);
                        case REPLY_TOKENS -> token(row);
                        default -> throw new IllegalStateException(kind.name());
                    }
                } catch (BadValue bad) {
                    errors.add(new RowError(row.line(), bad.column, bad.reason(language)));
                }
            }
            for (String customerId : paidCustomers) {
                closeFollowUps(customerId);
                int kept = promiseCheck == null ? 0 : promiseCheck.keepPaidPromises(customerId);
                if (kept > 0) {
                    notes.add(t("kept", customerId, kept));
                }
            }
        }

        ImportReport report() {
            return new ImportReport(key, kind.label(), table.rows().size(), created, updated, unchanged, errors,
                    false, notes);
        }

        String cause(Row row) {
            return "import " + key + " line " + row.line();
        }

        // ------------------------------------------------------------------ customers and contacts

        void customer(Row row) {
            String id = required(row, "id");
            Optional<Customer> existing = customers.get(id);
            Customer old = existing.orElse(null);
            String name = optional(row, "name", old == null ? null : old.name());
            if (name == null) {
                throw new BadValue("name", "empty", "name");
            }
            Language language = old == null ? Language.FR : old.language();
            String lang = row.get("language");
            if (lang != null) {
                String l = lang.toLowerCase(Locale.ROOT);
                if (!l.startsWith("fr") && !l.startsWith("en")) {
                    throw new BadValue("language", "language", lang);
                }
                language = Language.parse(l);
            }
            Country country = old == null ? Country.FR : old.country();
            String cc = row.get("country");
            if (cc != null) {
                if (!Set.of("FR", "GB", "UK", "FRA", "GBR").contains(cc.toUpperCase(Locale.ROOT))) {
                    throw new BadValue("country", "country", cc);
                }
                country = Country.parse(cc);
            }
            ZoneId tz = old == null ? zone : old.zone();
            String z = row.get("time_zone");
            if (z != null) {
                try {
                    tz = ZoneId.of(z);
                } catch (DateTimeException e) {
                    throw new BadValue("time_zone", "time_zone", z);
                }
            }
            String salesRep = optional(row, "sales_rep", old == null ? null : old.salesRep());
            if (row.get("sales_rep") != null) {
                salesRep = email(row, "sales_rep");
            }
            List<Contact> contacts = new ArrayList<>(old == null ? List.of() : old.contacts());
            if (row.get("contact_email") != null) {
                Contact c = new Contact(email(row, "contact_email"), row.get("contact_name"), row.get("contact_role"),
                        row.get("contact_phone"), false);
                if (contacts.stream().noneMatch(x -> x.email().equals(c.email()))) {
                    contacts.add(c);
                }
            }
            Customer merged = new Customer(id, name, language, country, tz, contacts,
                    optional(row, "collector", old == null ? null : old.collector()), salesRep);
            if (merged.equals(old)) {
                unchanged++;
                return;
            }
            customers.put(merged);
            customerCache.put(id, Optional.of(merged));
            if (old == null) {
                created++;
            } else {
                updated++;
            }
        }

        void contact(Row row) {
            Customer c = knownCustomer(row, "customer_id");
            String email = email(row, "email");
            if (c.hasContact(email)) {
                unchanged++;
                return;
            }
            customers.addContact(c.id(), new Contact(email, row.get("name"), row.get("role"), row.get("phone"),
                    false));
            customerCache.remove(c.id());
            created++;
        }

        // ------------------------------------------------------------------ items

        void item(Row row) {
            Customer c = knownCustomer(row, "customer_id");
            String number = required(row, "number");
            BigDecimal amount = amount(row, "amount");
            Optional<Item> existing = items.get(c.id(), number);
            Item old = existing.orElse(null); // an empty cell keeps what is stored
            ItemKind kind = row.get("kind") == null && old != null ? old.kind() : itemKind(row, number, amount);
            if (kind == ItemKind.INVOICE && amount.signum() <= 0) {
                throw new BadValue("amount", "invoice_positive");
            }
            amount = kind == ItemKind.CREDIT_NOTE ? amount.abs().negate() : amount;
            BigDecimal open = row.get("open_amount") != null ? amount(row, "open_amount")
                    : old != null && old.amount() != null && old.amount().compareTo(amount) == 0 ? old.openAmount()
                    : amount;
            open = kind == ItemKind.CREDIT_NOTE ? open.abs().negate() : open;
            if (open.abs().compareTo(amount.abs()) > 0 || (open.signum() != 0 && open.signum() != amount.signum())) {
                throw new BadValue("open_amount", "open_range", open.toPlainString(), amount.toPlainString());
            }
            String currency = optional(row, "currency", old != null ? old.currency() : "EUR").toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}")) {
                throw new BadValue("currency", "currency", currency);
            }
            LocalDate issue = row.get("issue_date") == null ? (old == null ? null : old.issueDate())
                    : date(row, "issue_date");
            LocalDate due = row.get("due_date") == null ? (old == null ? null : old.dueDate()) : date(row, "due_date");
            if (due == null && kind == ItemKind.INVOICE) {
                throw new BadValue("due_date", "due_date");
            }
            if (existing.isEmpty()) {
                Optional<Item> elsewhere = ledger.byNumber(number);
                if (elsewhere.isPresent() && !elsewhere.get().customerId().equals(c.id())) {
                    throw new BadValue("number", "other_customer", number, elsewhere.get().customerId());
                }
            }
            Item facts = new Item(c.id(), number, kind, amount, open, currency, issue, due, null, null, null, null,
                    null);
            if (existing.isEmpty()) {
                if (ledger.create(facts)) {
                    created++;
                    audit.record(c.id(), number, now, Audit.SYSTEM_IMPORT, "item", null, describe(facts), cause(row),
                            "import-create/" + c.id() + "/" + number);
                    enterScenario(facts);
                } else {
                    unchanged++;
                }
                return;
            }
            Map<String, String[]> changes = new java.util.LinkedHashMap<>();
            diff(changes, "kind", old.kind().name(), kind.name());
            diff(changes, "amount", plain(old.amount()), plain(amount));
            diff(changes, "openAmount", plain(old.openAmount()), plain(open));
            diff(changes, "currency", old.currency(), currency);
            diff(changes, "issueDate", str(old.issueDate()), str(issue));
            diff(changes, "dueDate", str(old.dueDate()), str(due));
            if (changes.isEmpty()) {
                unchanged++;
                return;
            }
            ledger.updateFacts(new Item(c.id(), number, kind, amount, open, currency, issue, due, old.status(),
                    old.comment(), old.owner(), old.hold(), old.documentKey()));
            updated++;
            changes.forEach((field, v) -> audit.record(c.id(), number, now, Audit.SYSTEM_IMPORT, field, v[0], v[1],
                    cause(row), "import/" + key + "/" + row.line() + "/" + field));
            if (open.signum() == 0 && old.openAmount() != null && old.openAmount().signum() != 0) {
                paid(old, "paid (open amount 0 in " + key + ")");
            } else if (changes.containsKey("dueDate") || changes.containsKey("openAmount")) {
                enterScenario(new Item(c.id(), number, kind, amount, open, currency, issue, due, null, null, null,
                        null, null));
            }
        }

        private ItemKind itemKind(Row row, String number, BigDecimal amount) {
            String k = row.get("kind");
            if (k == null) {
                return amount.signum() < 0 ? ItemKind.CREDIT_NOTE : ItemKind.INVOICE;
            }
            String v = k.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            return switch (v) {
                case "INVOICE", "FACTURE", "INV" -> ItemKind.INVOICE;
                case "CREDIT_NOTE", "AVOIR", "CREDIT", "CN" -> ItemKind.CREDIT_NOTE;
                default -> throw new BadValue("kind", "kind", k);
            };
        }

        void enterScenario(Item item) {
            if (item.kind() != ItemKind.INVOICE || item.dueDate() == null || item.isPaid()) {
                return;
            }
            scenario.noLaterThan(item.customerId(), item.dueDate().plusDays(firstOffset()));
        }

        int firstOffset() {
            if (firstOffset == null) {
                firstOffset = steps.steps().stream().mapToInt(ScenarioStep::offsetDays).min().orElse(0);
            }
            return firstOffset;
        }

        // ------------------------------------------------------------------ payments

        void payment(Row row) {
            String reference = required(row, "reference");
            String number = required(row, "number");
            BigDecimal amount = amount(row, "amount");
            if (amount.signum() <= 0) {
                throw new BadValue("amount", "payment_positive");
            }
            LocalDate date = row.get("date") == null ? today : date(row, "date");
            String customerId = row.get("customer_id");
            for (int attempt = 0; attempt < 3; attempt++) {
                Item item = (customerId != null ? items.get(customerId, number) : ledger.byNumber(number))
                        .orElseThrow(() -> customerId == null ? new BadValue("number", "no_item", number)
                                : new BadValue("number", "no_item_for", number, customerId));
                BigDecimal open = item.openAmount() == null ? BigDecimal.ZERO : item.openAmount();
                BigDecimal next = open.signum() >= 0 ? open.subtract(amount).max(BigDecimal.ZERO)
                        : open.add(amount).min(BigDecimal.ZERO);
                if (open.signum() > 0 && amount.compareTo(open) > 0) {
                    notes.add(t("overpaid", reference, number, amount.subtract(open).toPlainString()));
                }
                switch (ledger.applyPayment(item.customerId(), number, reference, open, next)) {
                    case APPLIED -> {
                        updated++;
                        audit.record(item.customerId(), number, now, Audit.SYSTEM_IMPORT, "openAmount", plain(open),
                                plain(next), "payment " + reference + " of " + date + " (" + cause(row) + ")",
                                "payment/" + reference + "/" + number);
                        if (next.signum() == 0) {
                            paid(item, "paid (payment " + reference + ")");
                        }
                        return;
                    }
                    case ALREADY_APPLIED -> {
                        unchanged++;
                        return;
                    }
                    case NOT_FOUND -> throw new BadValue("number", "no_item", number);
                    case CONCURRENT_CHANGE -> {
                        // the item changed between the read and the write: read again
                    }
                }
            }
            throw new BadValue("number", "changed", number);
        }

        /** The item's open amount reached zero: its hold is gone with it (audited) and its follow-ups are looked at. */
        void paid(Item before, String why) {
            Hold hold = before.hold();
            if (hold != null) {
                Optional<Item> now = items.get(before.customerId(), before.number());
                if (now.isPresent() && now.get().hold() != null) {
                    holds.release(before.customerId(), before.number(), now.get().hold(), Audit.SYSTEM_IMPORT, why);
                } else {
                    holds.recordRelease(before.customerId(), before.number(), hold, Audit.SYSTEM_IMPORT, why);
                }
            }
            paidCustomers.add(before.customerId());
        }

        /** Follow-ups whose items are all paid now are cancelled and their schedules deleted (promises: kept). */
        void closeFollowUps(String customerId) {
            Set<String> unpaid = new java.util.HashSet<>();
            items.openItems(customerId).forEach(i -> unpaid.add(i.number()));
            for (FollowUp f : customerFollowUps.ofCustomer(customerId, 200)) {
                boolean live = f.state() == FollowUpState.PLANNED || f.state() == FollowUpState.AWAITING_CONFIRMATION;
                boolean promise = PromiseCheck.checksPromise(rules.rule(f.statusCode()).orElse(null));
                if (!live || promise || f.itemNumbers().isEmpty() || f.itemNumbers().stream().anyMatch(unpaid::contains)) {
                    continue;
                }
                if (followUps.finish(f.id(), f.state(), FollowUpState.CANCELLED, "items paid")) {
                    if (f.scheduleName() != null) {
                        scheduler.cancel(f.scheduleName());
                    }
                    notes.add(t("cancelled", customerId, f.statusCode()));
                }
            }
        }

        // ------------------------------------------------------------------ colleagues and tokens

        void colleague(Row row) {
            String role = required(row, "role").toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            RecipientRule rule;
            try {
                rule = RecipientRule.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new BadValue("role", "role", role);
            }
            String customerId = row.get("customer_id");
            if (customerId != null) {
                knownCustomer(row, "customer_id");
            }
            ColleagueEntry entry = new ColleagueEntry(rule, email(row, "email"), customerId);
            String active = row.get("active");
            boolean remove = active != null && Set.of("false", "no", "non", "0", "n").contains(
                    active.toLowerCase(Locale.ROOT));
            boolean changed = remove ? colleagues.remove(entry) : colleagues.add(entry);
            if (!changed) {
                unchanged++;
            } else if (remove) {
                updated++;
            } else {
                created++;
            }
        }

        void token(Row row) {
            String token = required(row, "token");
            Customer c = knownCustomer(row, "customer_id");
            Optional<ReplyToken> existing = tokens.find(token);
            if (existing.isPresent()) {
                if (!existing.get().customerId().equals(c.id())) {
                    throw new BadValue("token", "token_taken", existing.get().customerId());
                }
                unchanged++;
                return;
            }
            tokens.put(new ReplyToken(token, c.id(), row.get("reminder_id"), now));
            created++;
        }

        // ------------------------------------------------------------------ values

        Customer knownCustomer(Row row, String column) {
            String id = required(row, column);
            Optional<Customer> c = customerCache.computeIfAbsent(id, customers::get);
            return c.orElseThrow(() -> new BadValue(column, "unknown_customer", id));
        }

        BigDecimal amount(Row row, String column) {
            try {
                return ImportValues.amount(required(row, column), table.separator());
            } catch (ImportTexts.Invalid e) {
                throw new BadValue(column, e);
            }
        }

        LocalDate date(Row row, String column) {
            try {
                return ImportValues.date(row.get(column), today);
            } catch (ImportTexts.Invalid e) {
                throw new BadValue(column, e);
            }
        }

        String email(Row row, String column) {
            try {
                return ImportValues.email(row.get(column));
            } catch (ImportTexts.Invalid e) {
                throw new BadValue(column, e);
            }
        }
    }

    // ---------------------------------------------------------------------- documents

    private ImportReport document(String key) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        String number = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        List<RowError> errors = new ArrayList<>();
        if (!file.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            errors.add(new RowError(0, "file", t("pdf_name")));
        } else if (!isPdf(key)) {
            errors.add(new RowError(0, "file", t("not_pdf", file)));
        }
        Optional<Item> item = errors.isEmpty() ? ledger.byNumber(number) : Optional.empty();
        if (errors.isEmpty() && item.isEmpty()) {
            errors.add(new RowError(0, "file", t("no_item_numbered", number)));
        }
        if (!errors.isEmpty()) {
            return new ImportReport(key, Kind.DOCUMENTS.label(), 1, 0, 0, 0, errors, false, List.of());
        }
        Item i = item.get();
        if (key.equals(i.documentKey())) {
            return new ImportReport(key, Kind.DOCUMENTS.label(), 1, 0, 0, 1, errors, false, List.of());
        }
        ledger.attachDocument(i.customerId(), i.number(), key);
        audit.record(i.customerId(), i.number(), clock.instant(), Audit.SYSTEM_IMPORT, "document", i.documentKey(),
                key, "import " + key, "document/" + i.customerId() + "/" + i.number() + "/" + key);
        return new ImportReport(key, Kind.DOCUMENTS.label(), 1, i.documentKey() == null ? 1 : 0,
                i.documentKey() == null ? 0 : 1, 0, errors, false, List.of(t("attached", i.number(), key)));
    }

    private boolean isPdf(String key) {
        try (InputStream in = blobs.open(key)) {
            byte[] head = in.readNBytes(5);
            return head.length == 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    // ---------------------------------------------------------------------- helpers

    /** A value the row cannot be loaded with: its column, and the reason (a text key and its arguments). */
    private static final class BadValue extends RuntimeException {
        final String column;
        final ImportTexts.Invalid reason;

        BadValue(String column, String key, Object... args) {
            this(column, new ImportTexts.Invalid(key, args));
        }

        BadValue(String column, ImportTexts.Invalid reason) {
            super(reason.getMessage(), null, false, false);
            this.column = column;
            this.reason = reason;
        }

        String reason(Language language) {
            return reason.in(language);
        }
    }

    private String t(String key, Object... args) {
        return ImportTexts.get(language, key, args);
    }

    private static String required(Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new BadValue(column, "empty", column);
        }
        return v;
    }

    private static String optional(Row row, String column, String fallback) {
        String v = row.get(column);
        return v == null ? fallback : v;
    }

    private static void diff(Map<String, String[]> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new String[] {before, after});
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String describe(Item i) {
        return i.kind() + " " + plain(i.amount()) + " " + i.currency() + (i.dueDate() == null ? "" : " due "
                + i.dueDate()) + (i.openAmount() != null && i.openAmount().compareTo(i.amount()) != 0
                ? " open " + plain(i.openAmount()) : "");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
