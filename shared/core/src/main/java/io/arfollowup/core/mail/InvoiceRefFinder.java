package io.arfollowup.core.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds invoice-like references in a subject and a new text (never in quoted history: callers pass only those).
 * A reference is either a number with an invoice prefix ({@code FA-2025-00412}, {@code FA 2025 00412},
 * {@code fa202500412}, {@code INV-7781}) or a number right after the word invoice/facture/Rechnung/factura/fattura
 * ({@code facture n°2025-031}). Purchase orders, delivery notes, cheques, claims and credit notes carry no such
 * marker and are not returned. Extra patterns come from configuration: the whole match, or its group named
 * {@code ref}, is the reference. Results are upper-case, in order of first appearance, without duplicates.
 */
public final class InvoiceRefFinder {

    /** Prefix + year + number; separators may be a dash, a space, a slash, a dot or nothing. */
    private static final Pattern PREFIX_YEAR = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<prefix>FA|FAC|FACT|INV|FCT)[ \\t]?[-_/.]?[ \\t]?(?<year>(?:19|20)\\d{2})"
                    + "[ \\t]?[-_/.]?[ \\t]?(?<num>\\d{2,8})(?![\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /** Prefix glued to a number: INV-7781, FA12345 (a space would catch bank labels like "FACT 484 485"). */
    private static final Pattern PREFIX_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<prefix>FA|FAC|FACT|INV|FCT)(?<sep>[-_/#]?)(?<num>\\d{3,10})(?![\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /** A number introduced by the word invoice in FR/EN/DE/ES/IT. */
    private static final Pattern AFTER_WORD = Pattern.compile(
            "(?<![\\p{L}])(?:factures?|invoices?|inv\\.|rechnung(?:snummer)?|factura|fattura|facture n°)"
                    + "[ \\t\\u00A0]*(?:(?:n[°ºo]\\.?|n\\.|no\\.?|num(?:[ée]ro|ber|\\.)?|nr\\.?|#|number)[ \\t\\u00A0]*)?:?[ \\t\\u00A0]*"
                    + "(?<ref>(?:[A-Z]{1,4}[-_/ ]?)?\\d[\\d\\-/.]{1,18}\\d)(?![\\p{N}\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}");

    private final List<Pattern> extra;

    public InvoiceRefFinder() {
        this(List.of());
    }

    public InvoiceRefFinder(Collection<Pattern> extraPatterns) {
        this.extra = extraPatterns == null ? List.of() : List.copyOf(extraPatterns);
    }

    /**
     * Patterns from configuration ({@code INVOICE_REF_PATTERNS}): one regular expression per line, or separated by
     * ";;". Blank entries are ignored.
     */
    public static InvoiceRefFinder fromConfig(String patterns) {
        List<Pattern> list = new ArrayList<>();
        if (patterns != null) {
            for (String p : patterns.split("\\R|;;")) {
                if (!p.isBlank()) {
                    list.add(Pattern.compile(p.trim()));
                }
            }
        }
        return new InvoiceRefFinder(list);
    }

    /** References named by the subject, then by the new text. */
    public List<String> find(String subject, String newText) {
        Map<String, String> byKey = new LinkedHashMap<>();
        collect(subject, byKey);
        collect(newText, byKey);
        return new ArrayList<>(byKey.values());
    }

    private void collect(String text, Map<String, String> byKey) {
        if (text == null || text.isEmpty()) {
            return;
        }
        TreeMap<Integer, String> found = new TreeMap<>();
        Matcher m = PREFIX_YEAR.matcher(text);
        while (m.find()) {
            found.putIfAbsent(m.start(), canonical(m.group("prefix"), m.group("year"), m.group("num")));
        }
        m = PREFIX_NUMBER.matcher(text);
        while (m.find()) {
            if (!covered(found, m.start(), text)) {
                found.putIfAbsent(m.start(), m.group("prefix").toUpperCase(Locale.ROOT) + "-" + m.group("num"));
            }
        }
        m = AFTER_WORD.matcher(text);
        while (m.find()) {
            String ref = m.group("ref");
            if (DATE_LIKE.matcher(ref).matches()) {
                continue;
            }
            int start = m.start("ref");
            if (!covered(found, start, text)) {
                found.putIfAbsent(start, clean(ref));
            }
        }
        for (Pattern p : extra) {
            m = p.matcher(text);
            while (m.find()) {
                String ref;
                int start;
                try {
                    ref = m.group("ref");
                    start = m.start("ref");
                } catch (IllegalArgumentException noGroup) {
                    ref = m.group();
                    start = m.start();
                }
                if (ref != null && !ref.isBlank()) {
                    found.putIfAbsent(start, clean(ref));
                }
            }
        }
        for (String ref : found.values()) {
            byKey.putIfAbsent(key(ref), ref);
        }
    }

    /** Whether a reference found by an earlier pattern already starts at this position's token. */
    private static boolean covered(TreeMap<Integer, String> found, int start, String text) {
        Map.Entry<Integer, String> before = found.floorEntry(start);
        return before != null && before.getKey() + before.getValue().length() + 4 > start
                && before.getKey() <= start && start - before.getKey() < 6;
    }

    private static String canonical(String prefix, String year, String num) {
        return prefix.toUpperCase(Locale.ROOT) + "-" + year + "-" + num;
    }

    private static String clean(String ref) {
        String r = MailText.plainSpaces(ref).trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "-");
        Matcher m = PREFIX_YEAR.matcher(r);
        if (m.matches()) {
            return canonical(m.group("prefix"), m.group("year"), m.group("num"));
        }
        return r;
    }

    /** Letters and digits only, upper case: the same rule as the item numbers they are matched against. */
    public static String key(String ref) {
        StringBuilder sb = new StringBuilder(ref.length());
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
