package io.arfollowup.adapters.mail;

import static io.arfollowup.adapters.mail.MailFixtures.caseFile;
import static io.arfollowup.adapters.mail.MailFixtures.own;
import static io.arfollowup.adapters.mail.MailFixtures.read;
import static io.arfollowup.adapters.mail.MailFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.mail.MailAddress;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.mail.ReplyExtractor;
import io.arfollowup.core.port.AttachmentSink;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "what must hold" of ../shared/cases E01…E16 (mail side), each with this module's own inputs of the same kind
 * (src/test/resources/mail): other clients, other languages, other charsets, other breakages.
 */
class CasesTest {

    @Nested
    class E01_outlookHeaderBlock {
        @Test
        void read_outlookFrenchReply_keepsOnlyTheCustomersLinesInText() {
            ReadMail mail = read(caseFile("E01-outlook-fr-de-envoye.eml"));

            assertThat(mail.newText()).isEqualTo("Bonjour,\n\n"
                    + "Le virement de 1 250,00 € pour la facture FA-2025-0142 a été émis ce matin (référence VIR-88412).\n"
                    + "Merci de ne plus nous relancer pour cette facture.\n\nCordialement,");
            assertThat(mail.newText()).doesNotContain("De", "Envoyé", "Objet", "Marc Dubreuil", "Sauf erreur");
        }

