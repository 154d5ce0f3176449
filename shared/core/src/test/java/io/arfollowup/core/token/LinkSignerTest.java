package io.arfollowup.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final Instant NOW = Instant.parse("2025-03-11T08:00:00Z");
    private final LinkSigner signer = new LinkSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private String token() {
        return signer.sign(new LinkClaims("customer", "client-7f3e9c2a", "rem-42", NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void tokens_areBase64UrlWithoutPadding_andVerify() {
        String t = token();
        assertThat(t).matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
        assertThat(signer.verify(t)).isInstanceOfSatisfying(LinkSigner.Valid.class,
                v -> assertThat(v.claims().subject()).isEqualTo("client-7f3e9c2a"));
    }

    /** Case W01: mangled in transit ('+' → space, '=' stripped), tampered, truncated, or expired. */
    @Test
    void mangledTamperedAndExpiredTokens_areRecognised() {
        String t = token();
        // '+', '/' and '=' never appear, so a client that turns '+' into a space or strips '=' cannot mangle it
        assertThat(t).doesNotContain("+", "/", "=");
        for (int i = 0; i < t.length(); i++) {
            char flipped = t.charAt(i) == 'A' ? 'B' : 'A';
            String changed = t.substring(0, i) + flipped + t.substring(i + 1);
            assertThat(signer.verify(changed)).as("one character changed at " + i).isInstanceOf(LinkSigner.Invalid.class);
        }
        assertThat(signer.verify(t.replace('-', ' ').replace('_', ' ') + " ")).isInstanceOf(LinkSigner.Invalid.class);
        assertThat(signer.verify(t.substring(0, t.length() - 2))).isInstanceOf(LinkSigner.Invalid.class);
        assertThat(signer.verify(t + "=")).isInstanceOf(LinkSigner.Invalid.class);
        assertThat(signer.verify(t.replace('.', ' '))).isInstanceOf(LinkSigner.Invalid.class);
        String other = signer.sign(new LinkClaims("customer", "client-OTHER", "rem-42", NOW.plus(Duration.ofDays(30))));
        String forged = other.substring(0, other.indexOf('.')) + t.substring(t.indexOf('.'));
        assertThat(signer.verify(forged)).isInstanceOf(LinkSigner.Invalid.class);
        assertThat(signer.verify(null)).isInstanceOf(LinkSigner.Invalid.class);

        String expired = signer.sign(new LinkClaims("customer", "c", "s", NOW.minusSeconds(1)));
        assertThat(signer.verify(expired)).isInstanceOf(LinkSigner.Expired.class);
    }

    @Test
    void aTokenSignedWithAnotherKey_isInvalid() {
        LinkSigner other = new LinkSigner("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.verify(token())).isInstanceOf(LinkSigner.Invalid.class);
    }
}
