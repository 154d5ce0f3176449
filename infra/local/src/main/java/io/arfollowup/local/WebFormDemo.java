package io.arfollowup.local;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.webform.CustomerLinks;
import io.arfollowup.core.webform.Statement;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make demo}, part (f): the customer's page. Prints a working link for a demo customer (the local runtime
 * serves it while the demo keeps running), then answers it over HTTP as a browser would — a promise on one invoice,
 * a dispute with a small PDF on another, multipart/form-data — and prints the stored response and its card.
 */
public final class WebFormDemo {

    public static final String CUSTOMER = "residences-mistral";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("<h1[^>]*>([^<]+)</h1>");

    /** What happened, for the end-to-end test. */
    public record Run(String link, int getStatus, int postStatus, String confirmation, Response response,
                      SlackApiStub.Message card) {
    }

    private final LocalRuntime runtime;
    private final Components c;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    public WebFormDemo(LocalRuntime runtime, PrintStream out) {
        this.runtime = runtime;
        this.c = runtime.environment().components();
        this.out = out;
    }

    public Run run() {
        out.println();
        out.println("(f) the customer's page: a signed link, answered over HTTP (multipart, base64 through the "
                + "HTTP API v2 event)");
        String link = CustomerLinks.url(runtime.endpoint().toString(), c.customerLinks().token(CUSTOMER));
        out.println("  link for " + CUSTOMER + " (valid 30 days; open it in a browser while `make demo` serves, not with --once): ");
        out.println("    " + link);

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(link)).GET().build());
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            out.println("  GET → HTTP " + page.statusCode() + ": no form");
            return new Run(link, page.statusCode(), 0, null, null, null);
        }
        List<Item> invoices = new Statement(c.customers().get(CUSTOMER).orElseThrow(), c.items().openItems(CUSTOMER),
                LocalDate.now(ZoneId.of("Europe/Paris"))).answerable();
        LocalDate promised = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(12);
        Multipart form = new Multipart().field("csrf", csrf.group(1)).field("lang", "fr").field("intent", "answer");
        for (int i = 0; i < invoices.size(); i++) {
            form.field("n" + i, invoices.get(i).number());
        }
        form.field("c0", "WILL_PAY").field("pd0", promised.toString());
        if (invoices.size() > 1) {
            form.field("c1", "DISPUTE").field("r1", "QUANTITY");
        }
        form.field("comment", "Virement programmé pour la première facture. Pour la seconde, 2 luminaires facturés "
                + "en trop : voir le bon de livraison joint.");
        form.file("files", "bon-de-livraison.pdf", "application/pdf", samplePdf());
        int before = runtime.environment().slack().messages().size();
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        Matcher title = TITLE.matcher(done.body());
        String confirmation = title.find() ? title.group(1).trim() : "";
        out.println("  GET → HTTP " + page.statusCode() + " · POST (promise on " + invoices.get(0).number()
                + (invoices.size() > 1 ? ", dispute on " + invoices.get(1).number() : "") + ", 1 PDF) → HTTP "
                + done.statusCode() + " « " + confirmation + " »");

        List<SlackApiStub.Message> messages = runtime.environment().slack().messages();
        SlackApiStub.Message card = messages.size() > before ? messages.get(messages.size() - 1) : null;
        Response response = card == null ? null : responseOf(card).orElse(null);
        if (response == null) {
            out.println("  no card posted");
            return new Run(link, page.statusCode(), done.statusCode(), confirmation, null, card);
        }
        out.println("  stored response " + response.id() + " (" + response.channel() + ", " + response.answers().size()
                + " answers, " + response.attachments().size() + " file) → card in " + card.channel() + " at "
                + card.ts());
        response.answers().forEach(a -> out.println("    • " + a.itemNumber() + " : " + a.choice()
                + (a.date() == null ? "" : " " + a.date()) + (a.reason() == null ? "" : " (" + a.reason() + ")")));
        if (response.suggestion() != null) {
            for (SuggestedGroup g : response.suggestion().groups()) {
                out.println("    suggestion: " + g.statusCode() + " " + g.itemNumbers()
                        + (g.promisedDate() == null ? "" : " promised " + g.promisedDate())
                        + (g.followUpDate() == null ? "" : " → follow-up " + g.followUpDate()));
            }
        }
        return new Run(link, page.statusCode(), done.statusCode(), confirmation, response, card);
    }

    private Optional<Response> responseOf(SlackApiStub.Message card) {
        Matcher m = Pattern.compile("\"value\":\"(wf-[a-z2-7]+)\"").matcher(String.valueOf(card.blocks()));
        return m.find() ? c.responses().get(m.group(1)) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A tiny, valid one-page PDF (what a scanner would send, only smaller). */
    static byte[] samplePdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** multipart/form-data as a browser sends it. */
    static final class Multipart {
        private final String boundary = "----arfollowupDemo" + Long.toHexString(System.nanoTime());
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            buf.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            buf.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(buf.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String s) {
            buf.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
