package io.arfollowup.core.domain;

/** A text a person reads, in both product languages. */
public record Labels(String fr, String en) {
    public String in(Language language) {
        String value = language == Language.FR ? fr : en;
        return value == null || value.isBlank() ? (fr != null ? fr : en) : value;
    }
}
