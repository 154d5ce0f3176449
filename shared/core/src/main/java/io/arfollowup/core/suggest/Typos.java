package io.arfollowup.core.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typo tolerance for the words the statuses hinge on: a word of five letters or more that is one typing slip (a
 * letter missing or added inside it, a letter typed twice, a wrong letter, two letters swapped) away from exactly
 * one of the key words below, with the same first letter, is read as that key word ("paiment" → "paiement",
 * "facutre" → "facture", "recieved" → "received", "tommorow" → "tomorrow"). The list is short on purpose: a
 * correction towards any known word turned real words into others ("ferons" → "fermons") on real replies.
 */
final class Typos {

    /** Key words, folded (no accents): payment, invoice, dispute, delivery, time and absence vocabulary. */
    static final List<String> KEY_WORDS = List.of(
            "paiement", "paiements", "virement", "reglement", "reglee", "facture", "factures", "echeancier",
            "echeance", "livraison", "livree", "commande", "contestons", "conteste", "contestation", "litige",
            "cheque", "prelevement", "effectue", "comptabilite", "redressement", "liquidation", "sauvegarde", "procedure",
            "absente", "absent", "bureau", "retour", "duplicata", "justificatif", "attestation", "endommage",
            "endommagee", "manquant", "retourne", "demain", "semaine", "prochain", "prochaine", "vendredi", "mercredi",
            "janvier", "fevrier", "septembre", "octobre", "novembre", "decembre", "payment", "payments", "invoice",
            "invoices", "received", "receive", "delivery", "delivered", "damaged", "transfer", "instalment",
            "instalments", "installment", "installments", "statement", "remittance", "credit", "dispute",
            "disputing", "account", "schedule", "scheduled", "approval", "approved", "purchase", "already", "resend",
            "tomorrow", "wednesday", "thursday", "february", "september", "october", "november", "december",
            "administration", "insolvency", "liquidation", "office", "holiday");

    private static final Pattern WORD = Pattern.compile("[a-z]{5,}");

    private final Set<String> vocabulary = new HashSet<>(KEY_WORDS);
    private final Map<String, List<String>> deletions = new HashMap<>();

    Typos() {
        for (String w : vocabulary) {
            for (int i = 0; i < w.length(); i++) {
                deletions.computeIfAbsent(w.substring(0, i) + w.substring(i + 1), k -> new ArrayList<>()).add(w);
            }
        }
    }

    int size() {
        return vocabulary.size();
    }

    /** The text with the correctable words replaced (other characters untouched; lengths may change). */
    String correct(String text) {
        String folded = Fold.fold(text);
        Matcher m = WORD.matcher(folded);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            boolean wordStart = m.start() == 0 || !Character.isLetter(folded.charAt(m.start() - 1));
            boolean wordEnd = m.end() == folded.length() || !Character.isLetter(folded.charAt(m.end()));
            if (!wordStart || !wordEnd) {
                continue;
            }
            String word = m.group();
            if (vocabulary.contains(word)) {
                continue;
            }
            String fix = candidate(word);
            if (fix == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8);
            }
            out.append(text, last, m.start()).append(fix);
            last = m.end();
        }
        if (out == null) {
            return text;
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private String candidate(String word) {
        Set<String> found = new HashSet<>();
        // a letter missing inside the word ("paiment")
        for (String w : deletions.getOrDefault(word, List.of())) {
            int at = firstDifference(w, word);
            if (!inflection(w, at)) {
                found.add(w);
            }
        }
        for (int i = 1; i < word.length() - 1; i++) {
            // a letter added inside the word ("virrement")
            String del = word.substring(0, i) + word.substring(i + 1);
            if (vocabulary.contains(del) && !inflection(word, i)) {
                found.add(del);
            }
        }
        for (int i = 0; i + 1 < word.length(); i++) {
            // two letters swapped ("facutre")
            char[] c = word.toCharArray();
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            String swapped = new String(c);
            if (vocabulary.contains(swapped)) {
                found.add(swapped);
            }
        }
        if (found.isEmpty() && word.length() >= 7) {
            // a wrong letter inside a long word ("paiemant" is left alone: inflection zone; "reglemnet" is a swap)
            for (int i = 1; i < word.length() - 3; i++) {
                String del = word.substring(0, i) + word.substring(i + 1);
                for (String w : deletions.getOrDefault(del, List.of())) {
                    if (w.length() == word.length() && w.startsWith(word.substring(0, i))
                            && w.endsWith(word.substring(i + 1))) {
                        found.add(w);
                    }
                }
            }
        }
        found.removeIf(w -> w.charAt(0) != word.charAt(0));
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** An edit of an inflection letter near the end ("facturée", "absence", "manquait") is no typo. */
    private static boolean inflection(String longer, int at) {
        return at >= longer.length() - 3 && "esdrtnxai".indexOf(longer.charAt(at)) >= 0;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }
}
