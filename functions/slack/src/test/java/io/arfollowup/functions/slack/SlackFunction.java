package io.arfollowup.functions.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.Work;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The slack function wired as in AWS (SlackHandler → SlackHttpAdapter → Bolt → SlackApp) on in-memory stores, the
 * loopback Slack Web API stand-in and a fixed clock; requests signed with the v0 algorithm written out here, not
 * with the code under test.
 */
final class SlackFunction implements AutoCloseable {

    /** The fake signing secret of the shared Slack fixtures (cases/README.md). */
    static final String SECRET = "8f14e45fceea167a5a36dedd4bea2543";

    final SlackApiStub slack = new SlackApiStub();
    final InMemoryResponseStore responses = new InMemoryResponseStore();
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final InMemoryItemStore items = new InMemoryItemStore();
    private final List<Work> dispatched = new CopyOnWriteArrayList<>();
    final List<Thread> dispatchThreads = new CopyOnWriteArrayList<>();
    final Clock clock;
    final SlackHandler handler;
    final Customer customer = TestData.aCustomer().id("C-DUBREUIL").named("Atelier Dubreuil SARL").build();

    SlackFunction(Instant now, Language ui) {
        this(now, ui, null);
    }

    /** {@code dispatcher} null: record the work handed off; otherwise hand it to that dispatcher too. */
    SlackFunction(Instant now, Language ui, WorkDispatcher dispatcher) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.endpoint() + "/api/");
        WorkDispatcher recording = work -> {
            dispatchThreads.add(Thread.currentThread());
            dispatched.add(work);
            if (dispatcher != null) {
                dispatcher.dispatch(work);
            }
        };
        SlackApp app = new SlackApp("xoxb-test", Slack.getInstance(config), new SlackApp.Ports(responses, customers,
                items, YamlRuleCatalog.bundled(), recording, clock, ui));
        this.handler = new SlackHandler(new SlackHttpAdapter(app.app(), new SlackSignatureVerifier(SECRET, clock)));
        customers.put(customer);
        items.put(TestData.anInvoice(customer.id(), "FA-2025-0142").build());
        items.put(TestData.anInvoice(customer.id(), "FA-2025-0190").build());
    }

    List<Work> dispatched() {
        return List.copyOf(dispatched);
    }

    Response storeResponse(String id, ResponseState state) {
        Response r = new Response(id, ResponseChannel.EMAIL, customer.id(), "m.dubreuil@atelier-dubreuil.example.net",
                "Marc Dubreuil", Instant.parse("2025-03-10T08:00:00Z"), "RE: Relance facture FA-2025-0142",
                "Le virement a été émis ce matin (réf. VIR-88412).", "fr", "raw/" + id, null, List.of(),
                List.of("FA-2025-0142"), List.of(), null, null, null, state, null, null);
        responses.create(r);
        return r;
    }

    /** The handler's answer to an API Gateway event. */
    record Reply(int status, String body, JsonObject raw) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    Reply send(JsonObject event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out,
                    null);
            JsonObject reply = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
            return new Reply(reply.get("statusCode").getAsInt(), reply.get("body").getAsString(), reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String responseUrl() {
        return slack.endpoint() + "/response/T07EXMPL01/8591234567890/FixtureResponseUrlToken01";
    }

    @Override
    public void close() {
        slack.close();
    }

    // ---- requests as Slack sends them ----

    /** Slack's v0 signature: "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body)). */
    static String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject fixture(String name) {
        try {
            return JsonParser.parseString(Files.readString(Path.of(System.getProperty("arfollowup.shared.dir"),
                    "cases", name))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw body bytes of a REST v1 event (base64-decoded when flagged). */
    static byte[] body(JsonObject v1) {
        String body = v1.get("body").getAsString();
        return v1.get("isBase64Encoded").getAsBoolean() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The interaction payload of a form body {@code payload=<url-encoded JSON>}. */
    static JsonObject payload(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        return JsonParser.parseString(URLDecoder.decode(form.substring("payload=".length()), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    static byte[] formBody(JsonObject payload) {
        return ("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A fixture's block_actions payload clicking our button {@code actionId} on {@code responseId}. */
    JsonObject click(JsonObject fixturePayload, String actionId, String responseId) {
        JsonObject p = fixturePayload.deepCopy();
        JsonObject action = p.getAsJsonArray("actions").get(0).getAsJsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "response_actions");
        action.addProperty("value", responseId);
        p.addProperty("response_url", responseUrl());
        return p;
    }

    /** A REST API v1 proxy event (the shape of the shared fixtures) carrying {@code body}, signed at {@code ts}. */
    static JsonObject v1Event(byte[] body, String ts, String signature, boolean base64) {
        JsonObject e = fixture("S03-ack-then-background-work-lost.json");
        JsonObject headers = new JsonObject();
        headers.addProperty("Content-Type", "application/x-www-form-urlencoded");
        headers.addProperty("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        if (ts != null) {
            headers.addProperty("X-Slack-Request-Timestamp", ts);
        }
        if (signature != null) {
            headers.addProperty("X-Slack-Signature", signature);
        }
        e.add("headers", headers);
        e.remove("multiValueHeaders");
        e.addProperty("body", base64 ? Base64.getEncoder().encodeToString(body)
                : new String(body, StandardCharsets.UTF_8));
        e.addProperty("isBase64Encoded", base64);
        return e;
    }

    static JsonObject v1Signed(byte[] body, Instant at, boolean base64) {
        String ts = Long.toString(at.getEpochSecond());
        return v1Event(body, ts, sign(ts, body), base64);
    }

    /** An HTTP API v2 / Function URL event: lower-case headers, form bodies base64-encoded. */
    static JsonObject v2Signed(byte[] body, Instant at) {
        String ts = Long.toString(at.getEpochSecond());
        JsonObject e = new JsonObject();
        e.addProperty("version", "2.0");
        e.addProperty("routeKey", "POST /slack/events");
        e.addProperty("rawPath", "/slack/events");
        e.addProperty("rawQueryString", "");
        JsonObject headers = new JsonObject();
        headers.addProperty("content-type", "application/x-www-form-urlencoded");
        headers.addProperty("x-slack-request-timestamp", ts);
        headers.addProperty("x-slack-signature", sign(ts, body));
        e.add("headers", headers);
        JsonObject http = new JsonObject();
        http.addProperty("method", "POST");
        http.addProperty("path", "/slack/events");
        http.addProperty("sourceIp", "192.0.2.10");
        JsonObject context = new JsonObject();
        context.add("http", http);
        e.add("requestContext", context);
        e.addProperty("body", Base64.getEncoder().encodeToString(body));
        e.addProperty("isBase64Encoded", true);
        return e;
    }

    /** A view_submission of the Qualify modal for {@code responseId} with these block values. */
    static JsonObject submission(String responseId, JsonObject values) {
        JsonObject p = JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T07EXMPL01","domain":"exemple-facturation"},
                 "user":{"id":"U07ABCD1234","username":"camille.roux","name":"camille.roux","team_id":"T07EXMPL01"},
                 "api_app_id":"A07RELANCE1","token":"fixtureVerificationTokenNotUsed","trigger_id":"1.2.3",
                 "view":{"id":"V07MODAL01","team_id":"T07EXMPL01","type":"modal","callback_id":"qualify_modal",
                         "hash":"1741600000.abcdef","blocks":[]},
                 "response_urls":[],"is_enterprise_install":false}
                """).getAsJsonObject();
        JsonObject view = p.getAsJsonObject("view");
        view.addProperty("private_metadata", responseId);
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        return p;
    }

    static JsonObject selected(String type, String value) {
        JsonObject v = new JsonObject();
        v.addProperty("type", type);
        JsonObject option = new JsonObject();
        option.addProperty("value", value);
        v.add("selected_option", option);
        return wrap(v);
    }

    static JsonObject multi(String... values) {
        JsonObject v = new JsonObject();
        v.addProperty("type", "multi_static_select");
        JsonArray options = new JsonArray();
        for (String value : values) {
            JsonObject o = new JsonObject();
            o.addProperty("value", value);
            options.add(o);
        }
        v.add("selected_options", options);
        return wrap(v);
    }

    static JsonObject date(String isoDate) {
        JsonObject v = new JsonObject();
        v.addProperty("type", "datepicker");
        v.addProperty("selected_date", isoDate);
        return wrap(v);
    }

    static JsonObject text(String value) {
        JsonObject v = new JsonObject();
        v.addProperty("type", "plain_text_input");
        v.addProperty("value", value);
        return wrap(v);
    }

    private static JsonObject wrap(JsonObject element) {
        JsonObject block = new JsonObject();
        block.add("value", element);
        return block;
    }
}
