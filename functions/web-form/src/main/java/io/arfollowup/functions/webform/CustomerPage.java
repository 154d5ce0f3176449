package io.arfollowup.functions.webform;

import io.arfollowup.adapters.http.HttpEvent;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.usecase.OutboundSettings;
import io.arfollowup.core.webform.AnswerForm;
import io.arfollowup.core.webform.AnswerForm.FieldError;
import io.arfollowup.core.webform.SendNewLink;
import io.arfollowup.core.webform.ShowStatement;
import io.arfollowup.core.webform.Statement;
import io.arfollowup.core.webform.SubmitWebAnswers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /r/{token}}, the customer's page (F2): GET shows the statement and the answer form; POST sends the
 * answers (or, from an expired link's page, asks for a new link). Each route decodes the request, calls one use
 * case and renders its result; the rules live in the core ({@code io.arfollowup.core.webform}).
 */
public final class CustomerPage {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerPage.class);
    public static final Pattern PATH = Pattern.compile("/r/(.+?)/?"); // anything after /r/ is a (maybe mangled) token
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");

    private final ShowStatement show;
    private final SubmitWebAnswers submit;
    private final SendNewLink newLink;
    private final RuleCatalog rules;
    private final OutboundSettings outbound;
    private final Pages pages = new Pages();
    private io.arfollowup.core.port.Metrics metrics = io.arfollowup.core.port.Metrics.NONE;

    public CustomerPage(ShowStatement show, SubmitWebAnswers submit, SendNewLink newLink, RuleCatalog rules,
                        OutboundSettings outbound) {
        this.show = show;
        this.submit = submit;
        this.newLink = newLink;
        this.rules = rules;
        this.outbound = outbound;
    }

    public static CustomerPage from(Components c) {
        return new CustomerPage(c.showStatement(), c.submitWebAnswers(), c.sendNewLink(), c.rules(), c.outbound())
                .countingInto(c.metrics());
    }

    /** Answers received on the page count as {@code AnswersReceived{Channel=WEB}}. */
    public CustomerPage countingInto(io.arfollowup.core.port.Metrics m) {
        this.metrics = m;
        return this;
    }

    public List<WebFormHandler.Route> routes() {
        return List.of(new WebFormHandler.Route("GET", PATH, this::get),
                new WebFormHandler.Route("POST", PATH, this::post));
    }

    // ---------------------------------------------------------------- GET

    HttpEvent.Reply get(HttpEvent request, List<String> params) {
        String token = params.get(0);
        Language asked = language(query(request.rawQuery()).get("lang"));
        ShowStatement.Result result = show.open(token);
        if (result instanceof ShowStatement.Shown s) {
            Language lang = asked != null ? asked : s.statement().customer().language();
            return html(200, pages.render("statement",
                    statementModel(s.statement(), lang, token, s.csrf(), null, List.of(), List.of())));
        }
        if (result instanceof ShowStatement.LinkExpired e) {
            LOG.atInfo().addKeyValue("outcome", "expired").log("customer page");
            return expired(token, e.csrf(), asked);
        }
        LOG.atInfo().addKeyValue("outcome", "refused")
                .addKeyValue("reason", ((ShowStatement.LinkRefused) result).reason()).log("customer page");
        return invalid(asked);
    }

    // ---------------------------------------------------------------- POST

    HttpEvent.Reply post(HttpEvent request, List<String> params) {
        String token = params.get(0);
        FormData form;
        try {
            form = FormData.parse(request, submit.settings().maxRequestBytes());
        } catch (FormData.TooLarge e) {
            return message(413, null, lang -> section(lang, pages.text(lang, "files.label"),
                    List.of(pages.text(lang, "error.request_too_large")), null, null, true, token));
        }
        Language asked = language(form.first("lang"));
        if ("new-link".equals(form.first("intent"))) {
            return newLink(request, token, form, asked);
        }
        SubmitWebAnswers.Result result = submit.handle(new SubmitWebAnswers.Command(token, form.first("csrf"),
                answerForm(form), form.files().stream()
                        .filter(f -> f.field().equals("files"))
                        .map(f -> new SubmitWebAnswers.Upload(f.claimedName(), f.content())).toList(),
                form.filesDropped()));
        if (result instanceof SubmitWebAnswers.Submitted s) {
            io.arfollowup.adapters.metrics.ResultMetrics.record(metrics, s);
            Language lang = asked != null ? asked : s.statement().customer().language();
            LOG.atInfo().addKeyValue("responseId", s.response().id()).addKeyValue("duplicate", s.duplicate())
                    .addKeyValue("answers", s.response().answers().size())
                    .addKeyValue("files", s.response().attachments().size()).log("customer answer stored");
            return html(200, pages.render("confirmation", confirmationModel(s, lang, token)));
        }
        if (result instanceof SubmitWebAnswers.Invalid inv) {
            Language lang = asked != null ? asked : inv.statement().customer().language();
            LOG.atInfo().addKeyValue("outcome", "invalid")
                    .addKeyValue("fields", inv.errors().stream().map(FieldError::code).toList()).log("customer answer");
            return html(422, pages.render("statement", statementModel(inv.statement(), lang, token, inv.csrf(),
                    inv.form(), inv.errors(), inv.files())));
        }
        if (result instanceof SubmitWebAnswers.OutOfScope o) {
            LOG.atWarn().addKeyValue("outcome", "out-of-scope").addKeyValue("count", o.itemNumbers().size())
                    .log("customer answer refused");
            return message(400, asked, lang -> section(lang, pages.text(lang, "scope.title"),
                    List.of(pages.text(lang, "scope.text")), null, null, true, token));
        }
        if (result instanceof SubmitWebAnswers.FormExpired) {
            return message(400, asked, lang -> section(lang, pages.text(lang, "form.expired.title"),
                    List.of(pages.text(lang, "form.expired.text")), null, null, true, token));
        }
        if (result instanceof SubmitWebAnswers.LinkExpired e) {
            return expired(token, e.csrf(), asked);
        }
        return invalid(asked);
    }

    private HttpEvent.Reply newLink(HttpEvent request, String token, FormData form, Language asked) {
        String base = outbound.webBaseUrl() != null ? null : origin(request);
        SendNewLink.Result r = newLink.handle(token, form.first("csrf"), base);
        LOG.atInfo().addKeyValue("outcome", r.getClass().getSimpleName()).log("new link requested");
        if (r instanceof SendNewLink.Sent s) {
            Language lang = asked != null ? asked : Language.parse(s.language());
            return message(200, lang, l -> section(l, pages.text(l, "link.sent.title"),
                    List.of(pages.text(l, "link.sent.text", s.maskedAddress())), null, null, false, token));
        }
        if (r instanceof SendNewLink.RateLimited) {
            return message(429, asked, l -> section(l, pages.text(l, "link.limit.title"), List.of(),
                    pages.text(l, "link.limit.text"), null, false, token));
        }
        if (r instanceof SendNewLink.NoContact) {
            return message(200, asked, l -> section(l, pages.text(l, "link.invalid.title"), List.of(),
                    pages.text(l, "link.nocontact.text"), null, false, token));
        }
        if (r instanceof SendNewLink.FormExpired) {
            return message(400, asked, l -> section(l, pages.text(l, "form.expired.title"),
                    List.of(pages.text(l, "form.expired.text")), null, null, true, token));
        }
        return invalid(asked);
    }

    // ---------------------------------------------------------------- request → command

    static AnswerForm answerForm(FormData f) {
        List<AnswerForm.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 500 && f.fields().containsKey("n" + i); i++) {
            entries.add(new AnswerForm.Entry(f.first("n" + i), f.first("c" + i), f.first("pd" + i),
                    f.first("pa" + i), f.first("ipd" + i), f.first("r" + i), f.first("ad" + i), f.first("ref" + i)));
        }
        Language lang = language(f.first("lang"));
        return new AnswerForm(entries, f.first("comment"), lang == null ? null : lang.code());
    }

    static Language language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("fr") ? Language.FR : v.equals("en") ? Language.EN : null;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        FormData.urlEncoded(raw == null ? "" : raw).forEach((k, v) -> m.put(k, v.isEmpty() ? "" : v.get(0)));
        return m;
    }

    /** The page's own origin, for a new link when WEB_BASE_URL is not configured (API Gateway sets the host). */
    static String origin(HttpEvent request) {
        String host = request.header("host");
        if (host == null || !HOST.matcher(host).matches()) {
            return null;
        }
        String proto = "http".equalsIgnoreCase(request.header("x-forwarded-proto")) ? "http" : "https";
        return proto + "://" + host;
    }

    // ---------------------------------------------------------------- result → page

    private Map<String, Object> base(Language lang, String title, String token) {
        Map<String, Object> m = new HashMap<>();
        m.put("lang", lang.code());
        m.put("otherLang", lang == Language.FR ? "en" : "fr");
        m.put("t", pages.templateTexts(lang));
        m.put("title", title);
        m.put("companyName", outbound.companyName());
        m.put("supplierEmail", outbound.fromAddress());
        m.put("selfUrl", selfUrl(token));
        return m;
    }

    /** A relative URL to this page ("./token"): works under any stage or custom-domain prefix. */
    static String selfUrl(String token) {
        return "./" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    Map<String, Object> statementModel(Statement st, Language lang, String token, String csrf, AnswerForm echo,
                                       List<FieldError> errors, List<AttachmentRef> files) {
        String customer = st.customer().name();
        Map<String, Object> m = base(lang, pages.text(lang, "page.title", customer), token);
        m.put("heading", customer);
        m.put("intro", pages.text(lang, "page.intro", customer));
        m.put("caption", pages.text(lang, "statement.caption", Pages.date(st.today())));
        m.put("csrf", csrf);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item i : st.items()) {
            Map<String, Object> r = new HashMap<>();
            boolean credit = i.kind() == io.arfollowup.core.domain.ItemKind.CREDIT_NOTE;
            long overdue = credit ? 0 : i.daysOverdue(st.today());
            r.put("number", i.number());
            r.put("issueDate", Pages.date(i.issueDate()));
            r.put("dueDate", Pages.date(i.dueDate()));
            r.put("amount", Pages.money(i.amount(), i.currency(), lang));
            r.put("openAmount", Pages.money(i.openAmount(), i.currency(), lang));
            r.put("daysOverdue", overdue > 0 ? Long.toString(overdue) : "–");
            r.put("overdue", overdue > 0);
            r.put("credit", credit);
            r.put("status", credit ? pages.text(lang, "status.credit") : i.status() == null ? pages.text(lang, "status.open")
                    : rules.rule(i.status()).map(x -> x.label(lang)).orElse(i.status()));
            rows.add(r);
        }
        m.put("rows", rows);
        m.put("totals", st.totals().entrySet().stream().map(e -> Pages.money(e.getValue(), e.getKey(), lang))
                .toList());
        List<Item> credits = st.creditNotes();
        m.put("hasCredits", !credits.isEmpty());
        m.put("credits", credits.stream().map(c -> Map.of("number", c.number(),
                "openAmount", Pages.money(c.openAmount(), c.currency(), lang))).toList());

        // what was posted and what is wrong, by item number (the posted order may differ from today's)
        Map<String, AnswerForm.Entry> posted = new HashMap<>();
        Map<String, String> fieldErrors = new HashMap<>();
        List<String> fileErrors = new ArrayList<>();
        List<Map<String, String>> summary = new ArrayList<>();
        String commentError = null;
        String formError = null;
        if (echo != null) {
            echo.entries().forEach(e -> posted.putIfAbsent(e.itemNumber(), e));
        }
        Map<String, Integer> displayIndex = new HashMap<>();
        List<Item> answerable = st.answerable();
        for (int i = 0; i < answerable.size(); i++) {
            displayIndex.put(answerable.get(i).number(), i);
        }
        for (FieldError e : errors) {
            if (e.field().startsWith("entry.")) {
                String[] parts = e.field().split("\\.", 3);
                int postedIndex = Integer.parseInt(parts[1]);
                String number = echo.entries().get(postedIndex).itemNumber();
                Item item = st.answerableByNumber().get(number);
                String text = errorText(lang, e, item);
                fieldErrors.put(number + "|" + parts[2], text);
                Integer di = displayIndex.get(number);
                if (di != null) {
                    summary.add(Map.of("target", fieldId(parts[2], di), "text", number + " – " + text));
                }
            } else if (e.field().equals("files")) {
                String text = errorText(lang, e, null);
                fileErrors.add(text);
                summary.add(Map.of("target", "files", "text", text));
            } else if (e.field().equals("comment")) {
                commentError = errorText(lang, e, null);
                summary.add(Map.of("target", "comment", "text", commentError));
            } else {
                formError = errorText(lang, e, null);
                summary.add(Map.of("target", answerable.isEmpty() ? "comment" : "c0-none", "text", formError));
            }
        }
        m.put("hasErrors", !errors.isEmpty());
        m.put("errorSummary", summary);
        m.put("hasFormError", formError != null);
        m.put("formError", formError);
        m.put("commentError", commentError);
        m.put("fileErrors", fileErrors);
        m.put("hasFileErrors", !fileErrors.isEmpty());
        m.put("comment", echo == null ? "" : echo.comment());

        LocalDate horizon = st.today().plusDays(submit.settings().promiseHorizonDays());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < answerable.size(); i++) {
            Item item = answerable.get(i);
            AnswerForm.Entry e = posted.getOrDefault(item.number(), AnswerForm.Entry.empty(item.number()));
            Map<String, Object> x = new HashMap<>();
            x.put("index", i);
            x.put("number", item.number());
            x.put("legend", pages.text(lang, "invoice.legend", item.number(),
                    Pages.money(item.openAmount(), item.currency(), lang), Pages.date(item.dueDate())));
            long overdue = item.daysOverdue(st.today());
            x.put("overdueText", overdue > 0 ? pages.text(lang, "invoice.overdue", overdue) : null);
            x.put("openPlain", item.openAmount() == null ? "" : item.openAmount().toPlainString());
            x.put("today", st.today().toString());
            x.put("horizon", horizon.toString());
            String choice = e.choice();
            x.put("none", choice.isEmpty());
            x.put("willPay", choice.equals(AnswerChoice.WILL_PAY.name()));
            x.put("inPayment", choice.equals(AnswerChoice.IN_PAYMENT.name()));
            x.put("dispute", choice.equals(AnswerChoice.DISPUTE.name()));
            x.put("alreadyPaid", choice.equals(AnswerChoice.ALREADY_PAID.name()));
            x.put("sendCopy", choice.equals(AnswerChoice.SEND_COPY.name()));
            x.put("payDate", dateValue(e.payDate()));
            x.put("payAmount", e.payAmount());
            x.put("inPaymentDate", dateValue(e.inPaymentDate()));
            x.put("paidDate", dateValue(e.paidDate()));
            x.put("reference", e.reference());
            List<Map<String, Object>> reasons = new ArrayList<>();
            for (DisputeReason r : DisputeReason.values()) {
                reasons.add(Map.of("value", r.name(), "label", pages.text(lang, "reason." + r.name()),
                        "selected", r.name().equals(e.reason())));
            }
            x.put("reasons", reasons);
            for (String f : List.of("choice", "payDate", "payAmount", "inPaymentDate", "reason", "paidDate",
                    "reference")) {
                x.put(f + "Error", fieldErrors.get(item.number() + "|" + f));
            }
            entries.add(x);
        }
        m.put("entries", entries);
        m.put("hasFiles", !files.isEmpty());
        m.put("files", files.stream().map(f -> Map.of("name", f.filename(), "size", Pages.size(f.sizeBytes(), lang)))
                .toList());
        return m;
    }

    /** A typed date comes back as typed, unless it reads as a date: then as ISO, which a date input can show. */
    private static String dateValue(String typed) {
        return io.arfollowup.core.webform.AnswerValidator.parseDate(typed).map(LocalDate::toString).orElse(typed);
    }

    private static String fieldId(String field, int i) {
        return switch (field) {
            case "payDate" -> "pd" + i;
            case "payAmount" -> "pa" + i;
            case "inPaymentDate" -> "ipd" + i;
            case "reason" -> "r" + i;
            case "paidDate" -> "ad" + i;
            case "reference" -> "ref" + i;
            default -> "c" + i + "-none";
        };
    }

    private String errorText(Language lang, FieldError e, Item item) {
        String detail = e.detail();
        if ("amount_above_open".equals(e.code()) && item != null) {
            detail = Pages.money(item.openAmount(), item.currency(), lang);
        } else if ("date_beyond_horizon".equals(e.code()) && detail != null) {
            detail = Pages.date(LocalDate.parse(detail));
        }
        return pages.text(lang, "error." + e.code(), detail == null ? "" : detail);
    }

    private Map<String, Object> confirmationModel(SubmitWebAnswers.Submitted s, Language lang, String token) {
        String customer = s.statement().customer().name();
        Map<String, Object> m = base(lang, pages.text(lang, "done.title"), token);
        m.put("intro", pages.text(lang, "done.intro", customer));
        m.put("duplicate", s.duplicate());
        Map<String, Item> items = new LinkedHashMap<>();
        s.statement().items().forEach(i -> items.put(i.number(), i));
        List<Map<String, String>> answers = new ArrayList<>();
        for (ItemAnswer a : s.response().answers()) {
            Item item = items.get(a.itemNumber());
            answers.add(Map.of("number", a.itemNumber(), "text", answerText(lang, a,
                    item == null ? null : item.currency())));
        }
        m.put("hasAnswers", !answers.isEmpty());
        m.put("answers", answers);
        m.put("hasComment", !s.response().newText().isBlank());
        m.put("comment", s.response().newText());
        m.put("hasFiles", !s.response().attachments().isEmpty());
        m.put("files", s.response().attachments().stream()
                .map(f -> Map.of("name", f.filename(), "size", Pages.size(f.sizeBytes(), lang))).toList());
        m.put("copies", s.copiesSent().isEmpty() ? null
                : pages.text(lang, "done.copies", String.join(", ", s.copiesSent())));
        return m;
    }

    String answerText(Language lang, ItemAnswer a, String currency) {
        String date = Pages.date(a.date());
        return switch (a.choice()) {
            case WILL_PAY -> a.amount() == null ? pages.text(lang, "answer.WILL_PAY", date)
                    : pages.text(lang, "answer.WILL_PAY.amount", date, Pages.money(a.amount(), currency, lang));
            case IN_PAYMENT -> a.date() == null ? pages.text(lang, "answer.IN_PAYMENT")
                    : pages.text(lang, "answer.IN_PAYMENT.date", date);
            case DISPUTE -> pages.text(lang, "answer.DISPUTE",
                    a.reason() == null ? "" : pages.text(lang, "reason." + a.reason().name()));
            case ALREADY_PAID -> a.reference() == null ? pages.text(lang, "answer.ALREADY_PAID", date)
                    : pages.text(lang, "answer.ALREADY_PAID.ref", date, a.reference());
            case SEND_COPY -> pages.text(lang, "answer.SEND_COPY");
        };
    }

    private HttpEvent.Reply invalid(Language asked) {
        return message(400, asked, l -> section(l, pages.text(l, "link.invalid.title"),
                List.of(pages.text(l, "link.invalid.text")), pages.text(l, "link.invalid.how"), null, false, null));
    }

    private HttpEvent.Reply expired(String token, String csrf, Language asked) {
        return message(410, asked, l -> section(l, pages.text(l, "link.invalid.title"),
                List.of(pages.text(l, "link.expired.text")), null, csrf, false, token));
    }

    private Map<String, Object> section(Language lang, String title, List<String> paragraphs, String contactText,
                                        String newLinkCsrf, boolean reload, String token) {
        Map<String, Object> s = new HashMap<>();
        s.put("lang", lang.code());
        s.put("title", title);
        s.put("paragraphs", paragraphs);
        s.put("contactText", contactText);
        s.put("contact", contactText == null ? null : outbound.fromAddress());
        s.put("newLinkCsrf", newLinkCsrf);
        s.put("button", pages.text(lang, "link.expired.button"));
        s.put("reload", reload && token != null);
        s.put("reloadText", pages.text(lang, "form.reload"));
        s.put("selfUrl", token == null ? null : selfUrl(token));
        return s;
    }

    /** A short page in both languages, the asked (or French) one first. */
    private HttpEvent.Reply message(int status, Language first,
                                    java.util.function.Function<Language, Map<String, Object>> section) {
        Language a = first == null ? Language.FR : first;
        Language b = a == Language.FR ? Language.EN : Language.FR;
        Map<String, Object> m = new HashMap<>();
        Map<String, Object> sa = section.apply(a);
        m.put("lang", a.code());
        m.put("title", sa.get("title") + " / " + section.apply(b).get("title"));
        m.put("sections", List.of(sa, section.apply(b)));
        return html(status, pages.render("message", m));
    }

    private static HttpEvent.Reply html(int status, String body) {
        return HttpEvent.Reply.html(status, body, WebFormHandler.SECURITY_HEADERS);
    }
}
