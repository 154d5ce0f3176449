package io.arfollowup.functions.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.webform.CustomerAccess;
import io.arfollowup.core.webform.SendNewLink;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The customer's page (GET/POST /r/{token}) end to end on dynalite, s3rver, aws-ses-v2-local and the stubs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerPageIT {

    private WebFormWorld w;
    private final DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @BeforeAll
    void start() {
        w = new WebFormWorld();
        w.seed();
    }

    @AfterAll
    void stop() {
        w.close();
    }

    private static String path(String token) {
        return "/r/" + token;
    }

    private WebFormWorld.Multipart form(WebFormWorld.Page page) {
        return new WebFormWorld.Multipart().field("csrf", page.csrf()).field("lang", "fr").field("intent", "answer")
                .field("n0", "FA-2025-00412").field("n1", "FA-2025-00556");
    }

    private Response stored(WebFormWorld.Page confirmation) {
        List<SlackApiStub.Message> msgs = w.slack.messages();
        String text = msgs.get(msgs.size() - 1).blocks().toString();
        Matcher m = Pattern.compile("\"value\":\"(wf-[a-z2-7]+)\"").matcher(text);
        assertThat(m.find()).as("a card with the response id").isTrue();
        return w.c.responses().get(m.group(1)).orElseThrow();
    }

    @Test
    void get_showsTheStatement_creditNotesNetTheTotal_inTheCustomersLanguage_withTheSecurityHeaders() {
        WebFormWorld.Page page = w.get(path(w.token("fournil")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers()).containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-frame-options", "DENY").containsEntry("cache-control", "no-store");
        assertThat(page.headers().get("content-security-policy")).contains("default-src 'none'")
                .doesNotContain("script-src");
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("fr");
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("h1").text()).isEqualTo("Le Fournil <Saint-Roch>"); // escaped, shown as typed
        assertThat(page.body()).contains("Le Fournil &lt;Saint-Roch&gt;").doesNotContain("<Saint-Roch>");
        assertThat(doc.select("tbody tr")).hasSize(3);
        assertThat(nbsp(doc.select("tbody tr").get(0).text())).contains("FA-2025-00412").contains("1 840,00 €")
                .contains("20");
        assertThat(doc.select(".total .amount").text().replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("2 159,20 €"); // 1840 + 415.20 - 96
        assertThat(doc.select("fieldset")).hasSize(2); // a credit note is not answered, it nets the total
        for (Element input : doc.select("input:not([type=hidden]), select, textarea")) {
            assertThat(doc.select("label[for=" + input.id() + "]")).as("label for #" + input.id()).isNotEmpty();
        }
        WebFormWorld.Page en = w.get(path(w.token("fournil")) + "?lang=en");
        assertThat(Jsoup.parse(en.body()).select("html").attr("lang")).isEqualTo("en");
        assertThat(en.body()).contains("Send my answer").contains("€1,840.00");
        assertThat(Jsoup.parse(w.get(path(w.token("thornbury"))).body()).select("button").text())
                .isEqualTo("Send my answer");
    }

    @Test
    void post_storesAWebResponse_withStructuredAnswers_commentAndFile_andPostsTheCard() {
        String token = w.token("fournil");
        WebFormWorld.Page page = w.get(path(token));
        LocalDate promised = w.today.plusDays(10);
        var body = form(page).field("c0", "WILL_PAY").field("pd0", promised.toString()).field("pa0", "1 000,50")
                .field("c1", "DISPUTE").field("r1", "DAMAGED")
                .field("comment", "Livraison du 21 : 2 globes fêlés <b>*urgent*</b> <!channel>")
                .file("files", "C:\\fakepath\\photo globes.pdf", "application/pdf", WebFormWorld.PDF);
        WebFormWorld.Page done = w.post(path(token), body.contentType(), body.bytes());

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        Document doc = Jsoup.parse(done.body());
        assertThat(doc.select("#done").text()).isEqualTo("Merci, votre réponse est envoyée");
        assertThat(doc.select("#answers li").eachText().stream().map(CustomerPageIT::nbsp).toList()).containsExactly(
                "FA-2025-00412 – paiement de 1 000,50 € prévu le " + dmy.format(promised),
                "FA-2025-00556 – contestée : Endommagée ou non conforme");
        assertThat(doc.select("#comment").text()).contains("<b>*urgent*</b>");
        assertThat(doc.select("#files").text()).contains("photo globes.pdf");

        Response r = stored(done);
        assertThat(r.channel()).isEqualTo(ResponseChannel.WEB_FORM);
        assertThat(r.customerId()).isEqualTo("fournil");
        assertThat(r.newText()).isEqualTo("Livraison du 21 : 2 globes fêlés <b>*urgent*</b> <!channel>");
        assertThat(r.answers()).extracting(a -> a.itemNumber(), a -> a.choice(), a -> a.date(), a -> a.reason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FA-2025-00412", AnswerChoice.WILL_PAY, promised, null),
                        org.assertj.core.groups.Tuple.tuple("FA-2025-00556", AnswerChoice.DISPUTE, null,
                                DisputeReason.DAMAGED));
        assertThat(r.answers().get(0).amount()).isEqualByComparingTo("1000.50");
        assertThat(r.suggestion().groups()).extracting(g -> g.statusCode())
                .containsExactly("PAYMENT_PROMISE", "DELIVERY_DISPUTE");
        assertThat(r.suggestion().groups().get(0).promisedDate()).isEqualTo(promised);
        assertThat(r.attachments()).singleElement().satisfies(a -> {
            assertThat(a.key()).startsWith("web/" + r.id() + "/").endsWith(".pdf");
            assertThat(a.filename()).isEqualTo("photo globes.pdf");
            try (InputStream in = w.c.blobs().open(a.key())) {
                assertThat(in.readAllBytes()).isEqualTo(WebFormWorld.PDF);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        SlackApiStub.Message card = w.slack.messages().get(w.slack.messages().size() - 1);
        String blocks = card.blocks().toString();
        assertThat(blocks).contains("FA-2025-00412").contains("paiera " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(promised)).contains("Promesse de paiement")
                .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(r.card()).isNotNull();
    }

    @Test
    void eachInvalidInput_returnsTheFormWithEveryEntryKept_andAMessageOnItsField() {
        String token = w.token("fournil");
        WebFormWorld.Page page = w.get(path(token));
        int before = w.tableSize();
        var body = form(page).field("c0", "WILL_PAY").field("pd0", w.today.minusDays(1).toString())
                .field("pa0", "99 999").field("c1", "").field("pd1", w.today.plusDays(3).toString())
                .field("comment", "gardez-moi")
                .file("files", "virus.exe", "application/octet-stream", "MZ\u0090\u0000payload".getBytes(
                        StandardCharsets.ISO_8859_1))
                .file("files", "preuve.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A,
                        '\n', 0, 0, 0, 13});
        WebFormWorld.Page again = w.post(path(token), body.contentType(), body.bytes());
        assertThat(again.status()).isEqualTo(422);
        Document doc = Jsoup.parse(again.body());
        assertThat(doc.select("#errors li")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(doc.select("#pd0").attr("value")).isEqualTo(w.today.minusDays(1).toString());
        assertThat(doc.select("#pd0-err").text()).isEqualTo("La date de paiement ne peut pas être passée.");
        assertThat(doc.select("#pa0").attr("value")).isEqualTo("99 999");
        assertThat(nbsp(doc.select("#pa0-err").text())).startsWith("Le montant dépasse le reste dû (1 840,00");
        assertThat(doc.select("#c1-err").text()).isEqualTo("Choisissez une réponse pour cette facture.");
        assertThat(doc.select("#c0-WILL_PAY").hasAttr("checked")).isTrue();
        assertThat(doc.select("#comment").text()).isEqualTo("gardez-moi");
        assertThat(doc.select(".error").eachText()).anyMatch(t -> t.contains("virus.exe")
                && t.contains("ni un PDF"));
        assertThat(doc.select("#kept-files li").eachText()).singleElement().asString().startsWith("preuve.png");
        assertThat(again.csrf()).isEqualTo(page.csrf());
        assertThat(w.tableSize()).isEqualTo(before + 1); // only the kept file's draft entry
        assertThat(w.c.responses().get(CustomerAccess.responseId(
                io.arfollowup.core.token.LinkSigner.tokenId(token), nonce(page.csrf())))).isEmpty();

        // beyond the horizon, then corrected: the file kept before is attached to the answer
        var far = form(page).field("c0", "WILL_PAY").field("pd0", w.today.plusDays(61).toString());
        assertThat(Jsoup.parse(w.post(path(token), far.contentType(), far.bytes()).body()).select("#pd0-err").text())
                .isEqualTo("Choisissez une date au plus tard le " + dmy.format(w.today.plusDays(60)) + ".");
        var ok = form(page).field("c0", "WILL_PAY").field("pd0", w.today.plusDays(60).toString());
        WebFormWorld.Page done = w.post(path(token), ok.contentType(), ok.bytes());
        assertThat(done.status()).isEqualTo(200);
        assertThat(stored(done).attachments()).extracting(a -> a.filename()).containsExactly("preuve.png");
    }

    @Test
    void nothingChosen_andATooLargeRequest_areSaid() {
        String token = w.token("fournil");
        WebFormWorld.Page page = w.get(path(token));
        var empty = form(page);
        Document doc = Jsoup.parse(w.post(path(token), empty.contentType(), empty.bytes()).body());
        assertThat(doc.select("#form-error").text())
                .isEqualTo("Choisissez une réponse pour au moins une facture, ou écrivez un commentaire.");
        byte[] big = new byte[4 * 1024 * 1024 + 10];
        System.arraycopy(WebFormWorld.PDF, 0, big, 0, WebFormWorld.PDF.length);
        var large = form(page).field("c0", "SEND_COPY").file("files", "scan.pdf", "application/pdf", big);
        WebFormWorld.Page r = w.post(path(token), large.contentType(), large.bytes());
        assertThat(r.status()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select(".error").eachText()).anyMatch(t -> t.contains("4 Mo"));
        assertThat(d.select("#c0-SEND_COPY").hasAttr("checked")).isTrue();
    }

    @Test
    void tamperedExpiredAndOutOfScope_getFriendlyPages_andWriteNothing() {
        int before = w.tableSize();
        String token = w.token("fournil");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        WebFormWorld.Page bad = w.get(path(tampered));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Lien invalide ou expiré").contains("Invalid or expired link")
                .contains("mailto:relances@atelier-lumen.example");
        assertThat(bad.headers()).containsEntry("cache-control", "no-store");

        WebFormWorld.Page expired = w.get(path(w.expiredToken("fournil")));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).select("button#new-link-fr").text())
                .isEqualTo("Envoyez-moi un nouveau lien");
        assertThat(Jsoup.parse(expired.body()).select("input[type=email]")).isEmpty();

        WebFormWorld.Page page = w.get(path(token));
        var foreign = form(page).field("n2", "FA-2025-00417").field("c2", "DISPUTE").field("r2", "PRICE")
                .file("files", "a.pdf", "application/pdf", WebFormWorld.PDF);
        WebFormWorld.Page refused = w.post(path(token), foreign.contentType(), foreign.bytes());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Réponse refusée");
        var credit = form(page).field("n2", "AV-2025-0074").field("c2", "SEND_COPY");
        assertThat(w.post(path(token), credit.contentType(), credit.bytes()).status()).isEqualTo(400);

        var otherLinkCsrf = form(w.get(path(w.token("thornbury")))).field("c0", "SEND_COPY");
        assertThat(w.post(path(token), otherLinkCsrf.contentType(), otherLinkCsrf.bytes()).body())
                .contains("Formulaire expiré");
        assertThat(w.get("/r/").status()).isEqualTo(404);
        assertThat(w.tableSize()).isEqualTo(before);
    }

    @Test
    void aDoubleSubmit_isOneResponse_andOneCard() {
        String token = w.token("fournil");
        WebFormWorld.Page page = w.get(path(token));
        var body = form(page).field("c0", "IN_PAYMENT").field("comment", "double clic");
        int cards = w.slack.messages().size();
        WebFormWorld.Page first = w.post(path(token), body.contentType(), body.bytes());
        WebFormWorld.Page second = w.post(path(token), body.contentType(), body.bytes());
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("Cette réponse avait déjà été reçue");
        assertThat(w.slack.messages()).hasSize(cards + 1);
        String id = CustomerAccess.responseId(io.arfollowup.core.token.LinkSigner.tokenId(token),
                nonce(page.csrf()));
        assertThat(w.c.responses().get(id)).isPresent();
    }

    @Test
    void sendMeACopy_ofAStoredInvoice_isQualifiedAndScheduledAtOnce() {
        String token = w.token("fournil");
        WebFormWorld.Page page = w.get(path(token));
        var body = form(page).field("c1", "SEND_COPY");
        WebFormWorld.Page done = w.post(path(token), body.contentType(), body.bytes());
        assertThat(Jsoup.parse(done.body()).text()).contains("La copie des factures FA-2025-00556 vous est envoyée");
        assertThat(w.c.items().get("fournil", "FA-2025-00556").orElseThrow().status()).isEqualTo("COPY_REQUEST");
        assertThat(w.scheduler.schedules()).isNotEmpty();
        assertThat(w.scheduler.schedules().values().toString()).contains("at(");
    }

    @Test
    void anExpiredLink_canAskForANewOne_mailedToTheKnownContact_threeTimesADay() {
        String expiredToken = w.expiredToken("thornbury");
        WebFormWorld.Page expired = w.get(path(expiredToken) + "?lang=en");
        int before = w.tableSize();
        String csrf = expired.csrf();
        for (int i = 0; i < SendNewLink.DAILY_LIMIT; i++) {
            if (i > 0) {
                csrf = w.get(path(expiredToken) + "?lang=en").csrf(); // the page opened again: a new form
            }
            WebFormWorld.Page sent = w.post(path(expiredToken), "application/x-www-form-urlencoded",
                    ("csrf=" + csrf + "&intent=new-link&lang=en&email=attacker%40evil.example")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body()).contains("A new link has just been sent to a•••@thornbury.example");
        }
        WebFormWorld.Page again = w.post(path(expiredToken), "application/x-www-form-urlencoded",
                ("csrf=" + csrf + "&intent=new-link&lang=en").getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).as("the same form again (a double click): told it was sent, nothing sent")
                .isEqualTo(200);
        String fourth = w.get(path(expiredToken) + "?lang=en").csrf();
        WebFormWorld.Page limited = w.post(path(expiredToken), "application/x-www-form-urlencoded",
                ("csrf=" + fourth + "&intent=new-link").getBytes(StandardCharsets.UTF_8));
        assertThat(limited.status()).isEqualTo(429);
        // the day's counter and one once-marker per form sent; nothing for the refused fourth form
        assertThat(w.tableSize()).isEqualTo(before + 1 + SendNewLink.DAILY_LIMIT);

        List<JsonNode> mails = new java.util.ArrayList<>();
        w.sentMail().forEach(m -> {
            if (m.path("subject").asText().contains("new link")) {
                mails.add(m);
            }
        });
        assertThat(mails).hasSize(3).allSatisfy(m -> {
            assertThat(m.path("destination").path("to").toString()).contains("ap@thornbury.example")
                    .doesNotContain("evil");
        });
        String text = mails.get(0).path("body").path("text").asText();
        Matcher link = Pattern.compile("https://pay\\.example\\.com/r/(\\S+)").matcher(text);
        assertThat(link.find()).as(mails.get(0).toString()).isTrue();
        assertThat(w.get(path(link.group(1))).status()).isEqualTo(200);
    }

    private static String nbsp(String s) {
        return s.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String nonce(String csrf) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(csrf.substring(0, csrf.indexOf('.'))),
                StandardCharsets.UTF_8);
        return payload.split("\\|")[2];
    }
}
