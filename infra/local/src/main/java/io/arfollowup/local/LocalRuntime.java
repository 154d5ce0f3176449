package io.arfollowup.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.functions.inbound.InboundEmailHandler;
import io.arfollowup.functions.runner.FollowUpRunnerHandler;
import io.arfollowup.functions.slack.SlackHandler;
import io.arfollowup.functions.webform.WebFormHandler;
import io.arfollowup.functions.worker.Worker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * Hosts the function handlers on loopback, wired to the {@link LocalEnvironment}: the Slack request URL
 * ({@code POST /slack/events}, turned into the HTTP API v2 event API Gateway would send, base64 body included),
 * the inbound handler (invoked with SES receipt events), the runner (fired by the scheduler emulator) and the
 * worker (in-process, same code as the Lambda).
 */
public final class LocalRuntime implements AutoCloseable {

    static {
        MailSystemProperties.apply();
    }

    private final LocalEnvironment env;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor;
    private final SlackHandler slack;
    private final InboundEmailHandler inbound;
    private final FollowUpRunnerHandler runner;
    private final WebFormHandler webForm;

    public LocalRuntime(LocalEnvironment env, int port) {
        this.env = env;
        Components c = env.components();
        Worker worker = new Worker(c);
        this.slack = new SlackHandler(SlackHandler.build(c, worker));
        this.inbound = new InboundEmailHandler(c.receiveEmail(new AngusMailReader()), c.config().rawMailPrefix());
        this.runner = new FollowUpRunnerHandler(c.runFollowUp(), c.catchUpFollowUps());
        this.webForm = WebForms.handler(c);
        env.scheduler().target(this::invokeRunner);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/slack/events", exchange -> proxy(exchange, slack::handleRequest));
        server.createContext("/r/", exchange -> proxy(exchange, webForm::handleRequest));
        server.createContext("/i/", exchange -> proxy(exchange, webForm::handleRequest));
        server.createContext("/preview", new SlackPreview(this)::handle); // issue 5: the local Slack preview
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-runtime");
            t.setDaemon(true); // never keeps the JVM alive after the demo
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The local Slack preview page: cards, modals and Home from their Block Kit, clickable without JavaScript. */
    public URI previewUrl() {
        return endpoint().resolve("/preview");
    }

    public URI slackRequestUrl() {
        return endpoint().resolve("/slack/events");
    }

    public LocalEnvironment environment() {
        return env;
    }

    public HttpServer server() {
        return server;
    }

    /** Invokes the inbound handler with an event, as Lambda would (the JSON bytes through the stream handler). */
    public String invokeInbound(String eventJson) {
        return invoke(out -> inbound.handleRequest(in(eventJson), out, null));
    }

    public String invokeRunner(String inputJson) {
        return invoke(out -> runner.handleRequest(in(inputJson), out, null));
    }

    /** A Lambda's stream handler, as API Gateway would call it. */
    interface LambdaHttp {
        void handleRequest(java.io.InputStream in, OutputStream out, com.amazonaws.services.lambda.runtime.Context c)
                throws IOException;
    }

    /** Turns an HTTP request into the HTTP API v2 event API Gateway sends, and the handler's answer back. */
    private void proxy(HttpExchange exchange, LambdaHttp handler) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ObjectNode event = LocalJson.MAPPER.createObjectNode();
            event.put("version", "2.0");
            event.put("rawPath", exchange.getRequestURI().getRawPath());
            event.put("rawQueryString", exchange.getRequestURI().getRawQuery() == null ? ""
                    : exchange.getRequestURI().getRawQuery());
            ObjectNode headers = event.putObject("headers");
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            ObjectNode http = event.putObject("requestContext").putObject("http");
            http.put("method", exchange.getRequestMethod()).put("path", exchange.getRequestURI().getRawPath())
                    .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
            // API Gateway HTTP API delivers form bodies base64-encoded: do the same so the same code runs
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
            String out = invoke(o -> handler.handleRequest(in(LocalJson.MAPPER.writeValueAsString(event)), o, null));
            var response = LocalJson.MAPPER.readTree(out);
            byte[] respBody = response.path("body").asText("").getBytes(StandardCharsets.UTF_8);
            response.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().add(h.getKey(),
                    h.getValue().asText()));
            exchange.sendResponseHeaders(response.path("statusCode").asInt(500), respBody.length == 0 ? -1
                    : respBody.length);
            if (respBody.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(respBody);
                }
            }
        }
    }

    interface StreamCall {
        void run(OutputStream out) throws IOException;
    }

    private static String invoke(StreamCall call) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            call.run(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static Instant now() {
        return Instant.now();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
