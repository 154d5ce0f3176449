package io.arfollowup.core.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps what the sender newly wrote in a plain-text reply: quoted history ({@code >} lines, attribution lines in
 * FR/EN/DE/ES/IT, Outlook/Apple/Thunderbird header blocks, "Original Message" separators, underscore rules),
 * signatures ("-- ", closing formula then name, the sender's name line), mobile taglines and legal disclaimers are
 * removed. Interleaved and bottom-posted answers are kept in order. Content forwarded on purpose (a forward, not a
 * reply) is kept and reported.
 */
public final class ReplyExtractor {

    /** What the extractor knows about the message besides its text. */
    public record Context(String subject, String senderName, String senderAddress) {
        public static final Context NONE = new Context(null, null, null);
    }

    /** {@code forwarded}: the text carries forwarded content that was kept. */
    public record Result(String newText, boolean forwarded) {
    }

    // --- history markers -------------------------------------------------------------------------------------

    /** "-----Original Message-----" and its translations, Thunderbird/Zimbra "-------- Message original --------". */
    private static final Pattern ORIGINAL_SEPARATOR = Pattern.compile(
            "^[-=_*\\s]{2,}\\s*(original message|message d'origine|message original|mail original|"
                    + "ursprungliche nachricht|originalnachricht|mensaje original|messaggio originale|"
                    + "mensagem original|oorspronkelijk bericht|reply message|antwort|reponse)\\s*[-=_*\\s]{2,}$");

    /** Explicit forward markers (Gmail, Thunderbird, Apple Mail, Outlook web) in the five languages. */
    private static final Pattern FORWARD_SEPARATOR = Pattern.compile(
            "^(?:[-=_*\\s]{2,}\\s*(forwarded message|message transfere|message transfere original|"
                    + "weitergeleitete nachricht|mensaje reenviado|messaggio inoltrato|mensagem encaminhada|"
                    + "doorgestuurd bericht)\\s*[-=_*\\s]{2,}"
                    + "|(begin forwarded message|debut du message reexpedie|debut du message transfere|"
                    + "anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|"
                    + "comienzo del mensaje reenviado|inizio messaggio inoltrato|inicio da mensagem reencaminhada)\\s*:)$");

    /** An underscore rule (Outlook web/mobile put one above the quoted header block). */
    private static final Pattern UNDERSCORE_RULE = Pattern.compile("^_{10,}\\s*$");

    private static final String FROM_LABELS = "from|de|von|da|van|od|fra|fran";
    private static final String OTHER_LABELS = "sent|envoye|envoye le|gesendet|inviato|enviado|enviado el|enviada|"
            + "verzonden|date|datum|"
            + "fecha|data|to|a|an|para|aan|per|subject|objet|sujet|betreff|oggetto|asunto|assunto|onderwerp|cc|"
            + "bcc|cci|reply-to|repondre a|antwort an|responder a|rispondi a|importance|priorite|wichtigkeit";

    private static final Pattern FROM_HEADER = Pattern.compile(
            "^\\*?(" + FROM_LABELS + ")\\*?\\s?:\\*?\\s*\\S.*$");
    private static final Pattern ANY_HEADER = Pattern.compile(
            "^\\*?(" + FROM_LABELS + "|" + OTHER_LABELS + ")\\*?\\s?:\\*?(\\s.*)?$");

    /** Attribution lines: "Le … a écrit :", "On … wrote:", "Am … schrieb …:", "El … escribió:", "Il … ha scritto:". */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(?:"
                    + "(le|on|am|el|il|em|op|den|dne|w dniu)\\b.{2,300}?"
                    + "|.{0,200}?(<[^>\\s]+@[^>\\s]+>|\\b\\S+@\\S+\\.\\w+|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}:\\d{2}).{0,200}?"
                    + ")\\s*"
                    + "(a ecrit|wrote|schrieb|escribio|ha scritto|escreveu|schreef|skrev|napisal|kirjoitti|"
                    + "a ecrit le .{0,60}|scrisse|написал)"
                    + "(\\s.{0,200})?\\s*:\\s*$");

    /** Right above a quote, any short line ending with the verb is the attribution ("Relances wrote:"). */
    private static final Pattern LOOSE_ATTRIBUTION = Pattern.compile(
            "^.{0,200}\\b(a ecrit|wrote|schrieb|escribio|ha scritto|escreveu|schreef|skrev)\\s*:\\s*$");

    /** What the first half of a wrapped attribution carries: a time, a year, a date, or the opening '<'. */
    private static final Pattern WRAPPED_HEAD = Pattern.compile("\\d{1,2}:\\d{2}|\\b(19|20)\\d{2}\\b|\\d{1,2}[./-]\\d{1,2}|<\\s*$|@");

    /** "X schrieb am 05.11.2025 um 10:14:" and "X a écrit le …:" put the verb before the date. */
    private static final Pattern ATTRIBUTION_OPENERS = Pattern.compile(
            "^(le|on|am|el|il|em|op|den|dne|w dniu)\\b.*");

    /** History markers (separators, header lines, attributions) are short lines. */
    private static final int MAX_MARKER_LENGTH = 400;

    private static final Pattern FORWARD_SUBJECT = Pattern.compile(
            "^\\s*(fwd?|tr|trs|wg|rv|enc|fw|i|inoltro|doorst|vs|vl)\\s*:.*", Pattern.CASE_INSENSITIVE);

    // --- signature, taglines, disclaimers ------------------------------------------------------------------

    private static final Pattern SIG_DELIMITER = Pattern.compile("^(--|-- |—|–)\\s*$");

    private static final Pattern MOBILE_TAGLINE = Pattern.compile(
            "^(envoye (de|depuis|a partir de) (mon|ma|mon appareil|l'application|outlook|yahoo|free)|"
                    + "envoye avec |envoye par |telecharger outlook pour|obtenir outlook pour|"
                    + "sent (from|with|via) (my|mail|outlook|yahoo|the|samsung|gmail|proton|blackberry|aol)|"
                    + "get outlook for|sent from outlook|sent from mail for|sent from my|"
                    + "von meinem .{0,40}gesendet|gesendet von (meinem|mail|outlook)|holen sie sich outlook|"
                    + "enviado (desde|de) mi|obtener outlook para|enviado desde (outlook|yahoo)|"
                    + "inviato da (iphone|ipad|il mio|outlook|yahoo|libero)|scarica outlook per|"
                    + "ottieni outlook per|enviado do meu|verzonden (vanaf|met) mijn).*");

    private static final Pattern DISCLAIMER = Pattern.compile(
            "(ce (message|courriel|mail|e-mail|courrier electronique)( ainsi que| et)? (toutes )?(les |ses )?"
                    + "(pieces jointes|fichiers)?.{0,40}(sont|est) (strictement )?(confidenti|etabli|destine)|"
                    + "ce message (electronique )?(et|ainsi que) (ses|les|toutes les) (pieces jointes|fichiers)|"
                    + "avis de confidentialite|mention de confidentialite|ce message est confidentiel|"
                    + "message est destine exclusivement|si vous avez recu ce (message|courriel|mail) par erreur|"
                    + "pensez a l'environnement avant d'imprimer|avant d'imprimer ce (mail|message)|"
                    + "this (e-?mail|message|communication)( and any (files|attachments)( transmitted with it)?)?"
                    + " (is|are|may be|contains?) (strictly )?(confidential|intended|privileged)|"
                    + "confidentiality (notice|note|statement)|^disclaimer\\s*:|legal disclaimer|"
                    + "if you (have )?received this (e-?mail|message|communication) (in error|by mistake)|"
                    + "the information (contained )?in this (e-?mail|message)|"
                    + "please consider the environment before printing|"
                    + "diese (e-?mail|nachricht) (enthalt|kann) vertrauliche|"
                    + "wenn sie nicht der richtige adressat sind|"
                    + "este (mensaje|correo)( electronico)?,? (y (sus|los) (anexos|adjuntos),? )?(es|son|contiene|puede contener|va dirigido) "
                    + "(confidencial|informacion confidencial|privilegiad|exclusivamente)|"
                    + "informacion (de caracter )?confidencial|aviso de confidencialidad|aviso legal\\s*:|"
                    + "questo messaggio (e|e-mail)? ?(e )?(i suoi allegati )?(sono |e )?(confidenzial|riservat|destinat|indirizzat)|"
                    + "le informazioni contenute (in questo messaggio|nella presente)|ai sensi del d\\.?lgs|"
                    + "avviso di riservatezza)");

    /** Whole-line closing formulas; a line made of one or more of them ("Merci et bonne journée,") is a closing. */
    private static final Set<String> CLOSINGS = words(
            // fr
            "cordialement", "bien cordialement", "tres cordialement", "bien a vous", "salutations",
            "sinceres salutations", "meilleures salutations", "salutations distinguees", "bien sincerement",
            "sincerement", "amicalement", "bonne journee", "bonne fin de journee", "bonne soiree", "bonne semaine",
            "bonne fin de semaine", "bon week-end", "bon weekend", "bonne continuation", "merci", "merci beaucoup",
            "merci d'avance", "merci par avance", "d'avance merci", "par avance merci", "merci a vous",
            "merci encore", "merci bien", "avec mes remerciements", "avec tous mes remerciements", "en vous remerciant",
            "en vous remerciant par avance", "en vous remerciant d'avance", "dans l'attente de votre retour",
            "dans l'attente de votre reponse", "cdt", "cdlt", "bav", "a bientot", "belle journee",
            "tres bonne journee", "excellente journee", "bien a toi", "bonne reception", "a+",
            // en
            "regards", "kind regards", "best regards", "warm regards", "warmest regards", "kindest regards",
            "many regards", "with regards", "with kind regards", "with best regards", "best wishes", "all the best",
            "best", "cheers", "thanks", "thank you", "thanks again", "thank you again", "many thanks",
            "thanks in advance", "thank you in advance", "thanks very much", "thank you very much", "with thanks",
            "sincerely", "yours sincerely", "sincerely yours", "yours faithfully", "yours truly", "respectfully",
            "br", "kr", "have a nice day", "have a good day", "have a great day", "have a good weekend",
            // de
            "mit freundlichen grussen", "mit freundlichem gruss", "freundliche grusse", "viele grusse",
            "beste grusse", "liebe grusse", "herzliche grusse", "gruss", "grusse", "mfg", "lg", "vg", "danke",
            "vielen dank", "danke schon", "besten dank", "schone grusse",
            // es
            "saludos", "un saludo", "saludos cordiales", "un cordial saludo", "atentamente", "cordialmente",
            "gracias", "muchas gracias", "un abrazo", "quedo a la espera",
            // it
            "cordiali saluti", "saluti", "distinti saluti", "grazie", "grazie mille", "un saluto",
            "buona giornata", "cari saluti", "a presto");

    private static final Pattern CLOSING_JOINERS = Pattern.compile("\\s*(?:,|\\bet\\b|\\band\\b|&|\\bund\\b|\\by\\b|\\be\\b)\\s*");

    public Result extract(String text, Context context) {
        Context ctx = context == null ? Context.NONE : context;
        List<String> lines = List.of(MailText.unixLines(text).split("\n", -1));
        int n = lines.size();
        List<String> keys = new ArrayList<>(n);
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            depth[i] = quoteDepth(line);
            keys.add(MailText.key(line));
        }
        boolean forwardSubject = ctx.subject() != null && FORWARD_SUBJECT.matcher(ctx.subject()).matches();

        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> forwardedBlock = null;
        int i = 0;
        while (i < n) {
            if (depth[i] > 0) {
                dropTrailingAttribution(current);
                addBlock(blocks, current);
                current = new ArrayList<>();
                while (i < n && (depth[i] > 0 || MailText.isBlank(lines.get(i)))) {
                    i++;
                }
                continue;
            }
            String key = keys.get(i);
            if (key.isEmpty()) {
                current.add(lines.get(i));
                i++;
                continue;
            }
            int attribution = attributionLength(keys, depth, i);
            if (attribution == 0 && key.length() <= MAX_MARKER_LENGTH && LOOSE_ATTRIBUTION.matcher(key).matches()) {
                int next = i + 1;
                while (next < n && depth[next] == 0 && MailText.isBlank(lines.get(next))) {
                    next++;
                }
                if (next < n && depth[next] > 0) {
                    attribution = 1;
                }
            }
            if (attribution > 0) {
                int next = i + attribution;
                while (next < n && depth[next] == 0 && MailText.isBlank(lines.get(next))) {
                    next++;
                }
                if (next < n && depth[next] > 0) {
                    i = next; // attribution + quote: history, answers may follow (bottom-posting, interleaving)
                    continue;
                }
                break; // attribution without quote marks: everything below is history
            }
            if (key.length() > MAX_MARKER_LENGTH) {
                current.add(lines.get(i)); // a marker is short; long lines are never tested (no regex blow-up)
                i++;
                continue;
            }
            boolean explicitForward = FORWARD_SEPARATOR.matcher(key).matches();
            if (explicitForward || isHistoryStart(keys, depth, i)) {
                if (explicitForward || forwardSubject) {
                    forwardedBlock = new ArrayList<>(lines.subList(i, n));
                }
                break;
            }
            current.add(lines.get(i));
            i++;
        }
        addBlock(blocks, current);

        List<String> kept = new ArrayList<>();
        for (List<String> block : blocks) {
            List<String> cleaned = cleanBlock(block, ctx);
            if (!cleaned.isEmpty()) {
                if (!kept.isEmpty()) {
                    kept.add("");
                }
                kept.addAll(cleaned);
            }
        }
        boolean forwarded = false;
        if (forwardedBlock != null) {
            List<String> fwd = trimBlank(new ArrayList<>(forwardedBlock));
            cutAtDisclaimer(fwd);
            if (!fwd.isEmpty()) {
                if (!kept.isEmpty()) {
                    kept.add("");
                }
                kept.addAll(fwd);
                forwarded = true;
            }
        }
        return new Result(MailText.tidy(String.join("\n", kept)), forwarded);
    }

    static int quoteDepth(String line) {
        int d = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '>') {
                d++;
            } else if (c == ' ' || c == '\u00A0' || c == '\uFEFF') {
                if (d == 0 && i > 3) {
                    return 0;
                }
            } else {
                break;
            }
        }
        return d;
    }

    private static void addBlock(List<List<String>> blocks, List<String> block) {
        if (block.stream().anyMatch(l -> !MailText.isBlank(l))) {
            blocks.add(block);
        }
    }

    /** An attribution line right above a quote is history even when the quote follows without a blank line. */
    private static void dropTrailingAttribution(List<String> current) {
        int last = current.size() - 1;
        while (last >= 0 && MailText.isBlank(current.get(last))) {
            last--;
        }
        if (last < 0) {
            return;
        }
        for (int span = 1; span <= 3 && last - span + 1 >= 0; span++) {
            StringBuilder joined = new StringBuilder();
            for (int k = last - span + 1; k <= last; k++) {
                joined.append(joined.length() == 0 ? "" : " ").append(MailText.key(current.get(k)));
            }
            if (isAttribution(joined.toString()) || LOOSE_ATTRIBUTION.matcher(joined).matches()) {
                current.subList(last - span + 1, current.size()).clear();
                return;
            }
        }
    }

    /** Number of lines (1 to 3) forming an attribution line at {@code i}, or 0. Clients wrap it after '<'. */
    private static int attributionLength(List<String> keys, int[] depth, int i) {
        StringBuilder joined = new StringBuilder(keys.get(i));
        if (isAttribution(joined.toString())) {
            return 1;
        }
        if (!ATTRIBUTION_OPENERS.matcher(keys.get(i)).matches() && keys.get(i).indexOf('<') < 0
                && keys.get(i).indexOf('@') < 0) {
            return 0;
        }
        if (i + 1 >= keys.size() || keys.get(i).matches(".*[.!?]$")) {
            return 0; // a sentence is not the first half of an attribution
        }
        String next = keys.get(i + 1);
        boolean nextStandsAlone = (ATTRIBUTION_OPENERS.matcher(next).matches() && isAttribution(next))
                || (LOOSE_ATTRIBUTION.matcher(next).matches() && !WRAPPED_HEAD.matcher(keys.get(i)).find());
        if (nextStandsAlone) {
            return 0; // the line above an attribution that stands on its own is content
        }
        for (int span = 2; span <= 3 && i + span - 1 < keys.size(); span++) {
            int k = i + span - 1;
            if (depth[k] > 0 || keys.get(k).isEmpty()) {
                return 0;
            }
            joined.append(keys.get(i + span - 2).endsWith("<") ? "" : " ").append(keys.get(k));
            if (isAttribution(joined.toString())) {
                return span;
            }
        }
        return 0;
    }

    static boolean isAttribution(String key) {
        if (key.length() > 400 || !key.endsWith(":")) {
            return false;
        }
        return ATTRIBUTION.matcher(key).matches();
    }

    /** A header block (From/De/Von… followed by Sent/To/Subject…), an "Original Message" separator or a rule. */
    private static boolean isHistoryStart(List<String> keys, int[] depth, int i) {
        String key = keys.get(i);
        if (key.length() > MAX_MARKER_LENGTH) {
            return false;
        }
        if (ORIGINAL_SEPARATOR.matcher(key).matches()) {
            return true;
        }
        if (UNDERSCORE_RULE.matcher(key).matches()) {
            return true;
        }
        if (!ANY_HEADER.matcher(key).matches()) {
            return false;
        }
        int headers = 0;
        boolean from = false;
        int seen = 0;
        for (int k = i; k < keys.size() && seen < 8; k++) {
            if (depth[k] > 0) {
                break;
            }
            String kk = keys.get(k);
            if (kk.length() > MAX_MARKER_LENGTH) {
                break;
            }
            if (kk.isEmpty()) {
                if (k > i) {
                    break;
                }
                continue;
            }
            seen++;
            if (ANY_HEADER.matcher(kk).matches()) {
                headers++;
                from |= FROM_HEADER.matcher(kk).matches();
            } else if (k == i + 1 && headers == 1) {
                continue; // a wrapped first header value
            } else {
                break;
            }
        }
        return from && headers >= 3;
    }

    // --- per-block cleaning ----------------------------------------------------------------------------------

    private List<String> cleanBlock(List<String> block, Context ctx) {
        List<String> lines = trimBlank(new ArrayList<>(block));
        if (lines.isEmpty()) {
            return lines;
        }
        for (int k = 0; k < lines.size(); k++) {
            String key = MailText.key(lines.get(k));
            if (key.length() > MAX_MARKER_LENGTH) {
                continue;
            }
            if (SIG_DELIMITER.matcher(key).matches()) {
                lines = new ArrayList<>(lines.subList(0, k));
                break;
            }
            if (MOBILE_TAGLINE.matcher(key).matches()) {
                lines = new ArrayList<>(lines.subList(0, k));
                break;
            }
        }
        cutAtDisclaimer(lines);
        lines = trimBlank(lines);
        if (lines.isEmpty()) {
            return lines;
        }
        int closing = closingLine(lines);
        if (closing >= 0) {
            lines = new ArrayList<>(lines.subList(0, closing + 1));
        } else {
            int name = nameLine(lines, ctx);
            if (name > 0) {
                lines = new ArrayList<>(lines.subList(0, name));
            } else {
                int signature = trailingSignatureBlock(lines);
                if (signature > 0) {
                    lines = new ArrayList<>(lines.subList(0, signature));
                } else {
                    stripTrailingName(lines, ctx);
                }
            }
        }
        return trimBlank(lines);
    }

    private static void cutAtDisclaimer(List<String> lines) {
        for (int k = 0; k < lines.size(); k++) {
            String key = MailText.key(lines.get(k));
            if (key.length() >= 12 && key.length() <= 4000 && DISCLAIMER.matcher(key).find()) {
                int start = k;
                // the disclaimer's paragraph starts at the blank line above it
                while (start > 0 && !MailText.isBlank(lines.get(start - 1)) && k - start < 3
                        && !isClosing(MailText.key(lines.get(start - 1)))) {
                    start--;
                }
                lines.subList(start, lines.size()).clear();
                return;
            }
        }
    }

    /** The first closing formula after which only a signature follows (short lines, no prose). */
    private static int closingLine(List<String> lines) {
        for (int k = 0; k < lines.size(); k++) {
            String key = MailText.key(lines.get(k));
            if (!isClosing(key)) {
                continue;
            }
            if (k == 0 && lines.size() > 1 && hasProseAfter(lines, k)) {
                continue;
            }
            if (!hasProseAfter(lines, k)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hasProseAfter(List<String> lines, int k) {
        int nonBlank = 0;
        for (int j = k + 1; j < lines.size(); j++) {
            String l = MailText.strip(lines.get(j));
            if (l.isEmpty()) {
                continue;
            }
            nonBlank++;
            int words = l.split("\\s+").length;
            if (l.length() >= 90 && words >= 12) {
                return true;
            }
            if (words >= 8 && (l.endsWith(".") || l.endsWith("?") || l.endsWith("!")) && !l.contains("@")
                    && !l.matches(".*\\d{2}[ .]\\d{2}[ .]\\d{2}.*")) {
                return true;
            }
        }
        return nonBlank > 14;
    }

    static boolean isClosing(String key) {
        String k = key.replaceAll("[\\s,.;:!…]+$", "").replaceAll("^[\\s]+", "");
        if (k.isEmpty() || k.length() > 60) {
            return false;
        }
        if (CLOSINGS.contains(k)) {
            return true;
        }
        String[] parts = CLOSING_JOINERS.split(k);
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (!p.isEmpty() && !CLOSINGS.contains(p.trim())) {
                return false;
            }
        }
        return true;
    }

    /** The sender's name alone on a line (full name, first name, "Last, First", or a local-part name). */
    private static int nameLine(List<String> lines, Context ctx) {
        Set<String> names = nameKeys(ctx);
        if (names.isEmpty()) {
            return -1;
        }
        for (int k = 1; k < lines.size(); k++) {
            String key = MailText.key(lines.get(k)).replaceAll("[\\s,.;:!]+$", "");
            if (key.isEmpty() || key.length() > 60 || key.split(" ").length > 5) {
                continue;
            }
            if (names.contains(key)) {
                return k;
            }
            String[] words = key.split("[ ,]+");
            if (words.length >= 2 && words.length <= 4) {
                int hits = 0;
                for (String w : words) {
                    if (names.contains(w)) {
                        hits++;
                    }
                }
                if (hits >= 1 && hits >= words.length - 1 && allCapitalised(lines.get(k))) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Title-case words that make a line a date or a phrase, not a name. */
    private static final Set<String> NOT_NAMES = words("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
            "octobre", "novembre", "decembre", "holiday", "bank", "invoice", "invoices", "payment", "facture",
            "factures", "paiement", "virement", "ok", "thank", "thanks", "merci", "bonjour", "hello", "hi", "dear");

    /** Name particles that stay lower case inside a person's name. */
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "le", "la", "van", "von", "der", "da",
            "di", "del", "della", "dos", "y", "e", "af", "zu");

    /**
     * A last paragraph that starts with a person's name (2 to 4 capitalised words, no digits, no sentence) and holds
     * at most 5 more short lines (title, company, phone): a signature without delimiter whose name is not the
     * sender's display name (a shared mailbox, a colleague). Returns the blank line above it, or -1.
     */
    private static int trailingSignatureBlock(List<String> lines) {
        int blank = -1;
        for (int k = lines.size() - 1; k > 0; k--) {
            if (MailText.isBlank(lines.get(k))) {
                blank = k;
                break;
            }
        }
        if (blank <= 0 || lines.size() - blank - 1 > 6) {
            return -1;
        }
        String first = MailText.strip(MailText.plainSpaces(lines.get(blank + 1)));
        if (!isPersonName(first)) {
            return -1;
        }
        for (int k = blank + 2; k < lines.size(); k++) {
            String l = MailText.strip(lines.get(k));
            if (l.length() > 80 || (l.split("\\s+").length >= 7 && l.matches(".*[.!?]$"))) {
                return -1;
            }
        }
        return blank;
    }

    static boolean isPersonName(String line) {
        if (line.isEmpty() || line.length() > 50 || !line.matches("[\\p{L} .'’\\-]+")) {
            return false;
        }
        String[] words = line.split("\\s+");
        if (words.length < 2 || words.length > 4) {
            return false;
        }
        int named = 0;
        for (String w : words) {
            if (PARTICLES.contains(w)) {
                continue;
            }
            if (!Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            String key = MailText.key(w);
            if (isClosing(key) || NOT_NAMES.contains(key)) {
                return false;
            }
            named++;
        }
        return named >= 2;
    }

    private static boolean allCapitalised(String line) {
        for (String w : MailText.strip(line).split("[\\s,]+")) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0)) && !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** "… avis joint. Julie Caron": a full name glued to the end of the last line. */
    private static void stripTrailingName(List<String> lines, Context ctx) {
        if (ctx.senderName() == null || ctx.senderName().isBlank() || lines.isEmpty()) {
            return;
        }
        String name = MailText.strip(ctx.senderName());
        if (name.split("\\s+").length < 2) {
            return;
        }
        int last = lines.size() - 1;
        String line = MailText.stripTrailing(lines.get(last));
        if (line.length() > name.length() + 1 && line.endsWith(name)
                && MailText.isSpace(line.charAt(line.length() - name.length() - 1))) {
            lines.set(last, MailText.stripTrailing(line.substring(0, line.length() - name.length())));
        }
    }

    private static Set<String> nameKeys(Context ctx) {
        Set<String> names = new java.util.HashSet<>();
        if (ctx.senderName() != null && !ctx.senderName().isBlank()) {
            String full = MailText.key(ctx.senderName()).replaceAll("[\"']", "");
            if (!full.contains("@")) {
                names.add(full);
                String[] words = full.split("[ ,]+");
                if (words.length >= 2) {
                    names.add(words[words.length - 1] + " " + words[0]);
                    names.add(words[0].charAt(0) + ". " + words[words.length - 1]);
                }
                for (String w : words) {
                    if (w.length() >= 3) {
                        names.add(w);
                    }
                }
            }
        }
        if (ctx.senderAddress() != null) {
            int at = ctx.senderAddress().indexOf('@');
            String local = MailText.key(at > 0 ? ctx.senderAddress().substring(0, at) : ctx.senderAddress());
            for (String w : local.split("[._\\-+0-9]+")) {
                if (w.length() >= 3 && !GENERIC_LOCAL_PARTS.contains(w)) {
                    names.add(w);
                }
            }
        }
        return names;
    }

    private static final Set<String> GENERIC_LOCAL_PARTS = Set.of("compta", "comptabilite", "accounts", "account",
            "info", "contact", "admin", "finance", "facturation", "factures", "billing", "invoices", "invoice",
            "tresorerie", "direction", "office", "mail", "noreply", "reply", "support", "service", "sales",
            "achats", "purchasing", "fournisseurs", "suppliers", "extranet", "accounting", "payable", "payables",
            "the", "and");

    private static List<String> trimBlank(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && MailText.isBlank(lines.get(start))) {
            start++;
        }
        while (end > start && MailText.isBlank(lines.get(end - 1))) {
            end--;
        }
        return new ArrayList<>(lines.subList(start, end));
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(new java.util.HashSet<>(java.util.Arrays.asList(words)));
    }
}
