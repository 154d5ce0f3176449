package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyCleanerTest {

    @Test
    void cutsAGmailQuoteWrappedOnTwoLines() {
        String text = "Bonjour,\n\nPaiement effectué hier.\n\nCordialement,\nJeanne\n\n"
                + "Le mar. 4 nov. 2025 à 09:12, Service Recouvrement <relances@example.fr> a\nécrit :\n"
                + "> Sauf erreur, la facture FA-1 reste impayée.\n> En cas de litige, contactez-nous.";

        assertThat(ReplyCleaner.clean(text)).isEqualTo("Bonjour,\n\nPaiement effectué hier.");
    }

    @Test
    void cutsAnOutlookHeaderBlockAndTheMobileFooter() {
        String text = "Will be paid this week.\n\nSent from my iPhone\n\n________________________________\n"
                + "From: Credit Control <cc@example.co.uk>\nSent: 04 November 2025 09:00\nTo: Ann\n"
                + "Subject: Payment reminder\n\nPlease note the invoice is in dispute.";

        assertThat(ReplyCleaner.clean(text)).isEqualTo("Will be paid this week.");
    }

    @Test
    void cutsAnOriginalMessageSeparator() {
        String text = "On s'en occupe.\n-----Message d'origine-----\nDe : relances@example.fr\nObjet : Relance";

        assertThat(ReplyCleaner.clean(text)).isEqualTo("On s'en occupe.");
    }

    @Test
    void dropsADisclaimerButKeepsAConfidentialMessage() {
        String text = "Nous vous informons, à titre strictement confidentiel, de l'ouverture d'une sauvegarde.\n\n"
                + "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive "
                + "de ses destinataires.";

        assertThat(ReplyCleaner.clean(text))
                .isEqualTo("Nous vous informons, à titre strictement confidentiel, de l'ouverture d'une sauvegarde.");
    }

    @Test
    void keepsAShortThankYouThatIsTheWholeMessage() {
        assertThat(ReplyCleaner.clean("Merci,\nPaul")).isEqualTo("Merci,\nPaul");
    }

    @Test
    void aReplyWithOnlyASignatureSaysNothing() {
        String text = "Cordialement,\n\nAnne Martin\nComptabilité fournisseurs\nTél : 01 02 03 04 05";

        assertThat(ReplyCleaner.clean(text)).isEmpty();
    }

    @Test
    void isIdempotent() {
        String once = ReplyCleaner.clean("Hi,\nPaid on 3 Nov.\nRegards,\nTom\n> old text");

        assertThat(ReplyCleaner.clean(once)).isEqualTo(once);
    }
}
