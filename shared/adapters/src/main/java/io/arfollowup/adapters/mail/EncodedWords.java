package io.arfollowup.adapters.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient RFC 2047 decoder. Adjacent encoded words of one charset are decoded together, so a UTF-8 character split
 * across two words comes back whole; Q words with raw spaces, base64 with bad padding, unknown charset labels and
 * text around words (";" between words) are read rather than rejected. Charsets go through {@link Charsets}.
 */
public final class EncodedWords {

    private static final Pattern UNTERMINATED = Pattern.compile("=\\?([^?\\s]{1,40})\\?([QqBb])\\?([^?]*)$");
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,40})\\?([QqBb])\\?([^?]*?)\\?=");

    private EncodedWords() {
    }

    /** Decodes the encoded words of an unstructured header value (Subject, a display name, a file name). */
    public static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String gap = text.substring(last, m.start());
            boolean whitespaceGap = gap.isBlank();
            String charset = m.group(1);
            int star = charset.indexOf('*');
            if (star > 0) {
                charset = charset.substring(0, star); // RFC 2231 language suffix
            }
            if (!(previousWasWord && whitespaceGap)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(gap);
            } else if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : q(m.group(3));
            pending.write(bytes, 0, bytes.length);
            pendingCharset = charset;
            previousWasWord = true;
            last = m.end();
        }
        String rest = text.substring(last);
        Matcher open = UNTERMINATED.matcher(rest);
        if (open.find()) {
            // a word cut by a client (no "?=" at the end): decode what is there
            String gap = rest.substring(0, open.start());
            if (!(previousWasWord && gap.isBlank())) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(gap);
            }
            String charset = open.group(1);
            byte[] bytes = open.group(2).equalsIgnoreCase("B") ? base64(open.group(3)) : q(open.group(3));
            if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset);
            }
            pending.write(bytes, 0, bytes.length);
            flush(out, pending, charset);
            return out.toString();
        }
        flush(out, pending, pendingCharset);
        out.append(rest);
        return out.toString();
    }

    /**
     * Makes the encoded words of an address header harmless before the address is parsed: each run of words becomes
     * a quoted string (or escaped text inside an existing quoted string or comment), so a decoded word can never be
     * read as an address.
     */
    public static String protectInAddressHeader(String header) {
        if (header == null || !header.contains("=?")) {
            return header;
        }
        Matcher m = WORD.matcher(header);
        StringBuilder out = new StringBuilder(header.length() + 16);
        int last = 0;
        int runStart = -1;
        int runEnd = -1;
        while (m.find()) {
            if (runStart >= 0 && header.substring(runEnd, m.start()).isBlank()) {
                runEnd = m.end();
                continue;
            }
            if (runStart >= 0) {
                last = emitRun(header, out, last, runStart, runEnd);
            }
            runStart = m.start();
            runEnd = m.end();
        }
        if (runStart >= 0) {
            last = emitRun(header, out, last, runStart, runEnd);
        }
        out.append(header.substring(last));
        return out.toString();
    }

    private static int emitRun(String header, StringBuilder out, int last, int start, int end) {
        out.append(header, last, start);
        String decoded = decode(header.substring(start, end)).replace("\r", " ").replace("\n", " ");
        int state = stateAt(header, start);
        if (state == 1) {
            out.append(escape(decoded, "\"\\"));
        } else if (state == 2) {
            out.append(escape(decoded, "()\\"));
        } else {
            out.append('"').append(escape(decoded, "\"\\")).append('"');
        }
        return end;
    }

    /** 0 = outside, 1 = inside a quoted string, 2 = inside a comment. */
    private static int stateAt(String s, int pos) {
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < pos; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '"' && comment == 0) {
                quoted = true;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            }
        }
        return quoted ? 1 : comment > 0 ? 2 : 0;
    }

    private static String escape(String s, String special) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (special.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() == 0) {
            return;
        }
        out.append(Charsets.decode(pending.toByteArray(), charset));
        pending.reset();
    }

    static byte[] q(String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                b.write(' ');
            } else if (c == '=' && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                b.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                b.write(c);
            } else {
                byte[] u = String.valueOf(c).getBytes(c <= 0xFF ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                b.write(u, 0, u.length);
            }
        }
        return b.toByteArray();
    }

    static byte[] base64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                clean.append(c);
            }
        }
        int usable = clean.length() - clean.length() % 4;
        int rest = clean.length() % 4;
        String body = clean.substring(0, usable);
        if (rest >= 2) {
            body = body + clean.substring(usable) + "=".repeat(4 - rest);
        }
        try {
            return java.util.Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
