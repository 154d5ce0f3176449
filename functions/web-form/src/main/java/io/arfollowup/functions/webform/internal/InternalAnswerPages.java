package io.arfollowup.functions.webform.internal;

import io.arfollowup.adapters.http.HttpEvent;
import io.arfollowup.core.domain.InternalAnswerChoice;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import io.arfollowup.core.usecase.InternalAnswers;
import io.arfollowup.functions.webform.WebFormHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /i/{token}}: a colleague's answer to an internal interactive e-mail (F6). GET shows the answer the link
 * stands for (or the choice of answers) with a comment box and an optional file, and writes nothing: mail security
 * scanners open every link of a message, and a GET that recorded "Resolved" would close a dispute nobody resolved
 * (docs/decisions/internal-answer-links.md). POST (one click on Confirm) records it, once. Forged, mangled, expired
 * or replayed links get a friendly bilingual page, never a 500. The form carries a CSRF value signed for this link.
 */
public final class InternalAnswerPages {

    private static final Logger LOG = LoggerFactory.getLogger(InternalAnswerPages.class);
    public static final Pattern PATH = Pattern.compile("^/i/([A-Za-z0-9_.-]{1,2048})/?$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InternalAnswers answers;
    private final LinkSigner signer;
    private final Language ui;
    private final Clock clock;

    public InternalAnswerPages(InternalAnswers answers, LinkSigner signer, Language ui, Clock clock) {
        this.answers = answers;
        this.signer = signer;
        this.ui = ui;
        this.clock = clock;
    }

    /** The two routes this page answers; the web-form handler and the local runtime register them. */
    public List<WebFormHandler.Route> routes() {
        return List.of(new WebFormHandler.Route("GET", PATH, (req, params) -> get(req, params.get(0))),
                new WebFormHandler.Route("POST", PATH, (req, params) -> post(req, params.get(0))));
    }

    HttpEvent.Reply get(HttpEvent request, String token) {
        Language lang = language(request);
        return show(lang, answers.open(token), token, null, "");
    }

    HttpEvent.Reply post(HttpEvent request, String token) throws java.io.IOException {
        Language lang = language(request);
        FormData form;
        try {
            form = FormData.parse(request);
        } catch (java.io.IOException e) {
            return page(400, lang, "Formulaire illisible", "Unreadable form",
                    "Rouvrez le lien reçu par e-mail et réessayez.", "Open the link from the e-mail again and retry.");
        }
        // the CSRF value is checked only once the link itself is known to be valid (answers.answer checks it too)
        if (!csrfOk(token, form.field("csrf")) && answers.open(token) instanceof InternalAnswers.Open) {
            return page(400, lang, "Formulaire expiré", "Form expired",
                    "Rouvrez le lien reçu par e-mail et réessayez.", "Open the link from the e-mail again and retry.");
        }
        InternalAnswers.Upload upload = form.file() == null ? null
                : new InternalAnswers.Upload(form.fileName(), form.fileType(), form.file());
        InternalAnswers.Outcome outcome = answers.answer(token, form.field("choice"), form.field("comment"), upload);
        if (outcome instanceof InternalAnswers.Recorded r) {
            LOG.atInfo().addKeyValue("followUpId", r.answer().followUpId()).addKeyValue("answerId", r.answer().id())
                    .addKeyValue("choice", r.answer().choice()).addKeyValue("applied", r.applied())
                    .log("internal answer recorded");
            return page(200, lang, "Merci, c'est enregistré", "Thank you, it is recorded",
                    "Votre réponse « " + r.answer().choice().label(Language.FR)
                            + " » a été transmise au service recouvrement.",
                    "Your answer “" + r.answer().choice().label(Language.EN) + "” has been passed on to credit control.");
        }
        return show(lang, outcome, token, form, form.field("comment"));
    }

    private HttpEvent.Reply show(Language lang, InternalAnswers.Outcome outcome, String token, FormData form,
                                 String comment) {
        if (outcome instanceof InternalAnswers.Open open) {
            return form(200, lang, open.view(), token, null, comment);
        }
        if (outcome instanceof InternalAnswers.Invalid invalid && invalid.view() != null) {
            String error = switch (invalid.field() == null ? "" : invalid.field()) {
                case "choice" -> lang == Language.FR ? "Choisissez une réponse." : "Choose an answer.";
                case "file" -> lang == Language.FR ? "Fichier refusé : PDF, JPEG ou PNG de 4 Mo au plus."
                        : "File refused: PDF, JPEG or PNG, 4 MB at most.";
                default -> lang == Language.FR ? "Commentaire trop long." : "Comment too long.";
            };
            return form(422, lang, invalid.view(), token, error, comment);
        }
        if (outcome instanceof InternalAnswers.AlreadyAnswered a) {
            return page(409, lang, "Déjà répondu", "Already answered",
                    "Ce lien a déjà servi (« " + a.answer().choice().label(Language.FR) + " »). Pour compléter, "
                            + "utilisez un autre lien de l'e-mail ou contactez le service recouvrement.",
                    "This link was already used (“" + a.answer().choice().label(Language.EN) + "”). To add something, "
                            + "use another link of the e-mail or contact credit control.");
        }
        if (outcome instanceof InternalAnswers.Expired) {
            return page(410, lang, "Lien expiré", "Link expired",
                    "Ce lien n'est plus valable. Le service recouvrement peut vous renvoyer la demande.",
                    "This link is no longer valid. Credit control can send you the request again.");
        }
        if (outcome instanceof InternalAnswers.Closed) {
            return page(410, lang, "Demande close", "Request closed",
                    "Cette demande a été annulée ou requalifiée entre-temps : rien à faire.",
                    "This request was cancelled or re-qualified in the meantime: nothing to do.");
        }
        return page(400, lang, "Lien invalide", "Invalid link",
                "Ce lien est incomplet ou a été modifié. Ouvrez-le directement depuis l'e-mail reçu.",
                "This link is incomplete or was altered. Open it straight from the e-mail you received.");
    }

    private HttpEvent.Reply form(int status, Language lang, InternalAnswers.View v, String token, String error,
                                 String comment) {
        boolean fr = lang == Language.FR;
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(fr ? "Votre réponse — " : "Your answer — ")).append(esc(v.customer().name()))
                .append("</h1>");
        b.append("<table><thead><tr><th>").append(fr ? "Facture" : "Invoice").append("</th><th>")
                .append(fr ? "Échéance" : "Due").append("</th><th>").append(fr ? "Reste dû" : "Open")
                .append("</th></tr></thead><tbody>");
        for (Item i : v.items()) {
            b.append("<tr><td>").append(esc(i.number())).append("</td><td>")
                    .append(i.dueDate() == null ? "" : DAY.format(i.dueDate())).append("</td><td class=\"n\">")
                    .append(esc(String.valueOf(i.openAmount()))).append(' ').append(esc(i.currency()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (v.customerWords() != null && !v.customerWords().isBlank()) {
            b.append("<h2>").append(fr ? "Ce que le client a écrit" : "What the customer wrote").append("</h2>")
                    .append("<blockquote>").append(esc(cut(v.customerWords(), 3000))).append("</blockquote>");
        }
        if (v.followUp().comment() != null && !v.followUp().comment().isBlank()) {
            b.append("<p><strong>").append(fr ? "Commentaire du chargé de recouvrement : " : "Collector's comment: ")
                    .append("</strong>").append(esc(v.followUp().comment())).append("</p>");
        }
        if (error != null) {
            b.append("<p class=\"err\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" enctype=\"multipart/form-data\">");
        b.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf(token))).append("\">");
        if (v.preselected() != null) {
            b.append("<input type=\"hidden\" name=\"choice\" value=\"").append(v.preselected().scope()).append("\">")
                    .append("<p class=\"choice\">").append(esc(v.preselected().label(lang))).append("</p>");
        } else {
            b.append("<fieldset><legend>").append(fr ? "Votre réponse" : "Your answer").append("</legend>");
            for (InternalAnswerChoice c : InternalAnswerChoice.values()) {
                b.append("<label><input type=\"radio\" name=\"choice\" value=\"").append(c.scope()).append("\"> ")
                        .append(esc(c.label(lang))).append("</label><br>");
            }
            b.append("</fieldset>");
        }
        b.append("<label for=\"comment\">").append(fr ? "Commentaire (facultatif)" : "Comment (optional)")
                .append("</label><textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"2000\">")
                .append(esc(comment == null ? "" : comment)).append("</textarea>");
        b.append("<label for=\"file\">").append(fr ? "Fichier (facultatif : PDF, JPEG, PNG, 4 Mo)"
                : "File (optional: PDF, JPEG, PNG, 4 MB)").append("</label>")
                .append("<input id=\"file\" type=\"file\" name=\"file\" accept=\".pdf,.jpg,.jpeg,.png\">");
        b.append("<button type=\"submit\">").append(fr ? "Confirmer" : "Confirm").append("</button></form>");
        return HttpEvent.Reply.html(status, html(lang, fr ? "Votre réponse" : "Your answer", b.toString()),
                WebFormHandler.SECURITY_HEADERS);
    }

    private HttpEvent.Reply page(int status, Language lang, String titleFr, String titleEn, String textFr,
                                 String textEn) {
        boolean fr = lang == Language.FR;
        String title = fr ? titleFr : titleEn;
        String body = "<h1>" + esc(title) + "</h1><p>" + esc(fr ? textFr : textEn) + "</p><p class=\"other\" lang=\""
                + (fr ? "en" : "fr") + "\">" + esc(fr ? titleEn + " — " + textEn : titleFr + " — " + textFr) + "</p>";
        return HttpEvent.Reply.html(status, html(lang, title, body), WebFormHandler.SECURITY_HEADERS);
    }

    private static String html(Language lang, String title, String main) {
        return "<!doctype html><html lang=\"" + lang.code() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title)
                + "</title><style>body{font-family:system-ui,Arial,sans-serif;max-width:40rem;margin:1rem auto;"
                + "padding:0 1rem;line-height:1.4}table{border-collapse:collapse;width:100%}td,th{padding:.3rem;"
                + "border-bottom:1px solid #ddd;text-align:left}.n{text-align:right}blockquote{white-space:pre-wrap;"
                + "border-left:3px solid #ccc;margin:0;padding-left:.8rem;color:#333}label{display:block;"
                + "margin-top:.8rem}textarea{width:100%}.choice{font-size:1.2rem;font-weight:bold}.err{color:#b00}"
                + ".other{color:#666;font-size:.9rem}button{margin-top:1rem;padding:.6rem 1.4rem;font-size:1rem}"
                + "</style></head><body><main>" + main + "</main></body></html>";
    }

    /** A CSRF value bound to this link: a signed claim on the link's token id, valid for a day. */
    private String csrf(String token) {
        return signer.sign(new LinkClaims("csrf", LinkSigner.tokenId(token), "", clock.instant()
                .plus(Duration.ofDays(1))));
    }

    private boolean csrfOk(String token, String value) {
        return signer.valid(value).filter(c -> c.kind().equals("csrf") && c.subject().equals(LinkSigner.tokenId(token)))
                .isPresent();
    }

    private Language language(HttpEvent request) {
        String accept = request.header("accept-language");
        if (accept != null && !accept.isBlank()) {
            String first = accept.split(",")[0].strip().toLowerCase(Locale.ROOT);
            if (first.startsWith("fr")) {
                return Language.FR;
            }
            if (first.startsWith("en")) {
                return Language.EN;
            }
        }
        return ui;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
