package io.arfollowup.adapters.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the bytes of a text part or header into a string whatever its label says. Labels go through an alias map
 * ({@code cp-1252}, {@code utf8}, {@code win-1252}, …), then Java's own names. Western single-byte labels
 * (us-ascii, iso-8859-1, windows-1252) and missing or unknown labels are read as UTF-8 when the bytes are valid
 * UTF-8, else as windows-1252 (the superset every mail client really writes). A UTF-8 label on bytes that are not
 * UTF-8 keeps the valid sequences and reads the stray bytes as windows-1252. Never throws.
 */
public final class Charsets {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"), Map.entry("utf", "UTF-8"), Map.entry("unicode11utf8", "UTF-8"),
            Map.entry("xunicode20utf8", "UTF-8"), Map.entry("unicode", "UTF-8"),
            Map.entry("cp1252", "windows-1252"), Map.entry("win1252", "windows-1252"),
            Map.entry("windows1252", "windows-1252"), Map.entry("ansi", "windows-1252"),
            Map.entry("xansi", "windows-1252"), Map.entry("ms1252", "windows-1252"),
            Map.entry("cp1250", "windows-1250"), Map.entry("win1250", "windows-1250"),
            Map.entry("cp1251", "windows-1251"), Map.entry("win1251", "windows-1251"),
            Map.entry("latin1", "ISO-8859-1"), Map.entry("latin9", "ISO-8859-15"), Map.entry("latin0", "ISO-8859-15"),
            Map.entry("iso88591", "ISO-8859-1"), Map.entry("iso885915", "ISO-8859-15"),
            Map.entry("iso88592", "ISO-8859-2"), Map.entry("iso885916", "ISO-8859-16"),
            Map.entry("ascii", "US-ASCII"), Map.entry("usascii", "US-ASCII"), Map.entry("ansix341968", "US-ASCII"),
            Map.entry("ksc56011987", "EUC-KR"), Map.entry("ks_c_5601-1987", "EUC-KR"),
            Map.entry("gb2312", "GBK"), Map.entry("xgbk", "GBK"), Map.entry("sjis", "Shift_JIS"),
            Map.entry("xsjis", "Shift_JIS"), Map.entry("macintosh", "x-MacRoman"), Map.entry("mac", "x-MacRoman"),
            Map.entry("xmacroman", "x-MacRoman"));

    private Charsets() {
    }

    /** The charset a label names, or null when the label is missing or unknown. */
    public static Charset resolve(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().replace("\"", "").replace("'", "");
        if (l.isEmpty()) {
            return null;
        }
        String key = l.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String alias = ALIASES.get(key);
        try {
            if (alias != null) {
                return Charset.forName(alias);
            }
            return Charset.forName(l);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** True for the labels that are really "some western single-byte text": read as UTF-8 first, then 1252. */
    private static boolean western(Charset cs) {
        if (cs == null) {
            return true;
        }
        String n = cs.name();
        return n.equals("US-ASCII") || n.equals("ISO-8859-1") || n.equals("windows-1252");
    }

    public static String decode(byte[] bytes, String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    public static String decode(byte[] bytes, int off, int len, String label) {
        if (isAscii(bytes, off, len)) {
            return new String(bytes, off, len, StandardCharsets.US_ASCII);
        }
        Charset cs = resolve(label);
        if (western(cs)) {
            String utf8 = strictUtf8(bytes, off, len);
            return utf8 != null ? utf8 : new String(bytes, off, len, WINDOWS_1252);
        }
        if (cs.equals(StandardCharsets.UTF_8)) {
            String utf8 = strictUtf8(bytes, off, len);
            return utf8 != null ? utf8 : mixedUtf8(bytes, off, len);
        }
        try {
            return new String(bytes, off, len, cs);
        } catch (RuntimeException e) {
            return mixedUtf8(bytes, off, len);
        }
    }

    /** True when the label was missing or unknown (what was read is a guess). */
    public static boolean isUnknown(String label) {
        return label != null && !label.isBlank() && resolve(label) == null;
    }

    /** A header line kept byte-for-byte (one char per byte) decoded: UTF-8 when valid, else windows-1252. */
    public static String fromRawHeader(String bytesAsChars) {
        if (bytesAsChars == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < bytesAsChars.length(); i++) {
            char c = bytesAsChars.charAt(i);
            if (c > 0xFF) {
                return bytesAsChars; // already decoded text
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return bytesAsChars;
        }
        byte[] b = bytesAsChars.getBytes(StandardCharsets.ISO_8859_1);
        return decode(b, null);
    }

    static String strictUtf8(byte[] bytes, int off, int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Valid UTF-8 sequences as UTF-8, every other byte as windows-1252. */
    static String mixedUtf8(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i] & 0xFF;
            int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                    : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (need == 0) {
                sb.append((char) c);
                i++;
                continue;
            }
            if (need > 0 && i + need < end) {
                boolean ok = true;
                for (int k = 1; ok && k <= need; k++) {
                    ok = (b[i + k] & 0xC0) == 0x80;
                }
                if (ok) {
                    String s = new String(b, i, need + 1, StandardCharsets.UTF_8);
                    if (s.indexOf('\uFFFD') < 0) {
                        sb.append(s);
                        i += need + 1;
                        continue;
                    }
                }
            }
            sb.append(new String(b, i, 1, WINDOWS_1252));
            i++;
        }
        return sb.toString();
    }

    private static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
