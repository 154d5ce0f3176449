package io.arfollowup.adapters.csv;

import io.arfollowup.core.port.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Imported tables read with commons-csv (RFC 4180 quoting, values over several lines). What spreadsheets write:
 * UTF-8 with Excel's byte-order mark or without; a file that is not valid UTF-8 is read as Windows-1252 (Excel's
 * "CSV" on a French Windows) and says so; the separator is the one of ';', ',' or tab that the header line uses most
 * (outside quotes). Column names are normalised: lower case, spaces and dashes to '_'.
 */
public final class CommonsCsvTableReader implements TableReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Override
    public Table read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public Table read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        int offset = bom ? 3 : 0;
        String charset = "UTF-8";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
            charset = "windows-1252";
        }
        char separator = separator(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (String h : parser.getHeaderNames()) {
                columns.add(normalise(h));
            }
            long line = 1;
            var it = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    problems.add(new Problem(parser.getCurrentLineNumber() + 1, "unreadable", rootMessage(broken)));
                    break;
                }
                line = lineOf(r, line);
                if (r.size() > columns.size() && !extraIsEmpty(r, columns.size())) {
                    problems.add(new Problem(line, "extra_values", r.size() + "/" + columns.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size() && i < r.size(); i++) {
                    values.putIfAbsent(columns.get(i), r.get(i));
                }
                rows.add(new Row(line, values));
            }
        }
        return new Table(columns, rows, separator, bom, charset, problems);
    }

    /** The record's first line in the file (the header is line 1; blank lines are skipped, but counted). */
    private static long lineOf(CSVRecord r, long previous) {
        // commons-csv counts the lines it read up to the end of the record; a record spans 1 line unless quoted
        // values hold line breaks: count them back
        long end = r.getParser().getCurrentLineNumber();
        long inner = 0;
        for (String v : r.values()) {
            inner += v.chars().filter(c -> c == '\n').count();
        }
        return Math.max(previous + 1, end - inner);
    }

    private static boolean extraIsEmpty(CSVRecord r, int from) {
        for (int i = from; i < r.size(); i++) {
            if (!r.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        int semi = 0;
        int comma = 0;
        int tab = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ';') {
                    semi++;
                } else if (c == ',') {
                    comma++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > semi && tab > comma) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    static String normalise(String header) {
        return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
