package io.arfollowup.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.LetterRenderer;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfBoxLetterRendererTest {

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aFrenchLetter_keepsAccentsEuroAndTheItems_inItsText() throws Exception {
        byte[] pdf = new PdfBoxLetterRenderer().render(new LetterRenderer.Letter("Atelier Lumen",
                List.of("Café des Canuts SARL", "À l'attention d'Élodie Ferrand"), LocalDate.of(2025, 11, 5),
                Language.FR, "Relance avant mise en demeure – FA-2025-00433",
                "Madame, Monsieur,\n\nFacture      Échéance    Reste dû\nFA-2025-00433  05/10/2025  1 234,50 €\n\n"
                        + "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.", "fu-abc"));

        String text = text(pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(text).contains("Atelier Lumen").contains("Café des Canuts SARL").contains("5 novembre 2025")
                .contains("Objet : Relance avant mise en demeure – FA-2025-00433").contains("1 234,50 €")
                .contains("salutations distinguées").contains("fu-abc");
    }

    @Test
    void aLongBody_wrapsOverSeveralPages_andUnknownCharactersNeverFail() throws Exception {
        String para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ";
        byte[] pdf = new PdfBoxLetterRenderer().render(new LetterRenderer.Letter("Co", List.of("Client 日本"),
                LocalDate.of(2025, 1, 2), Language.EN, "Final reminder 🙂", (para.repeat(8) + "\n").repeat(30), "r"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text(pdf)).contains("Client ??").contains("Subject: Final reminder ?").contains("2 January 2025");
    }
}
