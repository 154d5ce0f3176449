package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.adapters.slack.FollowUpCards;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.Work;
import io.arfollowup.functions.worker.Worker;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Step (g) of {@code make demo}: each mode and channel of the follow-up engine, through the same paths as in AWS.
 * An automatic e-mail (sent at (e)); a confirmation card confirmed by a signed Slack click on "Send now"; an
 * internal e-mail whose "Resolved" link is followed over HTTP (page, then Confirm) and lands in the Slack thread;
 * a re-qualification whose follow-ups are an SMS (captured by the local End User Messaging stand-in) and a letter
 * (a PDF in S3, copied to a file whose path is printed) plus a notice to the client.
 */
public final class FollowUpModesDemo {

    private static final Pattern RESOLVED_LINK = Pattern.compile("(https?://[^\\s]+/i/([A-Za-z0-9_.-]+))");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** What the section showed, for its IT. */
    public record Report(String automaticSubject, String confirmedFollowUp, int sendNowStatus, String sentAfterConfirm,
                         int linkGetStatus, int linkPostStatus, int linkReplayStatus, String threadReply,
                         String resolvedItemStatus, List<String> sms, Path letter, String letterText) {
    }

    private final LocalRuntime runtime;
    private final Components c;
    private final LocalSlackClient slack;
    private final PrintStream out;
    private final Path letterDir;
    private final HttpClient http = HttpClient.newHttpClient();

    public FollowUpModesDemo(LocalRuntime runtime, LocalSlackClient slack, PrintStream out, Path letterDir) {
        this.runtime = runtime;
        this.c = runtime.environment().components();
        this.slack = slack;
        this.out = out;
        this.letterDir = letterDir;
    }

    public Report run() {
        out.println();
        out.println("(g) follow-up modes and channels");
        String automatic = automaticEmail();
        String[] confirmed = confirmWithSendNow();
        Object[] link = followResolvedLink();
        Object[] smsAndLetter = smsAndLetter();
        @SuppressWarnings("unchecked")
        List<String> sms = (List<String>) smsAndLetter[0];
        return new Report(automatic, confirmed[0], Integer.parseInt(confirmed[1]), confirmed[2], (int) link[0],
                (int) link[1], (int) link[2], (String) link[3], (String) link[4], sms, (Path) smsAndLetter[1],
                (String) smsAndLetter[2]);
    }

    /** AUTOMATIC e-mail: the COPY_REQUEST follow-up ran at (e); show what left. */
    private String automaticEmail() {
        for (JsonNode e : sesStore().path("emails")) {
            String subject = e.path("subject").asText();
            if (subject.contains("copy of") || subject.contains("duplicata")) {
                out.printf("  automatic e-mail      → %s « %s » (reply address with token, In-Reply-To, %d attachment(s))%n",
                        e.path("destination").path("to").path(0).asText(), subject, e.path("attachments").size());
                return subject;
            }
        }
        out.println("  automatic e-mail      → none found");
        return null;
    }

    /**
     * AUTOMATIC_WITH_CONFIRMATION: the promise checked at (d) was not kept, so the check planned the broken-promise
     * follow-up (issue 7); once the scheduler fires it, it waits on its card and the owner clicks "Send now".
     */
    private String[] confirmWithSendNow() {
        java.time.Instant at = runtime.environment().scheduler().now();
        runtime.environment().scheduler().advanceTo((at.isAfter(java.time.Instant.now()) ? at
                : java.time.Instant.now()).plus(java.time.Duration.ofMinutes(2)));
        List<FollowUp> candidates = new ArrayList<>(followUpsOf("01_gmail_fr_promise.eml"));
        responseOf("01_gmail_fr_promise.eml").filter(r -> r.customerId() != null).ifPresent(r -> c.customerFollowUps()
                .ofCustomer(r.customerId(), 50).stream().filter(f -> r.id().equals(f.responseId()))
                .forEach(candidates::add));
        Optional<FollowUp> waiting = candidates.stream()
                .filter(f -> f.state() == FollowUpState.AWAITING_CONFIRMATION && f.card() != null).findFirst();
        if (waiting.isEmpty()) {
            out.println("  confirmation card     → no follow-up waiting for confirmation");
            return new String[] {null, "0", null};
        }
        FollowUp f = waiting.get();
        int before = sesStore().path("emails").size();
        int status = slack.clickButton(f.owner() == null ? "U0COLLECT1" : f.owner(), f.card().channel(), f.card().ts(),
                FollowUpCards.SEND, f.id());
        FollowUp after = c.followUps().get(f.id()).orElse(f);
        JsonNode emails = sesStore().path("emails");
        String sent = emails.size() > before ? emails.get(emails.size() - 1).path("subject").asText() : null;
        out.printf("  confirmation card     → signed click \"Send now\" → HTTP %d → %s, e-mail « %s »%n", status,
                after.state(), sent);
        return new String[] {f.id(), Integer.toString(status), sent};
    }

