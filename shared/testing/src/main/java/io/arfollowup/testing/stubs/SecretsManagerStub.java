package io.arfollowup.testing.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for Secrets Manager's {@code GetSecretValue} (AWS JSON 1.1, {@code X-Amz-Target:
 * secretsmanager.GetSecretValue}): answers the secrets put here, 400 {@code ResourceNotFoundException} otherwise,
 * and 400 {@code AccessDeniedException} for ARNs marked denied. Unsigned requests are refused like AWS does.
 */
public final class SecretsManagerStub extends LoopbackStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Boolean> denied = new ConcurrentHashMap<>();

    public SecretsManagerStub put(String arn, String secretString) {
        secrets.put(arn, secretString);
        return this;
    }

    public SecretsManagerStub deny(String arn) {
        denied.put(arn, true);
        return this;
    }

    @Override
    protected Reply answer(RecordedRequest request) throws IOException {
        if (!"secretsmanager.GetSecretValue".equals(request.header("x-amz-target"))) {
            return error("UnknownOperationException", "not stubbed");
        }
        String auth = request.header("authorization");
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ") || !auth.contains("/secretsmanager/aws4_request")) {
            return new Reply(403, "application/x-amz-json-1.1",
                    "{\"__type\":\"MissingAuthenticationTokenException\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of());
        }
        String id = JSON.readTree(request.body()).path("SecretId").asText();
        if (denied.containsKey(id)) {
            return error("AccessDeniedException", "not authorized to perform secretsmanager:GetSecretValue");
        }
        String value = secrets.get(id);
        if (value == null) {
            return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("ARN", id);
        out.put("Name", id.substring(id.lastIndexOf(':') + 1));
        out.put("SecretString", value);
        out.put("VersionId", "v1");
        return Reply.json(200, out.toString());
    }

    private static Reply error(String type, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("__type", "com.amazonaws.secretsmanager#" + type);
        out.put("message", message);
        return Reply.json(400, out.toString());
    }
}
