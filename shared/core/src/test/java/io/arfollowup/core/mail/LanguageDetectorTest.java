package io.arfollowup.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void detect_frenchEnglishAndOthers() {
        assertThat(detector.detect("Bonjour,\n\nLe virement est parti hier soir pour la facture.")).isEqualTo("fr");
        assertThat(detector.detect("Hi,\n\nThe invoice will be paid on Friday, thanks for your patience.")).isEqualTo("en");
        assertThat(detector.detect("Guten Tag,\n\ndie Rechnung wurde heute bezahlt. Mit freundlichen Grüßen"))
                .isEqualTo("other");
        assertThat(detector.detect("La factura se pagó ayer por transferencia. Un saludo")).isEqualTo("other");
        assertThat(detector.detect("La fattura è stata pagata con bonifico. Cordiali saluti")).isEqualTo("other");
    }

    @Test
    void detect_bilingualText_takesTheFirstParagraphThatSaysEnough() {
        assertThat(detector.detect("Bonjour / Hello,\n\nNous avons payé la facture hier.\n\nWe paid the invoice yesterday."))
                .isEqualTo("fr");
        assertThat(detector.detect("Hello,\n\nWe paid the invoice yesterday.\n\nNous avons payé la facture hier."))
                .isEqualTo("en");
    }

    @Test
    void detect_nothingToGoOn_isNull() {
        assertThat(detector.detect("   ")).isNull();
        assertThat(detector.detect("12345")).isEqualTo("other");
    }
}
