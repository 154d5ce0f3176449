package io.arfollowup.functions.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack request signing (v0): HMAC-SHA256 of {@code "v0:" + timestamp + ":" + raw body} with the signing secret,
 * compared in constant time, within 5 minutes of our (injected) clock. Bolt's own verifier reads the system clock
 * and compares with String.equals, so it is switched off and this one runs first (DESIGN §6).
 */
public final class SlackSignatureVerifier {

    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET is required");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public boolean isValid(String timestamp, String signature, byte[] rawBody) {
        if (timestamp == null || signature == null || !signature.startsWith("v0=")) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp.trim(), rawBody)))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature Slack would send for this body at this timestamp (tests and the local preview sign with it). */
    public static String sign(String signingSecret, String timestamp, byte[] rawBody) {
        return "v0=" + HexFormat.of().formatHex(new SlackSignatureVerifier(signingSecret, Clock.systemUTC())
                .hmac(timestamp, rawBody));
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
