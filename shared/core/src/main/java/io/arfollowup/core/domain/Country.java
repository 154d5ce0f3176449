package io.arfollowup.core.domain;

import java.util.Locale;

/** Country of a customer: it chooses the public-holiday calendar used to roll follow-up dates. */
public enum Country {
    FR, GB;

    public static Country parse(String value) {
        if (value == null || value.isBlank()) {
            return FR;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "GB", "UK", "EN", "GBR" -> GB;
            default -> FR;
        };
    }
}