    /** INTERNAL_INTERACTIVE_EMAIL: the billing e-mail's "Resolved" link, followed over HTTP, twice. */
    private Object[] followResolvedLink() {
        for (JsonNode e : sesStore().path("emails")) {
            String text = e.path("body").path("text").asText(e.path("text").asText(""));
            if (!e.path("subject").asText().startsWith("[Litige administratif]")) {
                continue;
            }
            for (String line : text.split("\n")) {
                Matcher m = RESOLVED_LINK.matcher(line);
                if (!line.contains("Résolu") || !m.find()) {
                    continue;
                }
                URI local = runtime.endpoint().resolve("/i/" + m.group(2));
                HttpResponse<String> page = get(local);
                Matcher csrf = CSRF.matcher(page.body());
                String token = csrf.find() ? csrf.group(1) : "";
                int messages = runtime.environment().slack().messages().size();
                HttpResponse<String> posted = postForm(local, token, "resolved", "Avoir AV-2025-0061 émis ce jour.");
                HttpResponse<String> replay = postForm(local, token, "resolved", "again");
                String thread = runtime.environment().slack().messages().stream().skip(messages)
                        .filter(msg -> msg.threadTs() != null).map(SlackApiStub.Message::text).findFirst().orElse(null);
                FollowUp f = followUpsOf("09_outlookmac_fr_admin_dispute_cc.eml").stream().findFirst().orElse(null);
                String status = f == null ? null : c.items().get(f.customerId(), f.itemNumbers().get(0))
                        .map(Item::status).orElse(null);
                out.printf("  internal e-mail       → %s: GET %d (page, nothing written), Confirm POST %d, again %d%n",
                        e.path("destination").path("to").path(0).asText(), page.statusCode(), posted.statusCode(),
                        replay.statusCode());
                out.printf("                          Slack thread: « %s »%n", thread == null ? "-"
                        : thread.replaceAll("\\s+", " "));
                out.printf("                          item %s → %s, hold released%n",
                        f == null ? "?" : f.itemNumbers().get(0), status);
                return new Object[] {page.statusCode(), posted.statusCode(), replay.statusCode(), thread, status};
            }
        }
        out.println("  internal e-mail       → no admin-dispute e-mail with answer links found");
        return new Object[] {0, 0, 0, null, null};
    }

