package io.arfollowup.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceRefFinderTest {

    private final InvoiceRefFinder finder = new InvoiceRefFinder();

    @ParameterizedTest
    @ValueSource(strings = {"FA-2025-00412", "FA 2025 00412", "fa202500412", "FA2025-00412", "FA 2025-00412",
        "Fa/2025/00412", "FA-2025 00412"})
    void find_spellingVariants_normaliseToOneReference(String written) {
        assertThat(finder.find(null, "Le paiement de " + written + " est parti.")).containsExactly("FA-2025-00412");
    }

    @Test
    void find_subjectFirstThenTextWithoutDuplicates() {
        assertThat(finder.find("Re: Relance : facture FA-2025-00415 échue",
                "FA-2025-00398 est payée, et fa 2025 00415 part vendredi."))
                .containsExactly("FA-2025-00415", "FA-2025-00398");
    }

    @Test
    void find_otherNumbers_areNotInvoices() {
        String text = "PO 4500123987, BWH-PO-77120, remittance ref HL-PAY-88213, BL n° 2025-1187, chèque n° 0004127, "
                + "claim MF-CLM-2025-044, avoir AV-2025-00012, credit note CN-2025-0003, libellé FACT 484 485, "
                + "IBAN FR76 3000 4000 0500 0012 3456 789, le 18/10/2025, 1 840,00 €, bon de commande BC-2025-118.";

        assertThat(finder.find("Purchase order 4500123987", text)).isEmpty();
    }

    @Test
    void find_numberAfterTheWordInvoice_inFiveLanguages() {
        assertThat(finder.find(null, "facture n°2025-031")).containsExactly("2025-031");
        assertThat(finder.find(null, "invoice no. 88412")).containsExactly("88412");
        assertThat(finder.find(null, "Rechnung Nr. RE-2025-123")).containsExactly("RE-2025-123");
        assertThat(finder.find(null, "la factura 2025/0458")).containsExactly("2025/0458");
        assertThat(finder.find(null, "la fattura n. 1234")).containsExactly("1234");
        assertThat(finder.find(null, "INV-7781 is paid")).containsExactly("INV-7781");
    }

    @Test
    void find_dateAfterTheWordInvoice_isNotAReference() {
        assertThat(finder.find(null, "votre facture 15/09/2025 est réglée")).isEmpty();
    }

    @Test
    void find_extraPatternsFromConfig_addTheirReferences() {
        InvoiceRefFinder configured = InvoiceRefFinder.fromConfig("\\bF(?<ref>\\d{6})\\b;;(?<ref>DOC-\\d{4})");

        assertThat(configured.find(null, "Pièce F123456 et DOC-0042 réglées")).containsExactly("123456", "DOC-0042");
        assertThat(new InvoiceRefFinder(List.of(Pattern.compile("ZZ\\d+"))).find("ZZ12", null)).containsExactly("ZZ12");
    }
}
