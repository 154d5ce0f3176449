package io.arfollowup.functions.webform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.arfollowup.adapters.http.HttpEvent;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.adapters.wiring.Components;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * web-form: the pages people open from a link, behind the HTTP API. {@code /r/{token}} is the customer's page
 * (issue 4), {@code /i/{token}} a colleague's answer to an internal e-mail (issue 6). A synchronous handler: it
 * catches everything, logs once with ids, and answers a short friendly page — never a stack trace, never a 500 page
 * without words.
 */
public final class WebFormHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebFormHandler.class);

    static {
        MailSystemProperties.apply(); // multipart bodies are parsed by Angus Mail, whose switches are JVM-wide
    }

    /** One route: method, path pattern (groups = path parameters), and what answers it. */
    public record Route(String method, Pattern path, Page page) {
    }

    /** A page: the request and its path parameters in, an HTTP reply out. */
    @FunctionalInterface
    public interface Page {
        HttpEvent.Reply answer(HttpEvent request, List<String> params) throws Exception;
    }

    static final String FUNCTION = "web-form";

    private final List<Route> routes;
    private final io.arfollowup.core.port.Metrics metrics;

    public WebFormHandler() {
        this(Components.fromEnvironment());
    }

    private WebFormHandler(Components c) {
        this(defaultRoutes(c), c.metrics());
        c.priming(FUNCTION).before("mail", c.primeMailer())
                .before("pages", () -> handle(HttpEvent.parse(Json.parse("{\"version\":\"2.0\",\"rawPath\":"
                        + "\"/r/prime\",\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\","
                        + "\"path\":\"/r/prime\",\"sourceIp\":\"127.0.0.1\"}}}"))))
                .before("link-signer", () -> c.linkSigner())
                .before("suggester", c.primeSuggester()) // built lazily (a GET does not need it): built here
                .before("s3", () -> c.aws().s3().prime(c.config().mailBucket()))
                .register();
    }

    /** Every page this function serves, wired from one {@link Components}. */
    public static List<Route> defaultRoutes(Components c) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(CustomerPage.from(c).routes());
        routes.addAll(new io.arfollowup.functions.webform.internal.InternalAnswerPages(c.internalAnswers(),
                c.linkSigner(), c.uiLanguage(), c.clock()).routes());
        return routes;
    }

    public WebFormHandler(List<Route> routes) {
        this(routes, io.arfollowup.core.port.Metrics.NONE);
    }

    public WebFormHandler(List<Route> routes, io.arfollowup.core.port.Metrics metrics) {
        this.routes = List.copyOf(routes);
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (var invocation = io.arfollowup.adapters.lambda.Invocation.start(FUNCTION, context, metrics)) {
            HttpEvent.Reply reply = handle(HttpEvent.parse(Json.parse(input)));
            output.write(reply.toLambdaJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    public HttpEvent.Reply handle(HttpEvent request) {
        for (Route r : routes) {
            Matcher m = r.path().matcher(request.path());
            if (m.matches() && r.method().equalsIgnoreCase(request.method())) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                try {
                    return r.page().answer(request, params);
                } catch (Exception e) {
                    LOG.atError().addKeyValue("path", r.path().pattern()).setCause(e).log("web page failed");
                    return page(500, "Une erreur est survenue / Something went wrong",
                            "Réessayez dans quelques minutes. / Please try again in a few minutes.");
                }
            }
        }
        return page(404, "Page introuvable / Page not found",
                "Ce lien ne correspond à aucune page. / This link does not lead to any page.");
    }

    /** A minimal bilingual page with the security headers every page carries. */
    public static HttpEvent.Reply page(int status, String title, String text) {
        String html = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title></head><body><main><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></main></body></html>";
        return HttpEvent.Reply.html(status, html, SECURITY_HEADERS);
    }

    /** CSP without inline script, no referrer, no framing, no caching (DESIGN §8). */
    public static final Map<String, List<String>> SECURITY_HEADERS = Map.of(
            "content-security-policy", List.of("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
            "referrer-policy", List.of("no-referrer"),
            "x-frame-options", List.of("DENY"),
            "x-content-type-options", List.of("nosniff"),
            "cache-control", List.of("no-store"));

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
