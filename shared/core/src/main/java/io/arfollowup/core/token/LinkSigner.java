package io.arfollowup.core.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed web links (DESIGN §8): {@code base64url(kind|subject|scope|expiry) + "." + base64url(HMAC-SHA256)}, both
 * without padding, so '+', '/' and '=' never appear and mail clients or link rewriters cannot mangle them (case W01).
 * Verification recomputes the HMAC and compares in constant time before anything else is trusted; nothing is
 * written before it succeeds. The key comes from the environment (Secrets Manager in AWS).
 */
public final class LinkSigner {

    /** The outcome of checking a link. */
    public sealed interface Verification permits Valid, Expired, Invalid {
    }

    /** Authentic and in date. */
    public record Valid(LinkClaims claims) implements Verification {
    }

    /** Authentic but past its expiry: the page offers a new link. */
    public record Expired(LinkClaims claims) implements Verification {
    }

    /** Tampered, truncated, mangled or not ours: a friendly 400 page, nothing else. */
    public record Invalid(String reason) implements Verification {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final java.util.List<byte[]> previousKeys;
    private final Clock clock;

    public LinkSigner(byte[] key, Clock clock) {
        this(key, java.util.List.of(), clock);
    }

    /**
     * {@code previousKeys}: keys that signed links still in people's mailboxes. Links are signed with {@code key}
     * only; a link signed with a previous key still verifies, so rotating the key breaks no link
     * (docs/operations.md, rotating the link key).
     */
    public LinkSigner(byte[] key, java.util.List<byte[]> previousKeys, Clock clock) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the link-signing key needs at least 32 bytes");
        }
        for (byte[] previous : previousKeys) {
            if (previous == null || previous.length < 32) {
                throw new IllegalArgumentException("a previous link-signing key needs at least 32 bytes");
            }
        }
        this.key = key.clone();
        this.previousKeys = previousKeys.stream().map(byte[]::clone).toList();
        this.clock = clock;
    }

    public String sign(LinkClaims c) {
        byte[] payload = (c.kind() + "|" + c.subject() + "|" + c.scope() + "|" + c.expiresAt().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(hmac(payload));
    }

    public Verification verify(String token) {
        if (token == null || token.length() > 2048) {
            return new Invalid("missing or oversized");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Invalid("malformed");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Invalid("not base64url");
        }
        // one spelling per token: base64 leaves unused low bits in the last character, and a second spelling of a
        // valid link would defeat single-use bookkeeping keyed on the token
        if (!B64.encodeToString(payload).equals(token.substring(0, dot))
                || !B64.encodeToString(signature).equals(token.substring(dot + 1))) {
            return new Invalid("non-canonical encoding");
        }
        if (!signedByAKnownKey(payload, signature)) {
            return new Invalid("bad signature");
        }
        String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (f.length != 4) {
            return new Invalid("malformed claims");
        }
        LinkClaims claims;
        try {
            claims = new LinkClaims(f[0], f[1], f[2], Instant.ofEpochSecond(Long.parseLong(f[3])));
        } catch (RuntimeException e) {
            return new Invalid("malformed claims");
        }
        return clock.instant().isBefore(claims.expiresAt()) ? new Valid(claims) : new Expired(claims);
    }

    /** A stable id for a token (single-use bookkeeping) that reveals nothing of it. */
    public static String tokenId(String token) {
        return Ids.derived("lk-", token);
    }

    /** Convenience: the claims when valid. */
    public Optional<LinkClaims> valid(String token) {
        return verify(token) instanceof Valid v ? Optional.of(v.claims()) : Optional.empty();
    }

    private boolean signedByAKnownKey(byte[] payload, byte[] signature) {
        boolean known = MessageDigest.isEqual(hmac(key, payload), signature);
        for (byte[] previous : previousKeys) {
            known |= MessageDigest.isEqual(hmac(previous, payload), signature); // every key tried: constant work
        }
        return known;
    }

    private byte[] hmac(byte[] payload) {
        return hmac(key, payload);
    }

    private static byte[] hmac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
