package io.arfollowup.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotating the link key (docs/operations.md): old links keep working while the previous key is listed. */
class LinkKeyRotationTest {

    private static final Instant NOW = Instant.parse("2025-03-11T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] OLD = "old-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "new-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final LinkClaims CLAIMS = new LinkClaims("customer", "c-1", "statement", NOW.plus(Duration.ofDays(30)));

    @Test
    void aLinkSignedWithThePreviousKeyStillVerifiesAfterTheRotation() {
        String oldLink = new LinkSigner(OLD, CLOCK).sign(CLAIMS);

        LinkSigner rotated = new LinkSigner(NEW, List.of(OLD), CLOCK);

        assertThat(rotated.verify(oldLink)).isInstanceOf(LinkSigner.Valid.class);
        assertThat(rotated.sign(CLAIMS)).as("new links use the new key only").isEqualTo(new LinkSigner(NEW, CLOCK).sign(CLAIMS));
    }

    @Test
    void withoutThePreviousKeyOldLinksAreRefused() {
        String oldLink = new LinkSigner(OLD, CLOCK).sign(CLAIMS);

        assertThat(new LinkSigner(NEW, CLOCK).verify(oldLink)).isInstanceOf(LinkSigner.Invalid.class);
    }

    @Test
    void aShortPreviousKeyIsRefusedAtStartup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LinkSigner(NEW, List.of(new byte[8]), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
