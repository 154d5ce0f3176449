package io.arfollowup.functions.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as our handlers see it, from an API Gateway HTTP API v2 / Function URL event or a REST API v1
 * proxy event: lower-case header names, the exact raw body bytes (base64-decoded when {@code isBase64Encoded}).
 * Signatures are verified over these bytes, never over a re-encoded body.
 */
public record HttpEvent(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                        String sourceIp) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public static HttpEvent parse(JsonNode e) {
        boolean v2 = "2.0".equals(e.path("version").asText());
        Map<String, String> headers = new LinkedHashMap<>();
        e.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
                h.getValue().asText()));
        if (!v2) {
            e.path("multiValueHeaders").fields().forEachRemaining(h -> headers.putIfAbsent(
                    h.getKey().toLowerCase(Locale.ROOT), h.getValue().path(0).asText()));
        }
        String rawBody = e.path("body").isNull() ? "" : e.path("body").asText("");
        byte[] body = e.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(rawBody)
                : rawBody.getBytes(StandardCharsets.UTF_8);
        String method = v2 ? e.path("requestContext").path("http").path("method").asText("POST")
                : e.path("httpMethod").asText("POST");
        String path = v2 ? e.path("rawPath").asText("/") : e.path("path").asText("/");
        String query = v2 ? e.path("rawQueryString").asText("") : v1Query(e.path("queryStringParameters"));
        String ip = v2 ? e.path("requestContext").path("http").path("sourceIp").asText(null)
                : e.path("requestContext").path("identity").path("sourceIp").asText(null);
        return new HttpEvent(method, path, query, headers, body, ip);
    }

    private static String v1Query(JsonNode params) {
        StringBuilder sb = new StringBuilder();
        params.fields().forEachRemaining(p -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p.getKey()).append('=').append(p.getValue().asText());
        });
        return sb.toString();
    }

    /** The response both event versions understand. */
    public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        public static Reply text(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body, Map.of());
        }
    }
}
