package io.arfollowup.testing.stubs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request a loopback stub received, byte for byte. Header names are lower-cased. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Form fields of an application/x-www-form-urlencoded body (the Slack SDK's usual encoding). */
    public Map<String, String> form() {
        return parseForm(bodyText());
    }

    public Map<String, String> queryParams() {
        return parseForm(query == null ? "" : query);
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
