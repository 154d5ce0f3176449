package io.arfollowup.local;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.ReplyToken;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the demo's customers, contacts, open items and reply tokens from events/demo/*.csv. Dates may be written
 * relative to the demo day ({@code {today-45}}) so the demo never ages.
 */
public final class DemoData {

    private static final Pattern RELATIVE = Pattern.compile("\\{today([+-]\\d+)?}");

    /** How a collector qualifies one sample reply (events/demo/decisions.csv). */
    public record Decision(String email, String status, List<String> items, String comment, LocalDate promisedDate) {
    }

    private final Path dir;
    private final LocalDate today;

    public DemoData(Path dir, LocalDate today) {
        this.dir = dir;
        this.today = today;
    }

    /** Loads everything into the stores; returns how many customers, items and tokens. */
    public String load(Components c) {
        Map<String, List<Contact>> contacts = new LinkedHashMap<>();
        for (CSVRecord r : read("contacts.csv")) {
            contacts.computeIfAbsent(r.get("customer_id"), k -> new ArrayList<>()).add(new Contact(r.get("email"),
                    blank(r, "name"), blank(r, "role"), blank(r, "phone"), false));
        }
        int customers = 0;
        for (CSVRecord r : read("customers.csv")) {
            c.customers().put(new Customer(r.get("id"), r.get("name"), Language.parse(r.get("language")),
                    Country.parse(r.get("country")), ZoneId.of(r.get("time_zone")),
                    contacts.getOrDefault(r.get("id"), List.of()), blank(r, "collector"), blank(r, "sales_rep")));
            customers++;
        }
        int items = 0;
        for (CSVRecord r : read("items.csv")) {
            c.items().put(new Item(r.get("customer_id"), r.get("number"), ItemKind.valueOf(r.get("kind")),
                    new BigDecimal(r.get("amount")), new BigDecimal(r.get("open_amount")), r.get("currency"),
                    date(r.get("issue_date")), date(r.get("due_date")), null, null, null, null, null));
            items++;
        }
        int tokens = 0;
        for (CSVRecord r : read("reply-tokens.csv")) {
            c.tokens().put(new ReplyToken(r.get("token"), r.get("customer_id"), r.get("reminder_id"), Instant.now()));
            tokens++;
        }
        return customers + " customers, " + items + " items, " + tokens + " reply tokens";
    }

    /** The scripted decisions per e-mail file: one row per group (a reply can promise on one, dispute another). */
    public Map<String, List<Decision>> decisions() {
        Map<String, List<Decision>> out = new LinkedHashMap<>();
        if (!Files.exists(dir.resolve("decisions.csv"))) {
            return out;
        }
        for (CSVRecord r : read("decisions.csv")) {
            String items = blank(r, "items");
            out.computeIfAbsent(r.get("email"), k -> new ArrayList<>()).add(new Decision(r.get("email"), r.get("status"),
                    items == null ? List.of() : List.of(items.split("\\|")), blank(r, "comment"),
                    blank(r, "promised_date") == null ? null : date(r.get("promised_date"))));
        }
        return out;
    }

    LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = RELATIVE.matcher(value.trim());
        if (m.matches()) {
            return m.group(1) == null ? today : today.plusDays(Integer.parseInt(m.group(1)));
        }
        return LocalDate.parse(value.trim());
    }

    private List<CSVRecord> read(String file) {
        try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).build().parse(in)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
        }
    }

    private static String blank(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v;
    }
}
