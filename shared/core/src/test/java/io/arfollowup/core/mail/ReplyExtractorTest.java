package io.arfollowup.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyExtractorTest {

    private final ReplyExtractor extractor = new ReplyExtractor();
    private static final ReplyExtractor.Context CTX =
            new ReplyExtractor.Context("Re: Relance", "Jeanne Morel", "j.morel@client.example");

    private String extract(String text) {
        return extractor.extract(text, CTX).newText();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le mer. 5 nov. 2025 à 10:14, Relances <relances@x.example> a écrit :",
        "Le 5 nov. 2025 à 10:14, Relances <relances@x.example> a écrit\u00a0:",
        "On Wed, Nov 5, 2025 at 10:14\u202fAM Relances <relances@x.example> wrote:",
        "Am 05.11.2025 um 10:14 schrieb Relances <relances@x.example>:",
        "Relances <relances@x.example> schrieb am Mi., 5. Nov. 2025, 10:14:",
        "El mié, 5 nov 2025 a las 10:14, Relances (<relances@x.example>) escribió:",
        "Il giorno mer 5 nov 2025 alle ore 10:14 Relances <relances@x.example> ha scritto:",
        "Le 2025-11-05 10:14, Relances Atelier Lumen a écrit :",
        "Le mercredi 5 novembre 2025 à 10:14:37 UTC+1, Relances <relances@x.example> a écrit :"})
    void extract_attributionInFiveLanguages_cutsTheQuote(String attribution) {
        String text = "Bonjour,\n\nC'est payé.\n\nCordialement,\nJeanne\n\n" + attribution + "\n\n> Bonjour,\n> La facture FA-1 est due.\n";

        assertThat(extract(text)).isEqualTo("Bonjour,\n\nC'est payé.\n\nCordialement,");
    }

    @Test
    void extract_attributionWrappedAfterAngleBracket_isHistory() {
        String text = "Merci, c'est noté pour FA-2025-00001.\n\nOn Thu, Nov 6, 2025 at 3:05 AM Camille Roux <\n"
                + "relances@x.example> wrote:\n\n> Hello\n";

        assertThat(extract(text)).isEqualTo("Merci, c'est noté pour FA-2025-00001.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "De\u00a0: Relances <r@x.example>\nEnvoyé\u00a0: mardi 4 mars 2025 10:12\nÀ\u00a0: Jeanne\nObjet\u00a0: Rappel",
        "From: Relances <r@x.example>\nSent: Tuesday, March 4, 2025 10:12 AM\nTo: Jeanne\nSubject: Reminder",
        "Von: Relances <r@x.example>\nGesendet: Dienstag, 4. März 2025 10:12\nAn: Jeanne\nBetreff: Mahnung",
        "De: Relances <r@x.example>\nEnviado el: martes, 4 de marzo de 2025 10:12\nPara: Jeanne\nAsunto: Recordatorio",
        "Da: Relances <r@x.example>\nInviato: martedì 4 marzo 2025 10:12\nA: Jeanne\nOggetto: Sollecito",
        "*From:* Relances <r@x.example>\n*Sent:* Tuesday, March 4, 2025 10:12 AM\n*To:* Jeanne\n*Subject:* Reminder",
        "-----Original Message-----\nFrom: r@x.example",
        "-----Message d'origine-----\nDe : Relances [mailto:r@x.example]",
        "-----Ursprüngliche Nachricht-----\nVon: r@x.example",
        "-----Mensaje original-----\nDe: r@x.example",
        "-----Messaggio originale-----\nDa: r@x.example",
        "________________________________\nDe : Relances <r@x.example>\nEnvoyé : Wednesday, November 5, 2025 10:14:37 AM",
        "----- Mail original -----\nDe: \"Relances\" <r@x.example>"})
    void extract_outlookStyleHeaderBlocks_cutEverythingBelow(String block) {
        String text = "Bonjour,\n\nLe virement est parti ce matin.\n\n" + block + "\n\nBonjour,\nSauf erreur de notre part...\n";

        assertThat(extract(text)).isEqualTo("Bonjour,\n\nLe virement est parti ce matin.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Envoyé de mon iPhone", "Sent from my iPhone", "Von meinem iPhone gesendet",
        "Enviado desde mi iPhone", "Inviato da iPhone", "Télécharger Outlook pour iOS<https://aka.ms/o0ukef>",
        "Get Outlook for Android<https://aka.ms/ghei36>", "Envoyé depuis mon appareil Galaxy"})
    void extract_mobileTaglines_areDropped(String tagline) {
        assertThat(extract("Virement fait ce matin.\n\n" + tagline + "\n\n> Le 5 nov. 2025 à 10:14, X a écrit :\n> Bonjour"))
                .isEqualTo("Virement fait ce matin.");
    }

    @Test
    void extract_signatureDelimiter_dropsTheSignature() {
        assertThat(extract("Réglé le 4.\n\n-- \nJeanne Morel\nComptable\n04 00 00 00 00"))
                .isEqualTo("Réglé le 4.");
        assertThat(extract("Réglé le 4.\n\n--\nJeanne Morel")).isEqualTo("Réglé le 4.");
    }

    @Test
    void extract_nameLineWithoutClosing_isTheSignatureStart() {
        assertThat(extract("Paid in full today.\n\nJeanne Morel\nAccounts Payable")).isEqualTo("Paid in full today.");
        assertThat(extract("Paid in full today.\n\nMorel, Jeanne\nAccounts Payable")).isEqualTo("Paid in full today.");
        assertThat(extract("Paid in full today.\nJeanne")).isEqualTo("Paid in full today.");
    }

    @Test
    void extract_closingFormulaCombination_keepsItAndDropsTheSignature() {
        assertThat(extract("Bonjour,\n\nC'est payé.\n\nMerci et bonne fin de journée,\n\nJ. Morel\nSARL Morel"))
                .isEqualTo("Bonjour,\n\nC'est payé.\n\nMerci et bonne fin de journée,");
        assertThat(extract("Hallo,\n\nbezahlt.\n\nMit freundlichen Grüßen\nJeanne Morel\nMorel GmbH"))
                .isEqualTo("Hallo,\n\nbezahlt.\n\nMit freundlichen Grüßen");
    }

    @Test
    void extract_closingFollowedByProse_isNotASignature() {
        String text = "Bonjour,\n\nMerci,\nnous avons bien reçu votre relance et nous allons procéder au paiement de la "
                + "facture dès que possible, au plus tard vendredi prochain.\n\nCordialement,\nJeanne";

        assertThat(extract(text)).startsWith("Bonjour,\n\nMerci,\nnous avons bien reçu").endsWith("Cordialement,");
    }

    @Test
    void extract_disclaimerAfterTheQuote_isDropped() {
        String text = "OK pour le 15.\n\nCordialement,\n\n> Bonjour, la facture est échue.\n\n"
                + "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses "
                + "destinataires.\n";

        assertThat(extract(text)).isEqualTo("OK pour le 15.\n\nCordialement,");
    }

    @Test
    void extract_disclaimerInTheBody_isDropped() {
        String text = "Payment will be made on Friday.\n\nThis email and any attachments are confidential and intended "
                + "solely for the addressee.";

        assertThat(extract(text)).isEqualTo("Payment will be made on Friday.");
    }

    @Test
    void extract_bottomPosting_keepsTheTextBelowTheQuote() {
        String text = "Le 05/11/2025 à 10:14, Relances a écrit :\n> Bonjour,\n> la facture est échue.\n\n"
                + "Bonjour,\n\nNous contestons cette facture.\n\nCordialement,\n\n-- \nJeanne";

        assertThat(extract(text)).isEqualTo("Bonjour,\n\nNous contestons cette facture.\n\nCordialement,");
    }

    @Test
    void extract_interleavedAnswers_areKeptInOrderOneBlockEach() {
        String text = "Le 05/11/2025 à 10:14, Relances a écrit :\n> FA-2025-00001 : 100 €\n"
                + "Payée le 3 novembre.\n> FA-2025-00002 : 200 €\nContestée, voir mon mail du 2.\n> Cordialement\n";

        assertThat(extract(text)).isEqualTo("Payée le 3 novembre.\n\nContestée, voir mon mail du 2.");
    }

    @Test
    void extract_forwardOnPurpose_keepsTheForwardedContentAndSaysSo() {
        ReplyExtractor.Result r = extractor.extract("Voici la confirmation de notre banque.\n\n"
                        + "---------- Forwarded message ---------\nFrom: Banque <ne-pas-repondre@banque.example>\n"
                        + "Date: Wed, Nov 5, 2025\nSubject: Virement exécuté\n\nVotre virement de 1 840,00 € a été exécuté.\n",
                new ReplyExtractor.Context("Fwd: Virement exécuté", "Jeanne Morel", "j.morel@client.example"));

        assertThat(r.forwarded()).isTrue();
        assertThat(r.newText()).startsWith("Voici la confirmation de notre banque.")
                .contains("Votre virement de 1 840,00 € a été exécuté.");
    }

    @Test
    void extract_outlookForward_subjectSaysForward_keepsContent() {
        ReplyExtractor.Result r = extractor.extract("Pour info, ci-dessous.\n\nDe : Compta <c@client.example>\n"
                        + "Envoyé : mercredi 5 novembre 2025 10:14\nÀ : Jeanne\nObjet : Paiement\n\nLe paiement est validé.\n",
                new ReplyExtractor.Context("TR: Paiement", "Jeanne Morel", "j.morel@client.example"));

        assertThat(r.forwarded()).isTrue();
        assertThat(r.newText()).contains("Le paiement est validé.");
    }

    @Test
    void extract_quotedForwardInsideAReply_isHistory() {
        ReplyExtractor.Result r = extractor.extract("Je reprends le dossier.\n\nMerci,\n\n> Thomas, tu peux regarder ?\n>\n"
                        + "> ---------- Forwarded message ---------\n> From: Relances <r@x.example>\n> Facture FA-2025-00444\n",
                new ReplyExtractor.Context("Re: Fwd: Relance", "Thomas Girard", "t.girard@client.example"));

        assertThat(r.forwarded()).isFalse();
        assertThat(r.newText()).isEqualTo("Je reprends le dossier.\n\nMerci,");
    }

    @Test
    void extract_plainLineEndingWithColon_isNotAnAttribution() {
        assertThat(extract("Voici les montants payés :\n- 100 €\n- 200 €")).isEqualTo("Voici les montants payés :\n- 100 €\n- 200 €");
    }

    @Test
    void extract_hugeLinesOfRulesAndSpaces_areReadInLinearTime() {
        String rule = "- ".repeat(200_000) + "x";
        String text = "Bonjour,\n" + rule + "\n" + "=".repeat(300_000) + "\n" + "> quoted\n";

        assertThat(extract(text)).startsWith("Bonjour,\n- - -");
    }

    @Test
    void extract_signatureOfAPersonBehindASharedMailbox_isDropped() {
        ReplyExtractor.Context shared = new ReplyExtractor.Context("RE: Overdue", "Accounts Payable", "ap@client.example");

        assertThat(extractor.extract("Paid in full today, remittance advice attached.\n\nJenna Whitfield\n"
                + "Accounts Payable | Northwind Components Ltd\n+44 20 0000 0000", shared).newText())
                .isEqualTo("Paid in full today, remittance advice attached.");
        assertThat(extractor.extract("Paid in full today.\n\nMarie-Claire de La Tour", shared).newText())
                .isEqualTo("Paid in full today.");
    }

    @Test
    void extract_lastParagraphThatIsNotAName_isKept() {
        ReplyExtractor.Context shared = new ReplyExtractor.Context("RE: Overdue", "Accounts Payable", "ap@client.example");

        assertThat(extractor.extract("Paid.\n\nBank Holiday Monday", shared).newText()).isEqualTo("Paid.\n\nBank Holiday Monday");
        assertThat(extractor.extract("Paid.\n\nVirement envoyé", shared).newText()).isEqualTo("Paid.\n\nVirement envoyé");
        assertThat(extractor.extract("Paid.\n\nSee FA-2025-00412 Details", shared).newText()).endsWith("Details");
    }

    @Test
    void extract_bareAttributionRightAboveAQuote_isHistory() {
        assertThat(extract("Le 15 sans faute.\n\nRelances Atelier Lumen wrote:\n> Hello\n> FA-2025-1")).isEqualTo("Le 15 sans faute.");
        assertThat(extract("Le 15.\nRelances a écrit :\n> Bonjour")).isEqualTo("Le 15.");
    }

    @Test
    void extract_disclaimersInOtherLanguages_areDropped() {
        assertThat(extract("Pagado ayer.\n\nEste mensaje y sus anexos son confidenciales y van dirigidos exclusivamente al destinatario."))
                .isEqualTo("Pagado ayer.");
        assertThat(extract("Pagato ieri.\n\nQuesto messaggio e i suoi allegati sono indirizzati esclusivamente al destinatario."))
                .isEqualTo("Pagato ieri.");
        assertThat(extract("Bezahlt.\n\nDiese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen."))
                .isEqualTo("Bezahlt.");
    }
}
