package io.arfollowup.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    /** Case B02: schedule names come from the follow-up id: valid, deterministic, no personal data. */
    @Test
    void followUpIds_areValidScheduleNames_deterministic_andCollisionFree() {
        String responseId = Ids.responseIdForMail("marc.dubreuil+compta@atelier-dubreuil.example.net/FA-2025-0142/avoir#2");
        String a = Ids.followUpId(responseId, 1, 0);
        assertThat(a).matches("^[0-9A-Za-z._-]{1,64}$").startsWith("fu-").doesNotContain("@", "dubreuil");
        assertThat(Ids.followUpId(responseId, 1, 0)).isEqualTo(a);
        assertThat(Ids.followUpId(responseId, 1, 1)).isNotEqualTo(a);
        assertThat(Ids.followUpId(responseId, 2, 0)).isNotEqualTo(a);
        // two raw ids that a naive sanitizer would merge still get distinct names
        assertThat(Ids.derived("fu-", "FA-2025-0142/avoir#2")).isNotEqualTo(Ids.derived("fu-", "FA-2025-0142-avoir-2"));
    }

    @Test
    void randomIds_useTheCaseInsensitiveAlphabet() {
        for (int i = 0; i < 200; i++) {
            assertThat(Ids.random(20)).matches("^[a-z2-7]{20}$");
        }
    }

    @Test
    void base32_encodesKnownVector() {
        // RFC 4648 test vector "foobar" → MZXW6YTBOI (lower case here)
        assertThat(Ids.base32("foobar".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 10)).isEqualTo("mzxw6ytboi");
    }
}
