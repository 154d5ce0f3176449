package io.arfollowup.core.suggest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the suggester reads in one reply's own text: the cleaned text, its folded form, the lexicon's cues,
 * dates, amounts, the language, and the features the learned model counts.
 */
final class Analysis {

    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z']*[a-z]|[a-z]");
    private static final Set<String> STOP = Set.of(
            "le", "la", "les", "de", "des", "du", "un", "une", "et", "ou", "en", "au", "aux", "a", "ce", "cet", "cette",
            "ces", "qui", "que", "quoi", "dont", "pour", "par", "sur", "dans", "avec", "il", "elle", "ils", "elles",
            "je", "tu", "nous", "vous", "on", "se", "sa", "son", "ses", "mon", "ma", "mes", "notre", "nos", "votre",
            "vos", "leur", "leurs", "est", "sont", "the", "and", "or", "of", "to", "in", "for", "with", "is",
            "are", "was", "were", "be", "been", "it", "this", "that", "these", "those", "we", "you", "our", "your",
            "my", "me", "us", "at", "by", "an", "as", "from", "hi", "hello", "bonjour", "dear", "madame", "monsieur",
            "thanks", "thank", "merci", "regards", "cordialement", "please", "svp", "invoice", "invoices", "facture",
            "factures");
    private static final Set<String> NEGATORS = Set.of("ne", "n", "pas", "not", "no", "never", "jamais", "aucun",
            "aucune", "n't", "nicht", "kein", "nunca", "non");
    private static final Pattern FR = Pattern.compile(
            "\\b(le|la|les|des|du|est|nous|vous|je|pour|pas|facture|merci|bonjour|avec|sur|une|sont|avons|cette)\\b");
    private static final Pattern EN = Pattern.compile(
            "\\b(the|is|we|you|i|for|not|invoice|thanks|hi|with|on|are|have|this|will|our|please|your|be)\\b");
    private static final Pattern DE = Pattern.compile(
            "\\b(die|der|das|und|ist|wir|sie|nicht|rechnung|bitte|mit|fur|ich|haben|wird|zahlung|vielen|dank)\\b");
    private static final Pattern ES = Pattern.compile(
            "\\b(el|los|las|que|es|por|para|con|factura|gracias|hemos|pago|una|usted|estimad[oa]s?)\\b");
    private static final Pattern IT = Pattern.compile(
            "\\b(il|gli|che|di|per|con|fattura|grazie|abbiamo|pagamento|una|sono|della|nostro|vostra)\\b");

    final String text;
    final String folded;
    final List<Lexicon.Hit> hits;
    final List<DateFinder.Found> dates;
    final List<AmountFinder.Found> amounts;
    final String language;
    final LocalDate today;
    final int tokenCount;
    final List<String> features;

    Analysis(String cleanText, Lexicon lexicon, LocalDate today, String languageHint, boolean monthFirstHint,
             List<String> extraFacts) {
        this.text = cleanText;
        this.folded = Fold.fold(cleanText);
        this.today = today;
        this.hits = lexicon.scan(folded);
        this.language = guessLanguage(folded, languageHint);
        this.dates = DateFinder.find(folded, today,
                monthFirstHint && language.equals("en") && (folded.indexOf('$') >= 0 || folded.contains("usd")));
        this.amounts = AmountFinder.find(folded);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        while (m.find()) {
            tokens.add(m.group());
        }
        this.tokenCount = tokens.size();
        this.features = features(tokens, extraFacts);
    }

    boolean hasFutureDate() {
        return dates.stream().anyMatch(d -> !d.date().isBefore(today));
    }

    boolean hasPastDate() {
        return dates.stream().anyMatch(d -> d.date().isBefore(today));
    }

    private List<String> features(List<String> tokens, List<String> extraFacts) {
        Set<String> f = new LinkedHashSet<>();
        int negate = 0;
        String previous = null;
        for (String raw : tokens) {
            String t = raw;
            int apostrophe = t.indexOf('\'');
            if (apostrophe >= 0 && apostrophe <= 3) {
                String head = t.substring(0, apostrophe);
                t = t.substring(apostrophe + 1);
                if (head.equals("n")) {
                    negate = 3;
                }
            }
            if (NEGATORS.contains(t)) {
                negate = 3;
                previous = null;
                continue;
            }
            if (t.length() < 3 || STOP.contains(t)) {
                continue;
            }
            String stem = t.length() > 6 ? t.substring(0, 6) : t;
            String token = negate > 0 ? "!" + stem : stem;
            f.add(token);
            if (previous != null) {
                f.add(previous + "_" + stem);
            }
            previous = stem;
            if (negate > 0) {
                negate--;
            }
        }
        for (Lexicon.Hit h : hits) {
            f.add((h.negated() ? "c!:" : "c:") + h.cue().id());
        }
        if (hasFutureDate()) {
            f.add("f:future");
        }
        if (hasPastDate()) {
            f.add("f:past");
        }
        if (!amounts.isEmpty()) {
            f.add("f:amount");
        }
        if (tokens.isEmpty()) {
            f.add("f:empty");
        } else if (tokens.size() < 12) {
            f.add("f:short");
        } else if (tokens.size() > 80) {
            f.add("f:long");
        }
        if (folded.indexOf('?') >= 0) {
            f.add("f:question");
        }
        f.addAll(extraFacts);
        return List.copyOf(f);
    }

    static String guessLanguage(String folded, String hint) {
        int fr = count(FR, folded);
        int en = count(EN, folded);
        int de = count(DE, folded);
        int es = count(ES, folded);
        int it = count(IT, folded);
        int best = Math.max(Math.max(fr, en), Math.max(de, Math.max(es, it)));
        if (best < 2) {
            return hint == null || hint.isBlank() ? "fr" : hint.substring(0, Math.min(2, hint.length())).toLowerCase();
        }
        if (best == fr) {
            return "fr";
        }
        if (best == en) {
            return "en";
        }
        if (best == de) {
            return "de";
        }
        return best == es ? "es" : "it";
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
