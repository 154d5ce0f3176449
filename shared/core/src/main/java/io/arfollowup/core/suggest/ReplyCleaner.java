package io.arfollowup.core.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps only what the customer wrote this time: cuts the quoted reminder (Gmail/Apple attribution lines, Outlook
 * header blocks, "-----Original Message-----", {@code >} quoting), mobile footers, the signature after a closing
 * formula and confidentiality disclaimers. Deliberately small and private to the suggester: the production
 * e-mail extractor lives in core/mail; this one also lets {@code make eval} score raw bodies. Idempotent on text
 * that is already clean.
 */
public final class ReplyCleaner {

    private static final Pattern SEPARATOR = Pattern.compile(
            "^-{2,}\\s*(original message|message d'origine|mail original|message original|"
                    + "urspr[u]ngliche nachricht|mensaje original|messaggio originale|forwarded message|"
                    + "message transfere)\\s*-*\\s*$");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(le|on|am|el|il|op|den)\\b.{0,250}(a ecrit|wrote|schrieb|escribio|ha scritto|schreef)\\s*:?\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(de|from|von|da|desde)\\s?:\\*?\\s.*");
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\*?(envoye|sent|date|gesendet|enviado|inviato|a|to|an|para|objet|subject|betreff|asunto|oggetto|cc)"
                    + "\\s?:.*");
    private static final Pattern UNDERSCORES = Pattern.compile("^_{5,}\\s*$");
    private static final Pattern MOBILE = Pattern.compile(
            "^(envoye de mon|sent from my|sent from outlook|get outlook for|envoye depuis|von meinem|enviado desde"
                    + "|inviato da).*");
    private static final Pattern CLOSING = Pattern.compile(
            "^((bien |tres |tres bien )?cordialement|cordiales salutations|bien a (vous|toi)|(sinceres |meilleures )?"
                    + "salutations( distinguees)?|bonne (journee|soiree|fin de journee|fin de semaine|semaine|continuation)"
                    + "|bon (week-?end|apres-midi)|(have a )?(good|nice|great|lovely) (day|weekend|week|evening)|cdl?t|cdt"
                    + "|bav|a\\+|a bientot|merci( beaucoup| d'avance| par avance| encore)?|thanks?( you| again| in "
                    + "advance| a lot)?|thx|many thanks|(kind |best |warm |with )?regards|best( wishes)?|cheers|"
                    + "sincerely|yours (sincerely|faithfully|truly)|(mit )?freundlichen grussen|viele grusse|"
                    + "(un )?saludos?( cordiales)?|atentamente|cordiali saluti|distinti saluti|un saluto|grazie)"
                    + "[\\s,.!]*$");
    private static final Pattern PURE_CLOSING = Pattern.compile(
            "^((bien |tres )?cordialement|cordiales salutations|bien a vous|(sinceres |meilleures )?salutations"
                    + "|cdl?t|cdt|(kind |best |warm )?regards|best wishes|sincerely|yours (sincerely|faithfully|truly)"
                    + "|(mit )?freundlichen grussen|saludos( cordiales)?|atentamente|cordiali saluti|distinti saluti)"
                    + "[\\s,.!]*$");
    private static final Pattern FORMAL_CLOSING = Pattern.compile(
            "^(veuillez|je vous prie|nous vous prions|recevez|dans l'attente) .{0,40}(agreer|croire|salutations"
                    + "|expression|retour).*");
    private static final Pattern DISCLAIMER_A = Pattern.compile(
            "confidenti|privileged|vertraulich|riservat");
    private static final Pattern DISCLAIMER_B = Pattern.compile(
            "destinataire|intended (solely |only )?(for|recipient)|addressee|received this (e-?mail|message) in error"
                    + "|recu ce message par erreur|strictly prohibited|interdite|empfanger|destinatario");

    private ReplyCleaner() {
    }

    /** The customer's own words. */
    public static String clean(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String[] folded = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            folded[i] = Fold.fold(lines[i]).trim();
        }
        int end = cutQuote(folded);
        List<String> kept = new ArrayList<>();
        List<String> keptFolded = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (MOBILE.matcher(folded[i]).matches()) {
                continue;
            }
            kept.add(lines[i]);
            keptFolded.add(folded[i]);
        }
        dropDisclaimers(kept, keptFolded);
        int sig = signatureStart(keptFolded);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sig; i++) {
            sb.append(kept.get(i)).append('\n');
        }
        return sb.toString().strip();
    }

    private static int cutQuote(String[] f) {
        for (int i = 0; i < f.length; i++) {
            String l = f[i];
            if (l.startsWith(">") || SEPARATOR.matcher(l).matches() || ATTRIBUTION.matcher(l).matches()) {
                return i;
            }
            if (i + 1 < f.length && (l.startsWith("le ") || l.startsWith("on ") || l.startsWith("am "))
                    && ATTRIBUTION.matcher(l + " " + f[i + 1]).matches()) {
                return i;
            }
            if (UNDERSCORES.matcher(l).matches() && nextHeader(f, i + 1)) {
                return i;
            }
            if (HEADER_FROM.matcher(l).matches() && nextHeader(f, i + 1)) {
                return i;
            }
        }
        return f.length;
    }

    private static boolean nextHeader(String[] f, int from) {
        int seen = 0;
        for (int j = from; j < f.length && seen < 5; j++) {
            if (f[j].isEmpty()) {
                continue;
            }
            seen++;
            if (HEADER_NEXT.matcher(f[j]).matches() || HEADER_FROM.matcher(f[j]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static void dropDisclaimers(List<String> lines, List<String> folded) {
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            StringBuilder para = new StringBuilder();
            while (j < lines.size() && !folded.get(j).isEmpty()) {
                para.append(folded.get(j)).append(' ');
                j++;
            }
            String p = para.toString();
            if (j > i && DISCLAIMER_A.matcher(p).find() && DISCLAIMER_B.matcher(p).find()) {
                for (int k = j - 1; k >= i; k--) {
                    lines.remove(k);
                    folded.remove(k);
                }
                continue;
            }
            i = Math.max(j, i + 1);
        }
    }

    /**
     * Index of the closing formula when some content precedes it, else the end. A reply that opens on a bare
     * closing ("Cordialement," then a signature) says nothing: all of it is signature.
     */
    private static int signatureStart(List<String> folded) {
        boolean content = false;
        for (int i = 0; i < folded.size(); i++) {
            String l = folded.get(i);
            if (l.isEmpty()) {
                continue;
            }
            if (!content && PURE_CLOSING.matcher(l).matches()) {
                return i;
            }
            if (content && (CLOSING.matcher(l).matches() || FORMAL_CLOSING.matcher(l).matches())) {
                return i;
            }
            if (!isGreeting(l)) {
                content = true;
            }
        }
        return folded.size();
    }

    private static boolean isGreeting(String l) {
        return l.length() < 40 && l.matches("^(bonjour|bonsoir|hello|hi|dear|hey|morning|good morning|madame|monsieur"
                + "|mesdames|guten tag|hallo|sehr geehrte|hola|estimad|buongiorno|salve|gentile|bjr|cher|chere)\\b.*");
    }
}
