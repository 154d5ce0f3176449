package io.arfollowup.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

    @Test
    void decode_utf8CharacterSplitAcrossTwoWords_comesBackWhole() {
        assertThat(EncodedWords.decode("=?UTF-8?Q?facture_FA-2025-00470_=C3?=\r\n =?UTF-8?Q?=A9chue?="))
                .isEqualTo("facture FA-2025-00470 échue");
    }

    @Test
    void decode_lenientShapes() {
        assertThat(EncodedWords.decode("=?iso-8859-1?Q?Fran=E7ois Lef=E8vre?=")).isEqualTo("François Lefèvre");
        assertThat(EncodedWords.decode("=?utf-8?B?UsOoZ2xlbWVudCBmYWN0dXJl?=;=?utf-8?B?IEZBLTIwMjUtMDE0Mg==?="))
                .isEqualTo("Règlement facture; FA-2025-0142");
        assertThat(EncodedWords.decode("=?UTF-8?B?anVzdGlmaWNhdGlmX8OpY2jDqWFuY2UucGRm=?="))
                .isEqualTo("justificatif_échéance.pdf");
        assertThat(EncodedWords.decode("=?cp-1252?Q?r=E8glement_=96_effectu=E9?=")).isEqualTo("règlement – effectué");
        assertThat(EncodedWords.decode("=?utf8?B?w6ljaHVl?=")).isEqualTo("échue");
        assertThat(EncodedWords.decode("=?utf-8*fr?Q?d=C3=A9j=C3=A0?=")).isEqualTo("déjà");
        assertThat(EncodedWords.decode("Re: =?utf-8?Q?pay=C3=A9")).isEqualTo("Re: payé");
        assertThat(EncodedWords.decode("plain text")).isEqualTo("plain text");
    }

    @Test
    void protectInAddressHeader_decodedWordNeverBecomesAnAddress() {
        assertThat(EncodedWords.protectInAddressHeader("=?utf-8?Q?boss=40victim.example?= <attacker@evil.example>"))
                .isEqualTo("\"boss@victim.example\" <attacker@evil.example>");
        assertThat(EncodedWords.protectInAddressHeader("\"=?utf-8?Q?a=22b?=\" <x@y.example>"))
                .isEqualTo("\"a\\\"b\" <x@y.example>");
        assertThat(EncodedWords.protectInAddressHeader("x@y.example (=?utf-8?Q?Jo=C3=ABl_=28AP=29?=)"))
                .isEqualTo("x@y.example (Joël \\(AP\\))");
    }
}