        @Test
        void read_outlookFrenchReply_htmlPartLosesTheHeaderBlockToo() throws Exception {
            String html = htmlPart(caseFile("E01-outlook-fr-de-envoye.eml"));
            String text = new ReplyExtractor().extract(HtmlText.withoutHistory(html),
                    new ReplyExtractor.Context("RE: Rappel", "Marc Dubreuil", "m.dubreuil@atelier-dubreuil.example.net"))
                    .newText();

            assertThat(text).contains("Le virement de 1\u00a0250,00\u00a0€ pour la facture FA-2025-0142",
                    "Merci de ne plus nous relancer pour cette facture.");
            assertThat(text).doesNotContain("Envoyé", "Objet", "Sauf erreur", "Marc Dubreuil", "Comptabilité");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "E01-kind-outlook-de-von-gesendet.eml|die Rechnung FA-2025-00512 wurde heute per Überweisung beglichen.|Mit freundlichen Grüßen",
            "E01-kind-outlook-es-enviado-el.eml|La factura FA-2025-00518 se pagó ayer por transferencia.|Un saludo,",
            "E01-kind-outlook-it-da-inviato.eml|la fattura FA-2025-00521 è stata pagata con bonifico del 4 novembre.|Cordiali saluti"})
        void read_outlookHeaderBlockInOtherLanguages_cutsFromTheBlock(String file, String body, String closing) {
            ReadMail mail = read(own(file));

            assertThat(mail.newText()).contains(body).endsWith(closing);
            assertThat(mail.newText()).doesNotContain("Relances Atelier Lumen", "According to our records",
                    "Sauf erreur");
        }
    }

    @Nested
    class E02_noDelimiterAboveNestedThread {
        @Test
        void read_outlookReplyWithNameLineSignature_keepsOneSentenceAndThePdf() {
            ReadMail mail = read(caseFile("E02-outlook-en-no-delimiter-nested.eml"));

            assertThat(mail.newText()).isEqualTo("Paid in full today, remittance advice attached.");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("remittance_INV-7781.pdf");
                assertThat(a.contentType()).isEqualTo("application/pdf");
                assertThat(a.sizeBytes()).isEqualTo(69);
            });
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "E02-kind-outlook-fr-no-delimiter-nested.eml|C'est réglé, l'avis de virement est en pièce jointe.|1",
            "E02-kind-outlook-de-no-delimiter-nested.eml|Ist bezahlt, Zahlungsavis anbei.|0"})
        void read_sameKindInOtherLanguages_keepsOnlyTheSentence(String file, String expected, int attachments) {
            ReadMail mail = read(own(file));

            assertThat(mail.newText()).isEqualTo(expected);
            assertThat(mail.attachments()).hasSize(attachments);
        }
    }

    @Nested
    class E04_htmlOnly {
        @Test
        void read_htmlOnlyGmailReply_keepsLinesAndDropsStyleAndQuote() {
            ReadMail mail = read(caseFile("E04-html-only-fr-gmail-quote.eml"));

            assertThat(mail.newText()).isEqualTo("Bonjour,\n"
                    + "Je conteste le montant de la facture FA-2025-0099\u00a0: la remise de 10\u00a0% prévue au contrat "
                    + "n'a pas été appliquée.\nPouvez-vous m’envoyer un avoir\u00a0?\n\nCordialement,");
            assertThat(mail.fullText()).doesNotContain("font-family", "Re: Relance facture", "td{");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "E04-kind-html-only-outlook-web-fr.eml|Bonjour,\\nNous avons bien reçu la facture FA-2025-00540 : elle sera réglée le 20 novembre.\\nLe bon de commande BC-2025-118 est « clôturé » chez nous.\\n\\nBien cordialement,",
            "E04-kind-html-only-yahoo-en.eml|Hello,\\n\\nWe’ve scheduled invoice FA-2025-00545 for payment on Friday & will send the remittance then.\\n\\nThanks,",
            "E04-kind-html-only-thunderbird-de.eml|Sehr geehrte Damen und Herren,\\n\\ndie Rechnung FA-2025-00550 ist uns nicht bekannt. Bitte senden Sie uns eine Kopie.\\nVielen Dank im Voraus.\\n\\nMit freundlichen Grüßen"})
        void read_htmlOnlyFromOtherClients_keepsStructureAndDropsHistory(String file, String expected) {
            ReadMail mail = read(own(file));

            assertThat(io.arfollowup.testing.data.Sidecars.normalise(mail.newText())).isEqualTo(expected.replace("\\n", "\n"));
        }
    }

    @Nested
    class E06_unknownCharsetLabel {
        @Test
        void read_cp1252LabelledMessage_decodesBodyAndSubject() {
            ReadMail mail = read(caseFile("E06-unknown-charset-label-cp-1252.eml"));

            assertThat(mail.newText()).contains("réglé aujourd’hui 980,00 €");
            assertThat(mail.subject()).isEqualTo("Re: Relance facture FA-2025-0203 – règlement effectué");
            assertThat(mail.flags()).doesNotContain(ResponseFlag.MALFORMED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"E06-kind-win-1252-label.eml", "E06-kind-unknown-label-utf8-bytes.eml",
            "E06-kind-iso-8859-1-label-cp1252-bytes.eml", "E06-kind-us-ascii-label-utf8-bytes.eml"})
        void read_otherUnknownOrWrongLabels_decodeTheSameText(String file) {
            ReadMail mail = read(own(file));

            assertThat(mail.newText()).contains("Nous avons réglé aujourd’hui 980,00 € pour la facture FA-2025-0203.");
            assertThat(mail.subject()).doesNotContain("=?", "\uFFFD");
        }

        @Test
        void read_latin1BytesWithoutLabel_areReadAsWindows1252() {
            assertThat(read(own("E06-kind-no-charset-latin1-bytes.eml")).newText()).contains("Nous avons réglé");
        }

        @Test
        void read_batchWithGarbage_everyMessageIsReadAndNoneThrows(@org.junit.jupiter.api.io.TempDir Path tmp)
                throws Exception {
            Path garbage = tmp.resolve("garbage.eml");
            byte[] bytes = new byte[4096];
            new java.util.Random(42).nextBytes(bytes);
            Files.write(garbage, bytes);
            Path empty = Files.createFile(tmp.resolve("empty.eml"));
            List<Path> batch = List.of(caseFile("E06-unknown-charset-label-cp-1252.eml"), garbage, empty,
                    caseFile("E08-broken-encoded-words.eml"), caseFile("E11-boundary-param-mismatch.eml"));

            for (Path file : batch) {
                assertThatCode(() -> MailFixtures.READER.read(file, AttachmentSink.DISCARD)).doesNotThrowAnyException();
            }
            assertThat(read(batch.get(4)).attachments()).hasSize(1);
        }
    }

    @Nested
    class E08_brokenEncodedWords {
        @Test
        void read_brokenWords_subjectNameAndAttachmentAreDecoded() {
            ReadMail mail = read(caseFile("E08-broken-encoded-words.eml"));

            assertThat(mail.subject()).isEqualTo("Règlement facture; FA-2025-0142");
            assertThat(mail.from()).isEqualTo(new MailAddress("f.lefevre@lefevre-btp.example.net", "François Lefèvre"));
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("justificatif_échéance.pdf");
                assertThat(a.sizeBytes()).isEqualTo(69);
            });
        }

        @Test
        void read_sameKindOtherShapes_decodesAndNeverTrustsADecodedAddress() {
            ReadMail mail = read(own("E08-kind-broken-words-de-forged-address.eml"));

            assertThat(mail.subject()).isEqualTo("Zahlung für Rechnung, FA-2025-0143 erledigt");
            assertThat(mail.from()).isEqualTo(new MailAddress("j.mueller@mueller-holzbau.example", "Jürgen Müller"));
            assertThat(mail.recipients()).extracting(MailAddress::address)
                    .containsExactly("buchhaltung@mueller-holzbau.example", "relances+Kx7Lm2Qp9Zt4@reply.example.com");
            assertThat(token(mail)).contains("Kx7Lm2Qp9Zt4");
            assertThat(mail.attachments()).extracting(a -> a.filename()).first().isEqualTo("Überweisung März.pdf");
            assertThat(mail.attachments()).extracting(a -> a.sizeBytes()).containsExactly(69L, 8L);
        }
    }

    @Nested
    class E09_raw8bitHeaders {
        @Test
        void read_rawUtf8Headers_noMojibake() {
            ReadMail mail = read(caseFile("E09-raw-utf8-8bit-headers.eml"));

            assertThat(mail.from().displayName()).isEqualTo("Hélène Mercier");
            assertThat(mail.subject()).isEqualTo("Re: Relance facture n°2025-031 – échéance dépassée");
        }

        @Test
        void read_rawLatin1Headers_readAsWindows1252() {
            ReadMail mail = read(own("E09-kind-raw-latin1-headers-fr.eml"));

            assertThat(mail.from().displayName()).isEqualTo("Hélène Mercier");
            assertThat(mail.subject()).isEqualTo("Re: Relance facture n°2025-031 – échéance dépassée");
            assertThat(mail.newText()).contains("Le règlement de la facture n°2025-031");
        }

        @Test
        void read_rawUtf8SpanishHeadersAndFileName_noMojibake() {
            ReadMail mail = read(own("E09-kind-raw-utf8-headers-es.eml"));

            assertThat(mail.from().displayName()).isEqualTo("José Núñez");
            assertThat(mail.subject()).isEqualTo("Re: Factura nº FA-2025-0044 – pago realizado");
            assertThat(mail.attachments()).singleElement()
                    .satisfies(a -> assertThat(a.filename()).isEqualTo("Justificante de pago nº 44.pdf"));
        }
    }

    @Nested
    class E11_boundaryMismatch {
        @Test
        void read_boundaryParameterDiffersFromDelimiters_recoversTextAndPdfAndFlags() {
            ReadMail mail = read(caseFile("E11-boundary-param-mismatch.eml"));

            assertThat(mail.newText()).contains("Bonjour, virement fait ce jour, avis joint.");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("avis_de_virement.pdf");
                assertThat(a.sizeBytes()).isEqualTo(69);
            });
            assertThat(mail.flags()).contains(ResponseFlag.MALFORMED);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "E11-kind-nested-boundary-mismatch.eml|Bonjour, le virement pour FA-2025-0162 est parti ce matin.|avis.pdf",
            "E11-kind-missing-end-boundary.eml|Bonjour, avis de virement joint.|avis_tronque.pdf",
            "E11-kind-missing-boundary-parameter.eml|Bonjour, paiement fait, avis joint.|avis.pdf"})
        void read_otherBoundaryBreakages_recoverTextAndAttachmentAndFlag(String file, String text, String name) {
            ReadMail mail = read(own(file));

            assertThat(mail.newText()).isEqualTo(text);
            assertThat(mail.attachments()).extracting(a -> a.filename()).containsExactly(name);
            assertThat(mail.flags()).contains(ResponseFlag.MALFORMED);
        }
    }

    @Nested
    class E13a_autoReplies {
        @Test
        void read_frenchExchangeOutOfOffice_isAnAutoReply() {
            ReadMail mail = read(caseFile("E13a-ooo-fr-exchange-auto-submitted.eml"));

            assertThat(mail.autoReply()).isTrue();
            assertThat(mail.bounce()).isFalse();
            assertThat(mail.flags()).contains(ResponseFlag.AUTO_REPLY);
            assertThat(mail.language()).isEqualTo("fr");
        }

        @ParameterizedTest
        @CsvSource({"E13a-kind-ooo-en-exchange-automatic-reply.eml,true", "E13a-kind-ooo-de-subject-only.eml,true",
            "E13a-kind-ooo-es-x-autoreply.eml,true", "E13a-kind-human-reply-via-list-precedence.eml,false",
            "E13a-kind-human-reply-subject-absence.eml,false"})
        void read_autoRepliesOfOtherServersAndHumanLookalikes(String file, boolean autoReply) {
            assertThat(read(own(file)).autoReply()).isEqualTo(autoReply);
        }
    }

    @Nested
    class E15_activeHtml {
        @ParameterizedTest
        @ValueSource(strings = {"E15-html-active-content-slack-tokens.eml", "E15-kind-html-active-content-variants.eml"})
        void read_activeHtml_noMarkupScriptOrJavascriptSurvives(String file) {
            Path path = file.startsWith("E15-kind") ? own(file) : caseFile(file);
            ReadMail mail = read(path);

            for (String text : List.of(mail.newText(), mail.fullText())) {
                assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "</script", "<img",
                        "<svg", "<iframe", "<a ", "href", "onerror", "onload", "javascript:", "alert(", "document.",
                        "<object", "<embed", "<form", "<input", "<style", "url(", "data:text");
            }
            assertThat(mail.newText()).containsPattern("FA-2025-017[78]");
        }

        @Test
        void read_slackControlSequencesWrittenAsText_stayPlainTextForTheSlackEscaper() {
            ReadMail mail = read(caseFile("E15-html-active-content-slack-tokens.eml"));

            assertThat(mail.newText()).contains("<!channel> merci de valider", "votre espace client", "& clôturer");
        }
    }

    @Nested
    class E16_tokenPosition {
        @Test
        void read_tokenSecondInToAndRecased_recipientsKeepHeaderOrderAndTokenAsItAppears() {
            ReadMail mail = read(caseFile("E16-token-in-second-recipient-reply-all.eml"));

            assertThat(mail.recipients()).extracting(MailAddress::address).containsExactly(
                    "recouvrement@example.com", "Relances+Pq7Vn2KxR4tz@Reply.Example.COM",
                    "comptabilite@perrin-immobilier.example.com");
            assertThat(token(mail)).contains("Pq7Vn2KxR4tz");
            assertThat(mail.from().address()).isEqualTo("n.perrin@perrin-immobilier.example.com");
        }

        @Test
        void read_tokenOnlyInCcUpperCased_otherDomainPlusAddressIgnored() {
            ReadMail mail = read(own("E16-kind-token-in-cc-recased.eml"));

            assertThat(mail.recipients()).extracting(MailAddress::address).startsWith(
                    "billing+Zz9Yy8Xx7Ww6@perrin-immobilier.example.com");
            assertThat(token(mail)).contains("Pq7Vn2KxR4tz");
        }

        @Test
        void read_devMessages_tokenFromCcAndFromDeliveredToWhenToHasNone() {
            Path dev = MailFixtures.shared().resolve("emails/dev");
            assertThat(token(read(dev.resolve("19_outlook_mac_token_in_cc.eml")))).contains("b-H6a0w2iCPHuvfVvXCx0w");
            ReadMail bcc = read(dev.resolve("22_bcc_token_only_in_delivered_to.eml"));
            assertThat(bcc.recipients()).extracting(MailAddress::address)
                    .allMatch(a -> a.startsWith("reply+GKBhFs7qQBaadnzeNZLtPQ@"));
            assertThat(token(bcc)).contains("GKBhFs7qQBaadnzeNZLtPQ");
        }
    }

    /** The text/html part of a message, decoded, read with plain jakarta-mail. */
    static String htmlPart(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            MimeMultipart mp = (MimeMultipart) m.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                Part p = mp.getBodyPart(i);
                if (p.isMimeType("text/html")) {
                    byte[] bytes = p.getInputStream().readAllBytes();
                    return Charsets.decode(bytes, "windows-1252");
                }
            }
        }
        throw new AssertionError("no html part");
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
