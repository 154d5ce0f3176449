package io.arfollowup.adapters.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
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

    public static HttpEvent parse(JsonObject e) {
        boolean v2 = "2.0".equals(Json.text(e, "", "version"));
        Map<String, String> headers = new LinkedHashMap<>();
        JsonElement h = Json.path(e, "headers");
        if (h.isJsonObject()) {
            h.getAsJsonObject().entrySet().forEach(x -> headers.put(x.getKey().toLowerCase(Locale.ROOT),
                    x.getValue().isJsonNull() ? "" : x.getValue().getAsString()));
        }
        JsonElement mv = Json.path(e, "multiValueHeaders");
        if (!v2 && mv.isJsonObject()) {
            mv.getAsJsonObject().entrySet().forEach(x -> {
                if (x.getValue().isJsonArray() && x.getValue().getAsJsonArray().size() > 0) {
                    headers.putIfAbsent(x.getKey().toLowerCase(Locale.ROOT),
                            x.getValue().getAsJsonArray().get(0).getAsString());
                }
            });
        }
        String rawBody = Json.text(e, "", "body");
        byte[] body = Json.bool(e, false, "isBase64Encoded") ? Base64.getDecoder().decode(rawBody)
                : rawBody.getBytes(StandardCharsets.UTF_8);
        String method = v2 ? Json.text(e, "POST", "requestContext", "http", "method") : Json.text(e, "POST", "httpMethod");
        String path = v2 ? Json.text(e, "/", "rawPath") : Json.text(e, "/", "path");
        String query = v2 ? Json.text(e, "", "rawQueryString") : v1Query(Json.path(e, "queryStringParameters"));
        String ip = v2 ? Json.text(e, null, "requestContext", "http", "sourceIp")
                : Json.text(e, null, "requestContext", "identity", "sourceIp");
        return new HttpEvent(method, path, query, headers, body, ip);
    }

    private static String v1Query(JsonElement params) {
        StringBuilder sb = new StringBuilder();
        if (params.isJsonObject()) {
            params.getAsJsonObject().entrySet().forEach(p -> {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(p.getKey()).append('=').append(p.getValue().isJsonNull() ? "" : p.getValue().getAsString());
            });
        }
        return sb.toString();
    }

    /** The response both event versions understand. */
    public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        public static Reply text(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body, Map.of());
        }

        public static Reply html(int status, String body, Map<String, List<String>> headers) {
            return new Reply(status, "text/html; charset=utf-8", body, headers);
        }

        /** The Lambda proxy response JSON (HTTP API v2 and REST v1 both read this shape). */
        public String toLambdaJson() {
            JsonObject out = new JsonObject();
            out.addProperty("statusCode", status);
            JsonObject h = new JsonObject();
            if (contentType != null) {
                h.addProperty("content-type", contentType);
            }
            headers.forEach((k, v) -> {
                if (!v.isEmpty() && !k.equalsIgnoreCase("content-type")) {
                    h.addProperty(k, String.join(", ", v));
                }
            });
            out.add("headers", h);
            out.addProperty("body", body);
            out.addProperty("isBase64Encoded", false);
            return Json.GSON.toJson(out);
        }
    }
}
