package io.arfollowup.core.domain;

import java.util.Locale;

/** The two languages everything a person reads exists in. */
public enum Language {
    FR, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == FR ? Locale.FRANCE : Locale.UK;
    }

    /** Lenient parse ("fr", "FR", "fr-BE", "en_GB"); anything else is English, the common fallback. */
    public static Language parse(String value) {
        if (value == null) {
            return EN;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.startsWith("fr") ? FR : EN;
    }
}
