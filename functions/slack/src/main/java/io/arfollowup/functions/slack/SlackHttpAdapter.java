package io.arfollowup.functions.slack;

import io.arfollowup.adapters.http.HttpEvent;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own bridge from an HTTP event to Bolt (bolt-aws-lambda only understands REST v1 and mishandles base64
 * bodies): verify the signature on the raw bytes, hand Bolt a request with the decoded body and lower-case
 * headers, map its response back. A bad or stale signature is a 401 before Bolt sees anything.
 */
public final class SlackHttpAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpAdapter.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureVerifier verifier;

    public SlackHttpAdapter(App app, SlackSignatureVerifier verifier) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
    }

    public HttpEvent.Reply handle(HttpEvent event) {
        if (!verifier.isValid(event.header("x-slack-request-timestamp"), event.header("x-slack-signature"),
                event.body())) {
            LOG.atWarn().addKeyValue("path", event.path()).log("rejected: bad or stale Slack signature");
            return HttpEvent.Reply.text(401, "invalid signature");
        }
        com.slack.api.bolt.request.Request<?> request;
        try {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            event.headers().forEach((k, v) -> headers.put(k, List.of(v)));
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(event.path())
                    .queryString(query(event.rawQuery()))
                    .headers(new RequestHeaders(headers))
                    .requestBody(event.bodyText())
                    .remoteAddress(event.sourceIp())
                    .build());
        } catch (RuntimeException e) {
            // a signed body Bolt cannot read (not JSON, not the shape of any Slack request): the request is bad,
            // not the server; the parser's message quotes the body (customer text), so only its class is logged
            LOG.atWarn().addKeyValue("path", event.path()).addKeyValue("error", e.getClass().getSimpleName())
                    .log("rejected: unreadable Slack payload");
            return HttpEvent.Reply.text(400, "invalid request");
        }
        try {
            var response = app.run(request);
            return new HttpEvent.Reply(response.getStatusCode(), response.getContentType(),
                    response.getBody() == null ? "" : response.getBody(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders());
        } catch (Exception e) {
            // synchronous handler: catch everything, log once with ids, answer short and generic
            LOG.atError().addKeyValue("path", event.path()).setCause(e).log("slack request failed");
            return HttpEvent.Reply.text(500, "error");
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