    /** Re-qualifications (through the worker, as the modal submits them) with an SMS and a letter template. */
    private Object[] smsAndLetter() {
        Worker worker = new Worker(c);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        List<FollowUp> planned = new ArrayList<>();
        planned.addAll(requalify(worker, "07_iphone_fr_payment_in_progress.eml", "PAYMENT_IN_PROGRESS",
                "payment-reminder-sms", today, new Notify(Notify.Target.CLIENT, null)));
        planned.addAll(requalify(worker, "08_thunderbird_en_payment_plan.eml", "PAYMENT_PLAN_REQUEST",
                "formal-notice-letter", today, Notify.NOBODY));
        Instant last = planned.stream().map(FollowUp::due).max(Instant::compareTo).orElse(Instant.now());
        runtime.environment().scheduler().advanceTo(last.plus(Duration.ofMinutes(1)));

        List<String> sms = new ArrayList<>();
        runtime.environment().sms().messages().forEach(m -> {
            sms.add(m.to() + " " + m.body());
            out.printf("  SMS (captured)        → %s « %s »%n", m.to(), m.body());
        });
        Path letter = null;
        String letterText = null;
        for (FollowUp f : planned) {
            FollowUp now = c.followUps().get(f.id()).orElse(f);
            String key = io.arfollowup.core.usecase.RunFollowUp.letterKey(now);
            if (!c.blobs().exists(key)) {
                continue;
            }
            try (InputStream in = c.blobs().open(key)) {
                byte[] pdf = in.readAllBytes();
                Files.createDirectories(letterDir);
                letter = letterDir.resolve(now.id() + ".pdf").toAbsolutePath();
                Files.write(letter, pdf);
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    letterText = new PDFTextStripper().getText(doc);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String firstLines = letterText.lines().filter(l -> !l.isBlank()).limit(6)
                    .reduce((a, b) -> a + " / " + b).orElse("");
            out.printf("  letter (PDF in S3 %s) → %s%n", key, letter);
            out.printf("                          « %s »; print-and-post task card for %s (%s)%n", firstLines,
                    now.owner(), now.state());
        }
        long notices = 0;
        for (JsonNode e : sesStore().path("emails")) {
            if (e.path("subject").asText().contains("suite à votre message")
                    || e.path("subject").asText().contains("following your message")) {
                notices++;
                out.printf("  notice after qualif.  → %s « %s »%n", e.path("destination").path("to").path(0).asText(),
                        e.path("subject").asText());
            }
        }
        if (notices == 0) {
            out.println("  notice after qualif.  → none");
        }
        return new Object[] {sms, letter, letterText};
    }

    private List<FollowUp> requalify(Worker worker, String file, String status, String template, LocalDate date,
                                     Notify notify) {
        Response response = responseOf(file).orElse(null);
        Qualification previous = response == null ? null : c.qualifications().latest(response.id()).orElse(null);
        if (previous == null) {
            out.println("  " + file + ": not qualified, skipped");
            return List.of();
        }
        List<String> items = previous.groups().get(0).itemNumbers();
        QualifyResponse.Result r = (QualifyResponse.Result) worker.run(new Work.Qualify(new QualifyResponse.Command(
                response.id(), "demo-f:" + template, List.of(new QualificationGroup(items, status,
                        previous.groups().get(0).comment(), previous.groups().get(0).owner(), null, null,
                        new FollowUpOverride(template, date, FollowUpMode.AUTOMATIC, false))), notify,
                "U0COLLECT1", true)));
        out.printf("  re-qualified %-32s → %s with follow-up %s (%s), previous follow-ups cancelled%n", file,
                r.status(), template, r.followUps().isEmpty() ? "-" : r.followUps().get(0).state());
        return r.followUps();
    }

    private Optional<Response> responseOf(String file) {
        String messageId = "demo-" + Ids.derived("", file).substring(0, 20);
        return c.responses().get(Ids.responseIdForMail(messageId));
    }

    private List<FollowUp> followUpsOf(String file) {
        Optional<Response> r = responseOf(file);
        Optional<Qualification> q = r.flatMap(x -> c.qualifications().latest(x.id()));
        List<FollowUp> out = new ArrayList<>();
        q.ifPresent(qq -> {
            for (int g = 0; g < qq.groups().size(); g++) {
                c.followUps().get(Ids.followUpId(qq.responseId(), qq.version(), g)).ifPresent(out::add);
            }
        });
        return out;
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept-Language", "fr-FR,fr;q=0.9").GET().build());
    }

    /** The answer page's form as a browser posts it (multipart/form-data). */
    private HttpResponse<String> postForm(URI uri, String csrf, String choice, String comment) {
        String boundary = "----arfollowup" + Ids.random(12);
        StringBuilder b = new StringBuilder();
        for (String[] field : new String[][] {{"csrf", csrf}, {"choice", choice}, {"comment", comment}}) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "fr-FR").POST(HttpRequest.BodyPublishers.ofString(b.toString(),
                        StandardCharsets.UTF_8)).build());
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

    private JsonNode sesStore() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(runtime.environment().ses().endpoint()
                    .resolve("/store")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return LocalJson.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
