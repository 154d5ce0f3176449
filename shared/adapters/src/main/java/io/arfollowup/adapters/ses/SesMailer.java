package io.arfollowup.adapters.ses;

import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.OutgoingEmail;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends through SES v2 ({@link SesV2Api}) with Raw content built by jakarta-mail, so we own the headers: a Message-ID derived from
 * what the mail is about, In-Reply-To/References for threading, and FeedbackForwardingEmailAddress set to the
 * reply address so bounces come back through the inbound path with their token (DESIGN §7).
 */
public final class SesMailer implements Mailer {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final SesV2Api ses;
    private final String configurationSet;

    public SesMailer(SesV2Api ses) {
        this(ses, null);
    }

    /**
     * {@code configurationSet}: the SES configuration set every message is sent with (in AWS, the stack's: bounce and
     * complaint events mark contacts failing); null sends without one (the local engines).
     */
    public SesMailer(SesV2Api ses, String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    @Override
    public String send(OutgoingEmail email) {
        byte[] raw = mime(email);
        return ses.sendRawEmail(raw, email.to(), email.cc(), email.feedbackForwardingAddress(),
                configurationSet);
    }

    /** Builds a message and signs a request without sending anything (init / SnapStart priming). */
    public void prime() {
        mime(new OutgoingEmail("prime@example.invalid", java.util.List.of("prime@example.invalid"), null, null,
                "prime", "prime", "<p>prime</p>", "<prime@example.invalid>", null, null, null, null,
                java.util.Map.of()));
        ses.prime();
    }

    /** The exact MIME bytes sent (tests assert threading headers here: the local SES drops them from its store). */
    public static byte[] mime(OutgoingEmail email) {
        try {
            MimeMessage m = new FixedIdMessage(SESSION, email.messageId());
            m.setFrom(new InternetAddress(email.from(), true));
            for (String to : email.to()) {
                m.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            }
            for (String cc : email.cc()) {
                m.addRecipient(MimeMessage.RecipientType.CC, new InternetAddress(cc, true));
            }
            if (email.replyTo() != null) {
                m.setReplyTo(new InternetAddress[] {new InternetAddress(email.replyTo(), true)});
            }
            m.setSubject(headerSafe(email.subject()), StandardCharsets.UTF_8.name());
            if (email.inReplyTo() != null) {
                m.setHeader("In-Reply-To", email.inReplyTo());
            }
            if (!email.references().isEmpty()) {
                m.setHeader("References", String.join(" ", email.references()));
            }
            m.setHeader("Auto-Submitted", "auto-generated");
            for (var h : email.headers().entrySet()) {
                m.setHeader(h.getKey(), headerSafe(h.getValue()));
            }
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.textBody() == null ? "" : email.textBody(), StandardCharsets.UTF_8.name(), "plain");
            alternative.addBodyPart(text);
            if (email.htmlBody() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setText(email.htmlBody(), StandardCharsets.UTF_8.name(), "html");
                alternative.addBodyPart(html);
            }
            if (email.attachments().isEmpty()) {
                m.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                for (OutgoingEmail.Attachment a : email.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                    part.setFileName(a.filename());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                m.setContent(mixed);
            }
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build the message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header values never carry CR/LF (header injection, folded garbage). */
    static String headerSafe(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").trim();
    }

    /** jakarta-mail replaces Message-ID on saveChanges(); keep ours. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId != null) {
                setHeader("Message-ID", messageId);
            } else {
                super.updateMessageID();
            }
        }
    }
}
