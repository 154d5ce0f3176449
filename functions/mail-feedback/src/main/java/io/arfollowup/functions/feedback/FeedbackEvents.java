package io.arfollowup.functions.feedback;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.core.usecase.RecordMailFeedback;
import io.arfollowup.core.usecase.RecordMailFeedback.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The SES events this function receives, as commands: SNS records whose message is a configuration-set event
 * ({@code eventType}) or an identity notification ({@code notificationType}), an EventBridge event from SES
 * ({@code detail}), or the bare SES JSON. A record that is not an SES event is returned as {@link Kind#OTHER} with
 * no recipient, so it is logged and dropped, never retried.
 */
final class FeedbackEvents {

    private FeedbackEvents() {
    }

    static List<RecordMailFeedback.Command> commands(JsonObject event) {
        List<RecordMailFeedback.Command> out = new ArrayList<>();
        List<JsonElement> records = Json.array(event, "Records");
        if (!records.isEmpty()) {
            for (JsonElement r : records) {
                String message = Json.text(r, "", "Sns", "Message");
                out.add(command(parse(message)));
            }
            return out;
        }
        if (event.has("detail") && event.get("detail").isJsonObject()) {
            out.add(command(event.getAsJsonObject("detail")));
            return out;
        }
        out.add(command(event));
        return out;
    }

    private static JsonObject parse(String message) {
        try {
            return Json.parse(message);
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    static RecordMailFeedback.Command command(JsonObject ses) {
        String type = Json.text(ses, Json.text(ses, "", "notificationType"), "eventType");
        String messageId = Json.text(ses, null, "mail", "messageId");
        List<String> recipients = new ArrayList<>();
        Kind kind;
        switch (type) {
            case "Bounce" -> {
                String bounceType = Json.text(ses, "", "bounce", "bounceType");
                kind = "Permanent".equals(bounceType) ? Kind.PERMANENT_BOUNCE : Kind.TRANSIENT_BOUNCE;
                for (JsonElement r : Json.array(ses, "bounce", "bouncedRecipients")) {
                    recipients.add(Json.text(r, null, "emailAddress"));
                }
            }
            case "Complaint" -> {
                kind = Kind.COMPLAINT;
                for (JsonElement r : Json.array(ses, "complaint", "complainedRecipients")) {
                    recipients.add(Json.text(r, null, "emailAddress"));
                }
            }
            default -> kind = Kind.OTHER;
        }
        return new RecordMailFeedback.Command(messageId, kind, recipients);
    }
}
