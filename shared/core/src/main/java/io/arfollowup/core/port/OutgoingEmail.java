package io.arfollowup.core.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message we send. {@code messageId} is derived from what it is about (follow-up id...) so that even a double
 * send is recognisable downstream; {@code feedbackForwardingAddress} brings bounces back through the inbound path.
 */
public record OutgoingEmail(
        String from,
        List<String> to,
        List<String> cc,
        String replyTo,
        String subject,
        String textBody,
        String htmlBody,
        String messageId,
        String inReplyTo,
        List<String> references,
        String feedbackForwardingAddress,
        List<Attachment> attachments,
        Map<String, String> headers) {

    public OutgoingEmail {
        Objects.requireNonNull(from, "from");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs at least one recipient");
        }
    }

    /** A file attached to an outgoing message. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
