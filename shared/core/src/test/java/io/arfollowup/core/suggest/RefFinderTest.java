package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefFinderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Relance facture FA-2025-00412|FA-2025-00412",
        "la F2025/0133 est contestée|F2025/0133",
        "Payment reminder - INV-10482|INV-10482",
        "facture 2025-0712 du 22/09|2025-0712",
        "les factures FC 25 10 0347 et FC 25 10 0351|FC 25 10 0347,FC 25 10 0351",
        "facture n°4521|4521",
        "invoices 104588, 104592 and 104597|104588,104592,104597",
        "sur la FAC250322 (ligne 3)|FAC250322",
        "disputing SI-004547 (£186.40)|SI-004547",
        "Invoice #12345 is paid|12345",
        "invoice ref: SI004547|SI004547",
        "INV/2025/0042 disputed|INV/2025/0042",
        "Factura nº 2025-0456|2025-0456",
        "invoices INV-1001 & INV-1002|INV-1001,INV-1002",
        // shapes other writers invent: letters inside, after or between digit groups, two-digit years, suffixes
        "RE: Relance facture 2025-DV-077|2025-DV-077",
        "Facture 2025/DL/0418 – BL signé SVP|2025/DL/0418",
        "RE: Facture 25-FV-0412 toujours en litige|25-FV-0412",
        "Reminder: INV-CS-1187 overdue|INV-CS-1187",
        "> BW-INV-7720   15/09/2025   £250.00|BW-INV-7720",
        "2ème relance facture FAC-BT-2025-118|FAC-BT-2025-118",
        "Relance facture INV-FR-25-0733|INV-FR-25-0733",
        "Reminder: INV-5028-C overdue|INV-5028-C",
        "Payment reminder – invoice 7781-B|7781-B",
        "second reminder - invoice TQ/0921|TQ/0921",
        "la facture FR25-00981 du 12 septembre|FR25-00981",
        "3e relance facture FR-88127|FR-88127",
        "RE: Relance facture FA 25 1102|FA 25 1102",
        "Invoice number: 55-20931|55-20931",
        "factures 25-0418 et 25-0452|25-0418,25-0452",
        "Rappel échéance facture 7810-25|7810-25",
        "Overdue invoice Q-66310|Q-66310",
        "libellé VIR SEPA ATELIERS GARNIER FACT 25-0654|25-0654"})
    void findsInvoiceNumbersInTheirUsualShapes(String text, String expected) {
        assertThat(RefFinder.find(text)).containsExactly(expected.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "notre bon de commande PO 4500113892",
        "l'avoir AV-2025-0077 reçu",
        "retour RMA-2025-0912 en cours",
        "commande C-8890 annulée",
        "devis n° D-25-118 du 2 juillet",
        "ticket #88213 dated 14 Aug",
        "appelez le 06 39 98 52 17",
        "payé le 31/10/2025 par virement",
        "facture réglée, référence de l'opération VIR-99812",
        "Relance facture : 1320 euros prélevés le 28 octobre",
        "référence du virement PAY-2025-104477",
        "compte client 411000",
        "credit note CN-2025-12 received",
        "PO number missing on the invoice. Ours is 4500-7781.",
        "il manque notre bon de commande ; le nôtre est 4500-7781",
        "BL 25-08821 signé",
        "SIRET 812 447 903 00027",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "our order 55821",
        "RE: Reminder [SQ-558213]",
        "Accounts Receivable, (555) 010-4421",
        "non conformes au plan 4471-B indice C",
        "reissue it to the Irish entity (VAT IE 3815720QH)",
        "went back under return authorisation RA-40177",
        "Our vendor ID (V-20417) is not on the invoice",
        "le numéro d'engagement juridique : EJ 2025-00317",
        "the quote Q-66310 you sent in May",
        "return RMA-25-0912 booked"})
    void leavesOtherDocumentsAndNumbersOut(String text) {
        assertThat(RefFinder.find(text)).isEmpty();
    }

    @Test
    void normalisesLikeItemNumbers() {
        assertThat(RefFinder.normalize("fa 2025-00412")).isEqualTo("FA202500412");
    }
}
