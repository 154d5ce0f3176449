package io.arfollowup.core.port;

/**
 * A template value that is written differently in each medium, inserted with triple braces ({{{itemsTable}}}):
 * {@code text} in the plain-text part, {@code html} (already escaped by whoever built it) in the HTML part.
 */
public record Markup(String text, String html) {
    @Override
    public String toString() {
        return text;
    }
}
