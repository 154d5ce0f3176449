package io.arfollowup.local;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.functions.imports.ImportsHandler;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * The demo's data, events/demo/*.csv: customers, contacts, open items and reply tokens go in through the importer
 * (imports/ in the bucket, then the imports handler); the scripted decisions are read here. Dates may be written
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

    public Path dir() {
        return dir;
    }

    public LocalDate today() {
        return today;
    }

    /** The files the demo imports, in order (a contact or an item needs its customer first). */
    public static final List<String> IMPORTS = List.of("customers.csv", "contacts.csv", "items.csv",
            "reply-tokens.csv");

    /**
     * Loads the sample data the way a deployment gets its data: each CSV is dropped under the bucket's
     * {@code imports/} prefix and the imports handler gets the S3 event Lambda would get (issue 7's importer, which
     * also expands the {@code {today±N}} dates). Returns how many customers, items and reply tokens were loaded.
     */
    public String load(Components c) {
        ImportsHandler handler = new ImportsHandler(c::importFile);
        Map<String, Integer> loaded = new LinkedHashMap<>();
        for (String file : IMPORTS) {
            ImportReport r = importFile(c, handler, dir.resolve(file), "imports/" + file);
            if (!r.errors().isEmpty()) {
                throw new IllegalStateException("demo data " + file + " has bad rows: " + r.errors());
            }
            loaded.put(file, r.created() + r.updated() + r.unchanged());
        }
        return loaded.get("customers.csv") + " customers, " + loaded.get("items.csv") + " items, "
                + loaded.get("reply-tokens.csv") + " reply tokens, imported through imports/";
    }

    /** Puts a file in the bucket under {@code key} and invokes the imports handler with its S3 event. */
    static ImportReport importFile(Components c, ImportsHandler handler, Path file, String key) {
        try {
            c.blobs().put(key, Files.readAllBytes(file), key.endsWith(".pdf") ? "application/pdf" : "text/csv");
            return importKey(handler, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + file, e);
        }
    }

    /** The S3 ObjectCreated event of a key (URL-encoded as S3 sends it), through the handler's stream interface. */
    static ImportReport importKey(ImportsHandler handler, String key) throws IOException {
        String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"bucket\":{\"name\":\"" + LocalEnvironment.BUCKET + "\"},\"object\":{\"key\":\""
                + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/") + "\"}}}]}";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return LocalJson.MAPPER.convertValue(LocalJson.read(out.toString(StandardCharsets.UTF_8)).get(0),
                ImportReport.class);
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
