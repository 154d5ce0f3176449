package io.arfollowup.functions.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.core.usecase.ReceiveEmail;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two events that bring mail in (DESIGN §1 F1): the SES receipt event of the rule's Lambda action (envelope
 * recipients, verdicts; the object key is the S3 action's prefix + the SES message id, or {@code objectKey} when the
 * event carries it) and a bare S3 ObjectCreated event (demo, replay of a stored mail: envelope and verdicts unknown).
 */
final class InboundEvents {

    private InboundEvents() {
    }

    static List<ReceiveEmail.Command> commands(JsonNode event, String rawPrefix) {
        List<ReceiveEmail.Command> out = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String source = record.path("eventSource").asText(record.path("EventSource").asText(""));
            if ("aws:ses".equals(source)) {
                out.add(fromSes(record.path("ses"), rawPrefix));
            } else if ("aws:s3".equals(source)) {
                out.add(fromS3(record));
            } else {
                throw new IllegalArgumentException("unsupported event source '" + source + "'");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no Records in the event");
        }
        return out;
    }

    private static ReceiveEmail.Command fromSes(JsonNode ses, String rawPrefix) {
        JsonNode mail = ses.path("mail");
        JsonNode receipt = ses.path("receipt");
        String messageId = mail.path("messageId").asText();
        String key = receipt.path("action").path("objectKey").asText("");
        if (key.isEmpty()) {
            String prefix = receipt.path("action").path("objectKeyPrefix").asText(rawPrefix);
            key = (prefix == null ? "" : prefix) + messageId;
        }
        List<String> recipients = new ArrayList<>();
        receipt.path("recipients").forEach(r -> recipients.add(r.asText()));
        ReceiveEmail.Verdicts verdicts = new ReceiveEmail.Verdicts(status(receipt, "spamVerdict"),
                status(receipt, "virusVerdict"), status(receipt, "spfVerdict"), status(receipt, "dkimVerdict"),
                status(receipt, "dmarcVerdict"));
        String ts = mail.path("timestamp").asText(null);
        return new ReceiveEmail.Command(key, messageId, recipients, verdicts, ts == null ? null : Instant.parse(ts));
    }

    private static ReceiveEmail.Command fromS3(JsonNode record) {
        // S3 event keys are URL-encoded, '+' meaning space (FACTS.md)
        String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
        String ts = record.path("eventTime").asText(null);
        return new ReceiveEmail.Command(key, null, List.of(), ReceiveEmail.Verdicts.UNKNOWN,
                ts == null ? null : Instant.parse(ts));
    }

    private static String status(JsonNode receipt, String verdict) {
        return receipt.path(verdict).path("status").asText(null);
    }
}
