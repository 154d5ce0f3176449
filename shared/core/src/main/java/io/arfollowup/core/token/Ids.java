package io.arfollowup.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Identifiers. Deterministic ones (a hash of what they name) make retries idempotent: the same SES message always
 * gives the same response id, the same qualification group the same follow-up id and schedule name. All use
 * lower-case base32 ([a-z2-7]), safe in schedule names, S3 keys and case-folding mail servers.
 */
public final class Ids {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static volatile SecureRandom random = new SecureRandom();

    private Ids() {
    }

    /** prefix + 26 base32 characters (130 bits) of SHA-256 over the parts. */
    public static String derived(String prefix, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return prefix + base32(sha.digest(), 26);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new generator, seeded afresh: called after a SnapStart restore, so that copies restored from one snapshot
     * never draw from the same state (docs/decisions/snapstart-priming.md).
     */
    public static void reseed() {
        random = new SecureRandom();
    }

    /** A random id of {@code length} base32 characters (5 bits each). */
    public static String random(int length) {
        byte[] bytes = new byte[(length * 5 + 7) / 8];
        random.nextBytes(bytes);
        return base32(bytes, length);
    }

    public static String responseIdForMail(String mailKey) {
        return derived("em-", mailKey);
    }

    public static String followUpId(String responseId, int qualificationVersion, int group) {
        return derived("fu-", responseId, Integer.toString(qualificationVersion), Integer.toString(group));
    }

    static String base32(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && sb.length() < length) {
                sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0 && sb.length() < length) {
            sb.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return sb.toString();
    }
}
