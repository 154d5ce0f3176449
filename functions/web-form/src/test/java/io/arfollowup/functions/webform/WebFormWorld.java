package io.arfollowup.functions.webform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.dynamodb.SingleTable;
import io.arfollowup.adapters.s3.S3BlobStore;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.token.LinkSigner;
import io.arfollowup.core.webform.CustomerLinks;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.EngineLauncher;
import io.arfollowup.testing.engines.RunningEngine;
import io.arfollowup.testing.stubs.SchedulerStub;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web-form function on the real local engines (dynalite, s3rver, aws-ses-v2-local) with the Slack and
 * Scheduler stand-ins on loopback, called exactly as Lambda would: API Gateway HTTP API v2 events with
 * base64-encoded bodies through {@link WebFormHandler#handleRequest}.
 */
final class WebFormWorld implements AutoCloseable {

    static final String KEY = "web-form-it-link-signing-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    final RunningEngine dynamo;
    final RunningEngine s3;
    final RunningEngine ses;
    final SlackApiStub slack = new SlackApiStub();
    final SchedulerStub scheduler = new SchedulerStub();
    final Components c;
    final WebFormHandler handler;
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

    WebFormWorld() {
        EngineLauncher launcher = EngineLauncher.forThisCheckout();
        dynamo = launcher.start(Engine.DYNALITE);
        s3 = launcher.start(Engine.S3);
        ses = launcher.start(Engine.SES);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "eu-west-3");
        env.put("TABLE_NAME", "web-form-it");
        env.put("MAIL_BUCKET", "web-form-it");
        env.put("INBOUND_DOMAINS", "inbound.atelier-lumen.example");
        env.put("SENDER_ADDRESS", "relances@atelier-lumen.example");
        env.put("COMPANY_NAME", "Atelier Lumen");
        env.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/ar-followup-scheduler");
        env.put("RUNNER_TARGET_ARN", "arn:aws:lambda:eu-west-3:000000000000:function:runner:live");
        env.put("SCHEDULE_DLQ_ARN", "arn:aws:sqs:eu-west-3:000000000000:dlq");
        env.put("SLACK_CHANNEL", "C0COLLECT");
        env.put("SLACK_BOT_TOKEN", "xoxb-local");
        env.put("SLACK_API_URL", slack.endpoint() + "/api/");
        env.put("SLACK_LANGUAGE", "fr");
        env.put("LINK_SIGNING_KEY", KEY);
        env.put("WEB_BASE_URL", "https://pay.example.com");
        env.put("WEB_PROMISE_HORIZON_DAYS", "60");
        env.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("SES_ENDPOINT", ses.endpoint().toString());
        env.put("SCHEDULER_ENDPOINT", scheduler.endpoint().toString());
        c = new Components(AppConfig.from(env), Clock.systemUTC());
        SingleTable.createIfMissing(c.dynamo(), "web-form-it");
        ((S3BlobStore) c.blobs()).createBucketIfMissing();
        handler = new WebFormHandler(WebFormHandler.defaultRoutes(c));
    }

    /** A French customer with two open invoices, one with its PDF stored, and a credit note; an English one. */
    void seed() {
        c.customers().put(new Customer("fournil", "Le Fournil <Saint-Roch>", Language.FR, Country.FR,
                ZoneId.of("Europe/Paris"), List.of(Contact.of("compta@fournil.example", "Julie Bertin")), "U0COLLECT1",
                null));
        c.items().put(item("fournil", "FA-2025-00412", "1840.00", -20, null));
        c.items().put(item("fournil", "FA-2025-00556", "415.20", 14, "documents/FA-2025-00556.pdf"));
        c.items().put(new Item("fournil", "AV-2025-0074", ItemKind.CREDIT_NOTE, new BigDecimal("-96.00"),
                new BigDecimal("-96.00"), "EUR", today.minusDays(23), today.minusDays(23), null, null, null, null, null));
        c.customers().put(new Customer("thornbury", "Thornbury & Pell", Language.EN, Country.GB,
                ZoneId.of("Europe/London"), List.of(Contact.of("ap@thornbury.example", null)), "U0COLLECT3", null));
        c.items().put(new Item("thornbury", "FA-2025-00417", ItemKind.INVOICE, new BigDecimal("1872.00"),
                new BigDecimal("1872.00"), "GBP", today.minusDays(45), today.minusDays(15), null, null, null, null, null));
    }

    Item item(String customer, String number, String amount, int dueInDays, String documentKey) {
        return new Item(customer, number, ItemKind.INVOICE, new BigDecimal(amount), new BigDecimal(amount), "EUR",
                today.plusDays(dueInDays - 30), today.plusDays(dueInDays), null, null, null, null, documentKey);
    }

    String token(String customerId) {
        return c.customerLinks().token(customerId);
    }

    /** A customer link signed with our key that expired an hour ago. */
    String expiredToken(String customerId) {
        Clock past = Clock.offset(Clock.systemUTC(), CustomerLinks.VALIDITY.plus(Duration.ofHours(1)).negated());
        return new CustomerLinks(new LinkSigner(KEY.getBytes(StandardCharsets.UTF_8), past), "", past)
                .token(customerId);
    }

    /** How many items the table holds (test-only Scan): proves what was written, or not. */
    int tableSize() {
        return c.dynamo().scan(b -> b.tableName("web-form-it")).count();
    }

    // ---------------------------------------------------------------- HTTP API v2 events

    record Page(int status, Map<String, String> headers, String body) {
        String csrf() {
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no csrf in page:\n" + body);
            }
            return m.group(1);
        }
    }

    Page get(String path) {
        return call("GET", path, Map.of(), new byte[0]);
    }

    Page post(String path, String contentType, byte[] body) {
        return call("POST", path, Map.of("content-type", contentType), body);
    }

    Page call(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : "";
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0").put("routeKey", method + " /r/{token}").put("rawPath", path)
                .put("rawQueryString", query);
        ObjectNode h = e.putObject("headers");
        h.put("host", "abc123.execute-api.eu-west-3.amazonaws.com");
        headers.forEach(h::put);
        e.putObject("requestContext").putObject("http").put("method", method).put("path", path)
                .put("sourceIp", "203.0.113.7");
        e.put("body", Base64.getEncoder().encodeToString(body));
        e.put("isBase64Encoded", true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(e)), out, null);
            JsonNode r = JSON.readTree(out.toByteArray());
            Map<String, String> rh = new LinkedHashMap<>();
            r.path("headers").fields().forEachRemaining(x -> rh.put(x.getKey(), x.getValue().asText()));
            return new Page(r.path("statusCode").asInt(), rh, r.path("body").asText());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A multipart/form-data body as a browser builds it. */
    static final class Multipart {
        final String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<String> names = new ArrayList<>();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            names.add(name);
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the local SES holds (GET /store). */
    JsonNode sentMail() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ses.endpoint() + "/store")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body()).path("emails");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        slack.close();
        scheduler.close();
        dynamo.close();
        s3.close();
        ses.close();
    }
}
