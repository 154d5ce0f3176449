package io.arfollowup.adapters.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arfollowup.adapters.aws.LocalAws;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.LocalEngines;
import io.arfollowup.testing.stubs.LoopbackStub;
import io.arfollowup.testing.stubs.RecordedRequest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SES v2 Raw sends on aws-ses-v2-local (what a mailbox receives: subject, bodies, recipients), the MIME bytes we
 * build (threading headers, which the local store drops), and the SendEmail request itself on a loopback capture
 * (FeedbackForwardingEmailAddress, which the store does not keep either).
 */
@ExtendWith(LocalEngines.class)
class SesMailerIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUBJECT = "Relance facture n°2025-031 – échéance dépassée ✓";
    static URI ses;
    static SesMailer mailer;

    @BeforeAll
    static void engine() {
        ses = LocalEngines.get(Engine.SES).endpoint();
        mailer = new SesMailer(LocalAws.clients("ses", ses).ses());
    }

    static OutgoingEmail email(String to, String subject) {
        return new OutgoingEmail("Relances Atelier Lumen <relances@atelier-lumen.example>", List.of(to),
                List.of("cc-" + to), "reply+pq7vn2kxr4tz@reply.example.com", subject,
                "Bonjour Hélène,\n\nLa facture FA-2025-0142 (1 250,00 €) reste due.\n", 
                "<p>Bonjour H&eacute;l&egrave;ne,</p><p>La facture <b>FA-2025-0142</b> reste due.</p>",
                "<fu-abc.0@ar-followup.atelier-lumen.example>", "<DB9PR02MB7321@outlook.example.com>",
                List.of("<rem-1@ar-followup.atelier-lumen.example>", "<DB9PR02MB7321@outlook.example.com>"),
                "reply+pq7vn2kxr4tz@reply.example.com", List.of(), Map.of("X-AR-FollowUp", "fu-abc"));
    }

    static String recipient() {
        return "h.mercier-" + UUID.randomUUID().toString().substring(0, 8) + "@client.example.net";
    }

    /** The message aws-ses-v2-local holds for this recipient. */
    static JsonNode stored(String to) throws Exception {
        HttpResponse<String> store = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ses.resolve("/store"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> matching = StreamSupport.stream(JSON.readTree(store.body()).path("emails").spliterator(), false)
                .filter(e -> e.path("destination").path("to").toString().contains(to)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    @Test
    void send_reachesSesWithSubjectBodiesAndRecipients() throws Exception {
        String to = recipient();

        String messageId = mailer.send(email(to, SUBJECT));

        JsonNode mail = stored(to);
        assertThat(messageId).isNotBlank().isEqualTo(mail.path("messageId").asText());
        assertThat(mail.path("subject").asText()).isEqualTo(SUBJECT);
        assertThat(mail.path("body").path("text").asText().trim())
                .isEqualTo("Bonjour Hélène,\n\nLa facture FA-2025-0142 (1 250,00 €) reste due.");
        assertThat(mail.path("body").path("html").asText())
                .isEqualTo("<p>Bonjour H&eacute;l&egrave;ne,</p><p>La facture <b>FA-2025-0142</b> reste due.</p>");
        assertThat(mail.path("destination").path("to").toString()).contains(to);
        assertThat(mail.path("destination").path("cc").toString()).contains("cc-" + to);
        assertThat(mail.path("from").asText()).contains("relances@atelier-lumen.example");
        assertThat(mail.path("replyTo").toString()).contains("reply+pq7vn2kxr4tz@reply.example.com");
    }

    @Test
    void mime_carriesOurMessageIdAndTheThreadingHeaders() throws Exception {
        MimeMessage m = parse(SesMailer.mime(email(recipient(), SUBJECT)));

        assertThat(m.getHeader("Message-ID", null)).isEqualTo("<fu-abc.0@ar-followup.atelier-lumen.example>");
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<DB9PR02MB7321@outlook.example.com>");
        assertThat(m.getHeader("References", " ")).isEqualTo(
                "<rem-1@ar-followup.atelier-lumen.example> <DB9PR02MB7321@outlook.example.com>");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(m.getHeader("X-AR-FollowUp", null)).isEqualTo("fu-abc");
        assertThat(m.getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    void subjectWithLineBreaks_neverBecomesAnotherHeader() throws Exception {
        String to = recipient();
        String injected = "Relance\r\nBcc: victim@evil.example\nX-Injected: yes";
        OutgoingEmail e = email(to, injected);

        MimeMessage m = parse(SesMailer.mime(e));
        mailer.send(e);

        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("X-Injected")).isNull();
        assertThat(m.getSubject()).isEqualTo("Relance Bcc: victim@evil.example X-Injected: yes");
        JsonNode mail = stored(to);
        assertThat(mail.path("subject").asText()).isEqualTo("Relance Bcc: victim@evil.example X-Injected: yes");
        assertThat(mail.path("destination").path("bcc")).isEmpty();
    }

    @Test
    void send_requestCarriesFeedbackForwardingAddressAndOurRawMessage() throws Exception {
        try (SesCapture capture = new SesCapture()) {
            SesMailer captured = new SesMailer(LocalAws.clients("ses", capture.endpoint()).ses());
            String to = recipient();

            String id = captured.send(email(to, SUBJECT));

            assertThat(id).isEqualTo("captured-1");
            RecordedRequest request = capture.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("FeedbackForwardingEmailAddress").asText())
                    .isEqualTo("reply+pq7vn2kxr4tz@reply.example.com");
            assertThat(body.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo(to);
            assertThat(body.path("Destination").path("CcAddresses").get(0).asText()).isEqualTo("cc-" + to);
            MimeMessage raw = parse(Base64.getDecoder().decode(body.path("Content").path("Raw").path("Data").asText()));
            assertThat(raw.getHeader("Message-ID", null)).isEqualTo("<fu-abc.0@ar-followup.atelier-lumen.example>");
            assertThat(raw.getHeader("In-Reply-To", null)).isEqualTo("<DB9PR02MB7321@outlook.example.com>");
            assertThat(raw.getSubject()).isEqualTo(SUBJECT);
        }
    }

    @Test
    void send_withoutFeedbackAddress_sendsNone() throws Exception {
        try (SesCapture capture = new SesCapture()) {
            OutgoingEmail e = email(recipient(), SUBJECT);
            OutgoingEmail internal = new OutgoingEmail(e.from(), e.to(), e.cc(), null, e.subject(), e.textBody(),
                    null, e.messageId(), null, null, null, null, null);

            new SesMailer(LocalAws.clients("ses", capture.endpoint()).ses()).send(internal);

            assertThat(JSON.readTree(capture.requests().get(0).body()).has("FeedbackForwardingEmailAddress")).isFalse();
        }
    }

    /** A loopback stand-in for SES v2 SendEmail that keeps the request as sent. */
    static final class SesCapture extends LoopbackStub {
        @Override
        protected Reply answer(RecordedRequest request) {
            return Reply.json(200, "{\"MessageId\":\"captured-" + requests().size() + "\"}");
        }
    }
}
