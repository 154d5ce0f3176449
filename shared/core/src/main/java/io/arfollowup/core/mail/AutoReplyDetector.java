package io.arfollowup.core.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells machine-generated mail (out-of-office, auto-acknowledgements) from a person's reply, from the headers and
 * the subject: RFC 3834 {@code Auto-Submitted} (anything but "no"), {@code X-Autoreply}/{@code X-Autorespond},
 * {@code X-Auto-Response-Suppress}, a null {@code Return-Path}, {@code Precedence: auto_reply}, and the subject
 * prefixes mail servers put in FR/EN/DE/ES/IT (out-of-office and delivery failures), a sender that is a mailer
 * daemon or postmaster. {@code Precedence: list} or {@code bulk} alone is not enough: mailing
 * lists relay human replies with it.
 */
public final class AutoReplyDetector {

    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*(?:\\[[^\\]]{0,40}\\]\\s*)?(?:"
                    + "reponse automatique|reponse auto|message d'absence|absence|absent|absent du bureau|"
                    + "automatic reply|auto reply|auto-reply|autoreply|auto response|auto-response|autoresponse|"
                    + "automatic response|auto|out of office|out of the office|ooo|out of office autoreply|"
                    + "out of office reply|out of office auto reply|absence du bureau|absent du bureau|"
                    + "undeliverable|undelivered mail returned to sender|non remis|mail delivery failed|"
                    + "delivery status notification|returned mail|failure notice|unzustellbar|"
                    + "no se puede entregar|non recapitabile|"
                    + "abwesenheitsnotiz|automatische antwort|abwesend|"
                    + "respuesta automatica|fuera de la oficina|ausente|"
                    + "risposta automatica|fuori sede|assente|fuori ufficio|"
                    + "resposta automatica|automatisch antwoord|afwezig)"
                    + "\\s*(?::|-|–|\\(|$).*");

    /** Delivery systems write as MAILER-DAEMON or postmaster. */
    private static final Pattern MAILER = Pattern.compile("(?i)(^|[<\\s\"])(mailer-daemon|postmaster)@");

    public boolean isAutoReply(MailHeaders headers, String decodedSubject) {
        String autoSubmitted = headers.first("Auto-Submitted");
        if (autoSubmitted != null) {
            String v = autoSubmitted.trim().toLowerCase(Locale.ROOT);
            int comment = v.indexOf('(');
            if (comment >= 0) {
                v = v.substring(0, comment).trim();
            }
            if (!v.isEmpty() && !v.equals("no")) {
                return true;
            }
        }
        if (headers.has("X-Autoreply") || headers.has("X-Autorespond") || headers.has("X-Auto-Reply")
                || headers.has("X-Auto-Response-Suppress")) {
            String v = headers.first("X-Autoreply");
            if (v == null || !v.trim().equalsIgnoreCase("no")) {
                return true;
            }
        }
        String precedence = headers.first("Precedence");
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).startsWith("auto_reply")) {
            return true;
        }
        for (String returnPath : headers.all("Return-Path")) {
            String v = returnPath.replaceAll("\\s+", "");
            if (v.equals("<>") || v.isEmpty()) {
                return true;
            }
            break; // only the outermost Return-Path (added at final delivery) counts
        }
        String from = headers.first("From");
        if (from != null && MAILER.matcher(from).find()) {
            return true;
        }
        return decodedSubject != null && SUBJECT.matcher(MailText.key(decodedSubject)).matches();
    }
}
