package io.arfollowup.core.usecase;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of imported tables the way spreadsheets write them. Amounts in both conventions — French
 * {@code 1 234,56} (space, no-break space or U+202F between thousands, comma before the decimals) and English
 * {@code 1,234.56} — with an optional currency sign and a leading minus, trailing minus or parentheses for negatives.
 * Dates ISO ({@code 2025-11-07}), day first ({@code 07/11/2025}, {@code 7.11.2025}) or relative to the import day
 * ({@code {today-30}}, handy for demos and tests). Anything else is an {@link IllegalArgumentException} whose message
 * is the reason shown for the row.
 */
public final class ImportValues {

    private static final Pattern RELATIVE = Pattern.compile("\\{today(?:\\s*([+-])\\s*(\\d{1,4}))?}");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ImportValues() {
    }

    /**
     * An amount. {@code separator} is the file's column separator: in a ';' file (French Excel) a lone comma is the
     * decimal mark; in a ',' file a value with a comma was quoted and "1,234" is English thousands.
     */
    public static BigDecimal amount(String raw, char separator) {
        if (raw == null || raw.isBlank()) {
            throw new ImportTexts.Invalid("empty", "amount");
        }
        String s = raw.trim();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).trim();
        }
        s = s.replaceAll("[\\s\\u00a0\\u202f\\u2009']", "").replaceAll("(?i)(eur|gbp|usd|chf|€|£|\\$)", "");
        if (s.endsWith("-")) {
            negative = !negative;
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || !s.matches("[0-9.,]+")) {
            throw new ImportTexts.Invalid("not_amount", raw.trim());
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        String normal;
        if (comma >= 0 && dot >= 0) {
            normal = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            boolean thousands = separator != ';' && s.indexOf(',') == comma ? s.length() - comma - 1 == 3
                    : s.indexOf(',') != comma;
            normal = thousands ? checkGroups(s, ',', raw) : s.replace(',', '.');
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            normal = checkGroups(s, '.', raw); // 1.234.567 (French thousands with dots)
        } else {
            normal = s;
        }
        try {
            BigDecimal v = new BigDecimal(normal);
            if (v.scale() > 2) {
                throw new ImportTexts.Invalid("decimals", raw.trim());
            }
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new ImportTexts.Invalid("not_amount", raw.trim());
        }
    }

    private static String checkGroups(String s, char group, String raw) {
        String[] parts = s.split(Pattern.quote(String.valueOf(group)), -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() != 3) {
                throw new ImportTexts.Invalid("ambiguous_amount", raw.trim());
            }
        }
        return s.replace(String.valueOf(group), "");
    }

    /** A date: ISO, day first, or {@code {today±N}}. */
    public static LocalDate date(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new ImportTexts.Invalid("empty", "date");
        }
        String s = raw.trim();
        Matcher rel = RELATIVE.matcher(s);
        if (rel.matches()) {
            if (rel.group(1) == null) {
                return today;
            }
            int n = Integer.parseInt(rel.group(2));
            return rel.group(1).equals("+") ? today.plusDays(n) : today.minusDays(n);
        }
        try {
            if (s.length() >= 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s.substring(0, 10), DateTimeFormatter.ISO_LOCAL_DATE);
            }
            Matcher m = DAY_FIRST.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new ImportTexts.Invalid("not_date", s);
        }
        throw new ImportTexts.Invalid("not_date", s);
    }

    public static String email(String raw) {
        if (raw == null || !EMAIL.matcher(raw.trim()).matches()) {
            throw new ImportTexts.Invalid("not_email", raw == null ? "" : raw.trim());
        }
        return raw.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
