package io.arfollowup.functions.inbound;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
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

    static List<ReceiveEmail.Command> commands(JsonObject event, String rawPrefix) {
        List<ReceiveEmail.Command> out = new ArrayList<>();
        for (JsonElement record : Json.array(event, "Records")) {
            String source = Json.text(record, Json.text(record, "", "EventSource"), "eventSource");
            if ("aws:ses".equals(source)) {
                out.add(fromSes(Json.path(record, "ses"), rawPrefix));
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

    private static ReceiveEmail.Command fromSes(JsonElement ses, String rawPrefix) {
        String messageId = Json.text(ses, null, "mail", "messageId");
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("SES event without mail.messageId");
        }
        String key = Json.text(ses, "", "receipt", "action", "objectKey");
        if (key.isEmpty()) {
            String prefix = Json.text(ses, rawPrefix, "receipt", "action", "objectKeyPrefix");
            key = (prefix == null ? "" : prefix) + messageId;
        }
        List<String> recipients = new ArrayList<>();
        Json.array(ses, "receipt", "recipients").forEach(r -> recipients.add(r.getAsString()));
        ReceiveEmail.Verdicts verdicts = new ReceiveEmail.Verdicts(status(ses, "spamVerdict"),
                status(ses, "virusVerdict"), status(ses, "spfVerdict"), status(ses, "dkimVerdict"),
                status(ses, "dmarcVerdict"));
        String ts = Json.text(ses, null, "mail", "timestamp");
        return new ReceiveEmail.Command(key, messageId, recipients, verdicts, ts == null ? null : Instant.parse(ts));
    }

    private static ReceiveEmail.Command fromS3(JsonElement record) {
        // S3 event keys are URL-encoded, '+' meaning space (FACTS.md)
        String key = URLDecoder.decode(Json.text(record, "", "s3", "object", "key"), StandardCharsets.UTF_8);
        String ts = Json.text(record, null, "eventTime");
        return new ReceiveEmail.Command(key, null, List.of(), ReceiveEmail.Verdicts.UNKNOWN,
                ts == null ? null : Instant.parse(ts));
    }

    private static String status(JsonElement ses, String verdict) {
        return Json.text(ses, null, "receipt", verdict, "status");
    }
}
