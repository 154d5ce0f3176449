package io.arfollowup.core.port;

import java.util.List;

/**
 * The outcome of one imported file: rows read, created, updated, unchanged, and each bad row with its line, column
 * and reason (the good rows still load). {@code alreadyImported}: the same content was imported before; nothing done.
 */
public record ImportReport(String key, String kind, int rows, int created, int updated, int unchanged,
                           List<RowError> errors, boolean alreadyImported, List<String> notes) {

    /** A row that was not loaded. Line 1 is the header. */
    public record RowError(long line, String column, String reason) {
    }

    public ImportReport {
        errors = List.copyOf(errors);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean clean() {
        return errors.isEmpty();
    }
}
