package io.arfollowup.core.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells French from English (and from anything else) by counting very common words. A bilingual text gets the
 * language of its first paragraph that says enough. Returns "fr", "en" or "other".
 */
public final class LanguageDetector {

    public static final String FR = "fr";
    public static final String EN = "en";
    public static final String OTHER = "other";

    private static final Map<String, Set<String>> WORDS = Map.of(
            FR, words("le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "pour", "nous", "vous",
                    "votre", "vos", "notre", "nos", "sur", "avec", "pas", "ne", "que", "qui", "dans", "ce", "cette",
                    "sont", "été", "ete", "être", "avons", "avez", "bonjour", "merci", "cordialement", "facture",
                    "factures", "règlement", "reglement", "virement", "paiement", "je", "à", "au", "aux", "il",
                    "elle", "par", "mais", "ou", "où", "très", "bien", "suis", "sera", "ci-joint", "madame",
                    "monsieur", "relance", "échue", "d'un", "l'", "n'a", "c'est", "j'ai", "réglé", "payé", "avoir",
                    "compte", "semaine", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "envoyé", "également",
                    "objet", "date", "absente", "absent", "jusqu'au", "chèque", "retard", "désolé"),
            EN, words("the", "and", "is", "are", "for", "we", "you", "your", "our", "on", "with", "not", "that",
                    "which", "in", "this", "be", "been", "have", "has", "hello", "hi", "dear", "thanks", "thank",
                    "regards", "invoice", "invoices", "payment", "please", "will", "to", "of", "it", "at", "by",
                    "from", "was", "were", "paid", "attached", "today", "could", "would", "should", "can", "i",
                    "my", "me", "us", "they", "there", "find", "kind", "best", "sorry", "office", "until", "out",
                    "delivered", "message", "mail", "system", "could", "recipients", "sent", "week", "if", "do"),
            "de", words("der", "die", "das", "und", "ist", "für", "wir", "sie", "ihr", "nicht", "mit", "auf",
                    "rechnung", "zahlung", "bitte", "danke", "grüße", "hallo", "sehr", "geehrte", "ich", "ein",
                    "eine", "zu", "den", "dem", "wird", "haben", "wurde", "freundlichen", "überweisung", "bis", "im",
                    "bin", "ihre", "nachricht", "zum", "anbei", "uns", "heute", "beglichen", "guten", "tag", "damen",
                    "herren", "ist", "bezahlt"),
            "es", words("el", "los", "las", "y", "es", "para", "nosotros", "usted", "su", "con", "no", "que",
                    "esta", "factura", "pago", "gracias", "hola", "saludos", "por", "del", "hemos", "sido", "una",
                    "estimados", "atentamente", "transferencia", "adjunto", "realizado", "se", "lo", "estoy", "hasta",
                    "saludo", "buenos", "días", "ayer", "próximo", "correo", "pagó", "muchas", "vacaciones", "al",
                    "marzo", "pagado", "fue", "hoy", "mañana", "semana", "muy", "nuestra", "nuestro"),
            "it", words("il", "gli", "e", "è", "per", "noi", "voi", "vostra", "con", "non", "che", "questa",
                    "fattura", "pagamento", "grazie", "buongiorno", "saluti", "cordiali", "abbiamo", "stato",
                    "della", "alla", "bonifico", "allegato", "effettuato", "sono", "del", "di", "un", "una", "stata",
                    "ufficio", "fino", "oggi", "ieri", "domani", "settimana", "nostro", "nostra", "pagata", "ho"));

    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String paragraph : MailText.unixLines(text).split("\n\\s*\n")) {
            String lang = decide(paragraph, 3);
            if (lang != null) {
                return lang;
            }
        }
        String whole = decide(text, 1);
        return whole == null ? OTHER : whole;
    }

    private String decide(String text, int minimum) {
        String lower = MailText.plainSpaces(text).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Map<String, int[]> scores = new java.util.HashMap<>();
        for (String w : lower.split("[^\\p{L}'-]+")) {
            if (w.isEmpty()) {
                continue;
            }
            String word = w;
            int apostrophe = word.indexOf('\'');
            if (apostrophe > 0 && apostrophe <= 2) {
                // l'avis, d'un, n'a: the elided article is French, English uses "it's", "don't"
                String head = word.substring(0, apostrophe + 1);
                if (Set.of("l'", "d'", "n'", "j'", "qu'", "c'", "s'", "m'", "t'").contains(head)) {
                    scores.computeIfAbsent(FR, k -> new int[1])[0]++;
                    continue;
                }
            }
            for (Map.Entry<String, Set<String>> e : WORDS.entrySet()) {
                if (e.getValue().contains(word)) {
                    scores.computeIfAbsent(e.getKey(), k -> new int[1])[0]++;
                }
            }
        }
        String best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Map.Entry<String, int[]> e : scores.entrySet()) {
            int s = e.getValue()[0];
            if (s > bestScore) {
                best = e.getKey();
                bestScore = s;
                tie = false;
            } else if (s == bestScore) {
                tie = true;
            }
        }
        if (best == null || bestScore < minimum || tie) {
            return null;
        }
        return best.equals(FR) || best.equals(EN) ? best : OTHER;
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(new java.util.HashSet<>(java.util.Arrays.asList(words)));
    }
}
