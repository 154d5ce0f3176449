package io.arfollowup.core.mail;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers shared by the mail rules: line splitting, blank tests, matching keys that ignore case and accents. */
public final class MailText {

    private MailText() {
    }

    /** CRLF and lone CR become LF. */
    public static String unixLines(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Spaces of every kind (NBSP, narrow NBSP, thin spaces) become a plain space; zero-width marks disappear. */
    public static String plainSpaces(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r;
            if (c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009' || c == '\u2002' || c == '\u2003'
                    || c == '\t') {
                r = ' ';
            } else if (c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060') {
                r = 0;
            } else {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (r != 0) {
                sb.append(r);
            }
        }
        return sb == null ? s : sb.toString();
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Lower case, accents removed, spaces of every kind folded to one space, trimmed: a key for phrase lists. */
    public static String key(String s) {
        String t = plainSpaces(s).toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < t.length() && ascii; i++) {
            ascii = t.charAt(i) < 128;
        }
        if (!ascii) {
            t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            t = t.replace('\u2019', '\'').replace('\u2018', '\'').replace('œ', 'o').replace('ß', 's');
        }
        return t.trim().replaceAll(" {2,}", " ");
    }

    /**
     * The final shape of a text we show: LF line ends, U+FEFF removed, trailing spaces stripped, runs of blank lines
     * folded to one, no leading or trailing blank line.
     */
    public static String tidy(String text) {
        String[] lines = unixLines(text).split("\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        boolean pendingBlank = false;
        for (String raw : lines) {
            String line = stripTrailing(raw.replace("\uFEFF", "").replace("\u200B", ""));
            if (isBlank(line)) {
                pendingBlank = sb.length() > 0;
                continue;
            }
            if (pendingBlank) {
                sb.append('\n');
                pendingBlank = false;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
