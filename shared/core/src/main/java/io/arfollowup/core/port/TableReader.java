package io.arfollowup.core.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an imported table (CSV): UTF-8 with or without a byte-order mark, comma, semicolon or tab separated, one
 * header line. Column names come back normalised (lower case, spaces and dashes as '_'). A line that cannot be read
 * is reported with its number, the rest still come back.
 */
public interface TableReader {

    /** One data line: its line number in the file (the header is line 1) and its values by column. */
    record Row(long line, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    /**
     * A line the reader could not use: {@code code} {@code unreadable} (the CSV breaks here; detail = why) or
     * {@code extra_values} (more values than columns; detail = "values/columns").
     */
    record Problem(long line, String code, String detail) {
    }

    /** The table: its columns, rows, the separator found and what was noticed about the encoding. */
    record Table(List<String> columns, List<Row> rows, char separator, boolean byteOrderMark, String charset,
                 List<Problem> problems) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    Table read(Path file) throws IOException;
}
