package io.arfollowup.functions.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Case W01 (shared/cases): a signed link mangled in transit ('+' → space, '=' stripped), expired, or tampered.
 * Each variant of the case file is applied, the same way, to a link we mint, and the page must answer: our links
 * (base64url, no padding) survive the two manglings unchanged; expired → 410 with "send me a new link"; tampered
 * → 400; the literal tokens of the case → 400; never a 500, and no DynamoDB write before the check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedLinkCaseW01IT {

    private WebFormWorld w;
    private JsonNode caseFile;

    @BeforeAll
    void start() throws Exception {
        w = new WebFormWorld();
        w.seed();
        Path file = Path.of(System.getProperty("arfollowup.shared.dir", "../shared"), "cases",
                "W01-signed-link-token-mangled.json");
        caseFile = WebFormWorld.JSON.readTree(Files.readString(file));
    }

    @AfterAll
    void stop() {
        w.close();
    }

    /** What each variant of the case does to a URL, applied to ours. */
    private String mangle(String how, String token) {
        if (how.contains("'+' became a space")) {
            // the mail client URL-decodes the link once more: %2B → '+' → ' ', %2F → '/'
            return URLDecoder.decode(token, StandardCharsets.UTF_8).replace('+', ' ');
        }
        if (how.contains("stripped trailing '='")) {
            return token.replaceAll("=+$", "").replaceAll("=+\\.", ".");
        }
        throw new IllegalArgumentException(how);
    }

    @Test
    void everyVariantOfTheCase_getsTheRightPage_andNothingIsWritten() {
        int before = w.tableSize();
        String ours = w.token("fournil");
        assertThat(ours).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"); // RFC 4648 §5, no padding
        List<String> seen = new ArrayList<>();
        for (JsonNode v : caseFile.path("received_variants")) {
            String how = v.path("how").asText();
            seen.add(how);
            if (how.equals("expired")) {
                WebFormWorld.Page page = w.get("/r/" + w.expiredToken("fournil"));
                assertThat(page.status()).as(how).isEqualTo(410);
                assertThat(page.body()).as(how).contains("Lien invalide ou expiré").contains("nouveau lien");
            } else if (how.startsWith("tampered")) {
                // change the customer named inside the token, keep the signature
                String payload = new String(Base64.getUrlDecoder().decode(ours.substring(0, ours.indexOf('.'))),
                        StandardCharsets.UTF_8).replace("fournil", "thornbury");
                String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        payload.getBytes(StandardCharsets.UTF_8)) + ours.substring(ours.indexOf('.'));
                WebFormWorld.Page page = w.get("/r/" + tampered);
                assertThat(page.status()).as(how).isEqualTo(400);
                assertThat(page.body()).as(how).contains("Lien invalide ou expiré");
            } else {
                String mangled = mangle(how, ours);
                assertThat(mangled).as(how + ": cannot arise with base64url links").isEqualTo(ours);
                assertThat(w.get("/r/" + mangled).status()).as(how).isEqualTo(200);
            }
            // the literal link of the variant, its t and sig as a token of ours: refused, never a 500
            String query = URI.create(v.path("url").asText().replace(" ", "%20")).getRawQuery();
            String t = param(query, "t");
            String sig = param(query, "sig");
            for (String token : List.of(t + "." + sig, t, sig)) {
                WebFormWorld.Page page = w.get("/r/" + token);
                assertThat(page.status()).as(how + " literal " + token).isEqualTo(400);
                assertThat(page.body()).contains("Lien invalide ou expiré");
            }
        }
        assertThat(seen).hasSize(4);
        // and a mangled copy of our own link as a naive standard-base64 issuer would have produced it
        String standard = ours.replace('-', '+').replace('_', '/');
        if (!standard.equals(ours)) {
            assertThat(w.get("/r/" + standard.replace('+', ' ').replace(" ", "%20")).status()).isEqualTo(400);
        }
        assertThat(w.tableSize()).isEqualTo(before);
    }

    private static String param(String query, String name) {
        for (String p : query.split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }
}
