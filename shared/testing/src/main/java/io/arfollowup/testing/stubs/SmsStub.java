package io.arfollowup.testing.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for AWS End User Messaging SMS (the {@code pinpoint-sms-voice-v2} JSON 1.0 API): it answers
 * {@code SendTextMessage} like AWS ({@code {"MessageId": ...}}, 400 ValidationException on a number that is not
 * E.164, 429 ThrottlingException when told to) and keeps every message: the local SMS capture.
 */
public final class SmsStub extends LoopbackStub {

    /** A text message as AWS received it. */
    public record Sms(String to, String body, String originationIdentity, String messageType, String context,
                      String messageId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    private final List<Sms> messages = new CopyOnWriteArrayList<>();
    private volatile int throttleNext;

    public void throttleNext(int times) {
        this.throttleNext = times;
    }

    public List<Sms> messages() {
        return List.copyOf(messages);
    }

    @Override
    protected Reply answer(RecordedRequest request) throws IOException {
        String target = request.header("x-amz-target");
        if (!"POST".equals(request.method()) || target == null) {
            return error(400, "UnknownOperationException", "missing X-Amz-Target");
        }
        if (request.header("authorization") == null || !request.header("authorization").startsWith("AWS4-HMAC-SHA256")) {
            return error(403, "AccessDeniedException", "missing signature");
        }
        if (!target.equals("PinpointSMSVoiceV2.SendTextMessage")) {
            return error(400, "UnknownOperationException", target);
        }
        if (throttleNext > 0) {
            throttleNext--;
            return error(429, "ThrottlingException", "Rate exceeded");
        }
        JsonNode body = JSON.readTree(request.body());
        String to = body.path("DestinationPhoneNumber").asText("");
        if (!E164.matcher(to).matches()) {
            return error(400, "ValidationException", "DestinationPhoneNumber must be E.164");
        }
        if (body.path("MessageBody").asText("").isEmpty()) {
            return error(400, "ValidationException", "MessageBody is required");
        }
        String id = UUID.randomUUID().toString();
        messages.add(new Sms(to, body.path("MessageBody").asText(), body.path("OriginationIdentity").asText(null),
                body.path("MessageType").asText(null), body.path("Context").path("followUpId").asText(null), id));
        return Reply.json(200, "{\"MessageId\":\"" + id + "\"}");
    }

    private static Reply error(int status, String type, String message) {
        return new Reply(status, "application/x-amz-json-1.0", ("{\"__type\":\"" + type + "\",\"Message\":\"" + message
                + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
    }
}
