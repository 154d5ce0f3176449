package io.arfollowup.functions.webform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.arfollowup.adapters.http.HttpEvent;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import io.arfollowup.core.usecase.InternalAnswers;
import io.arfollowup.functions.webform.WebFormHandler;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryAuditLog;
import io.arfollowup.testing.fakes.InMemoryBlobStore;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryFollowUpStore;
import io.arfollowup.testing.fakes.InMemoryInternalAnswerStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.fakes.RecordingChatNotifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /i/{token} as API Gateway delivers it (HTTP API v2, base64 bodies): GET writes nothing, POST records once. */
class InternalAnswerPagesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-11-10T10:00:00Z"), ZoneOffset.UTC);
    private final LinkSigner signer = new LinkSigner("page-test-key-0123456789abcdef-0123456789"
            .getBytes(StandardCharsets.UTF_8), clock);
    private final InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
    private final InMemoryInternalAnswerStore answers = new InMemoryInternalAnswerStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingChatNotifier chat = new RecordingChatNotifier();
    private final WebFormHandler handler;

    InternalAnswerPagesTest() {
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        InMemoryItemStore items = new InMemoryItemStore();
        InMemoryResponseStore responses = new InMemoryResponseStore();
        customers.put(TestData.aCustomer().build());
        items.put(TestData.anInvoice("C001", "FA-1").build());
        responses.create(new Response("em-1", ResponseChannel.EMAIL, "C001", "a@b.example", null, clock.instant(),
                "Re", "Le BC <script>alert(1)</script> manque", "fr", null, null, null, null, null, null, null, null,
                ResponseState.QUALIFIED, new CardRef("C1", "1.1"), null));
        followUps.create(new FollowUp("fu-1", "C001", "em-1", List.of("FA-1"), "ADMIN_DISPUTE",
                "admin-dispute-follow-up", FollowUpMode.INTERNAL_INTERACTIVE_EMAIL, clock.instant(), null,
                FollowUpState.DONE, "fu-1", "U1", "à refacturer", null, null));
        InternalAnswers use = new InternalAnswers(signer, followUps, customers, items, responses,
                TestData.taxonomyRules(), answers, new InMemoryAuditLog(), chat, blobs,
                (role, c) -> List.of("facturation@x.example"), clock);
        handler = new WebFormHandler(new InternalAnswerPages(use, signer, Language.FR, clock).routes());
    }

    private String link(String scope) {
        return signer.sign(new LinkClaims("internal", "fu-1", scope, clock.instant().plusSeconds(3600)));
    }

    private HttpEvent event(String method, String path, String contentType, byte[] body) {
        JsonObject e = new JsonObject();
        e.addProperty("version", "2.0");
        e.addProperty("rawPath", path);
        JsonObject headers = new JsonObject();
        if (contentType != null) {
            headers.addProperty("content-type", contentType);
        }
        e.add("headers", headers);
        JsonObject http = new JsonObject();
        http.addProperty("method", method);
        http.addProperty("path", path);
        JsonObject ctx = new JsonObject();
        ctx.add("http", http);
        e.add("requestContext", ctx);
        e.addProperty("body", Base64.getEncoder().encodeToString(body == null ? new byte[0] : body));
        e.addProperty("isBase64Encoded", true);
        return HttpEvent.parse(e);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private HttpEvent multipart(String token, String csrf, String choice, byte[] file) {
        String b = "XyZ123";
        StringBuilder s = new StringBuilder();
        for (String[] f : new String[][] {{"csrf", csrf}, {"choice", choice}, {"comment", "Avoir AV-9 émis"}}) {
            s.append("--").append(b).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        byte[] head = (s + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"avoir.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return event("POST", "/i/" + token, "multipart/form-data; boundary=" + b, body);
    }

    @Test
    void get_showsTheAnswerWithAConfirmForm_andWritesNothing() {
        HttpEvent.Reply r = handler.handle(event("GET", "/i/" + link("resolved"), null, null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("Résolu — avoir / facture rectifiée émis").contains("FA-1")
                .contains("&lt;script&gt;").doesNotContain("<script>").contains("name=\"csrf\"");
        assertThat(r.headers()).containsKey("content-security-policy");
        assertThat(answers.all()).isEmpty();
        assertThat(chat.threadNotes).isEmpty();
    }

    @Test
    void post_recordsOnce_withItsFile_andASecondPostGetsAlreadyAnswered() {
        String token = link("resolved");
        String csrf = csrf(handler.handle(event("GET", "/i/" + token, null, null)).body());

        HttpEvent.Reply first = handler.handle(multipart(token, csrf, "resolved", "%PDF-1.4 avoir".getBytes()));
        HttpEvent.Reply second = handler.handle(multipart(token, csrf, "resolved", "%PDF-1.4 avoir".getBytes()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Merci");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("Déjà répondu").contains("Already answered");
        assertThat(answers.all()).singleElement().satisfies(a -> {
            assertThat(a.comment()).isEqualTo("Avoir AV-9 émis");
            assertThat(a.fileName()).isEqualTo("avoir.pdf");
            assertThat(blobs.exists(a.fileKey())).isTrue();
        });
        assertThat(chat.threadNotes).singleElement();
    }

    @Test
    void postWithoutTheCsrfValue_isRefused() {
        String token = link("in_progress");
        HttpEvent.Reply r = handler.handle(event("POST", "/i/" + token, "application/x-www-form-urlencoded",
                "choice=in_progress&comment=x".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(answers.all()).isEmpty();
    }

    @Test
    void forgedExpiredOrForeignLinks_getFriendlyPages_neverA500() {
        String token = link("resolved");
        String forged = token.substring(0, token.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        String expired = signer.sign(new LinkClaims("internal", "fu-1", "resolved", clock.instant().minusSeconds(1)));
        String customer = signer.sign(new LinkClaims("customer", "C001", "", clock.instant().plusSeconds(60)));
        assertThat(handler.handle(event("GET", "/i/" + forged, null, null)).status()).isEqualTo(400);
        assertThat(handler.handle(event("GET", "/i/" + customer, null, null)).status()).isEqualTo(400);
        assertThat(handler.handle(event("GET", "/i/" + expired, null, null)).status()).isEqualTo(410);
        assertThat(handler.handle(event("POST", "/i/" + forged, "application/x-www-form-urlencoded",
                "choice=resolved".getBytes())).status()).isEqualTo(400);
        assertThat(handler.handle(event("GET", "/i/%00%ff", null, null)).status()).isIn(400, 404);
        assertThat(answers.all()).isEmpty();
    }

    @Test
    void answerPage_withoutAChoice_comesBackWithTheMessageAndTheCommentKept() {
        String token = link("page");
        String csrf = csrf(handler.handle(event("GET", "/i/" + token, null, null)).body());
        HttpEvent.Reply r = handler.handle(event("POST", "/i/" + token, "application/x-www-form-urlencoded",
                ("csrf=" + csrf + "&comment=mon+commentaire").getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Choisissez une réponse").contains("mon commentaire");
    }
}
