package io.arfollowup.core.suggest;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, accents removed, typographic apostrophes and spaces made plain. The mapping
 * is one character for one character, so an offset found in the folded text is the same offset in the original
 * (the evidence shown to the collector is cut from the original text).
 */
final class Fold {

    private static final char[] TABLE = new char[0x2100];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            TABLE[c] = compute((char) c);
        }
    }

    private Fold() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c < TABLE.length ? TABLE[c] : c;
        }
        return new String(out);
    }

    private static char compute(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02bc', '\u00b4', '`' -> {
                return '\'';
            }
            case '\u00a0', '\u202f', '\u2007', '\u2009', '\t', '\r' -> {
                return ' ';
            }
            case '\u2013', '\u2014', '\u2011', '\u2010' -> {
                return '-';
            }
            case '\u00ab', '\u00bb', '\u201c', '\u201d' -> {
                return '"';
            }
            case '\u0153' -> {
                return 'o';
            }
            case '\u00e6' -> {
                return 'a';
            }
            case '\u00df' -> {
                return 's';
            }
            default -> {
                // fall through to decomposition
            }
        }
        char lower = Character.toLowerCase(c);
        if (lower < 0x80) {
            return lower;
        }
        String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        char base = d.charAt(0);
        return Character.isLetter(base) && base < 0x250 ? base : lower;
    }
}
