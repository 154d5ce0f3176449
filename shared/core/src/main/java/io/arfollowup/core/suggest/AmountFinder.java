package io.arfollowup.core.suggest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds amounts with their currency in both number conventions ("1 234,56 €", "EUR 980,00", "€2,980.00",
 * "£1,156.80", "$4,100") and picks the one the customer pays, promises, proposes or disputes: the words around
 * an amount ("écart de", "overcharge of", "par mois", "on Dec 1") weigh, otherwise the first one wins.
 */
final class AmountFinder {

    /** An amount found at [start, end) of the text. */
    record Found(BigDecimal value, String currency, int start, int end, double score) {
    }

    private static final String NUMBER = "(\\d{1,3}(?:[ .,'](?=\\d{3}(?!\\d))\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final Pattern BEFORE = Pattern.compile(
            "(€|\\beur(?=\\s?\\d)|\\beuros?(?=\\s?\\d)|£|\\bgbp(?=\\s?\\d)|\\$|\\busd(?=\\s?\\d)|\\bus\\$"
                    + "|\\bchf(?=\\s?\\d))\\s?" + NUMBER + "(k\\b)?(?![\\d])");
    private static final Pattern AFTER = Pattern.compile(
            "(?<![\\w.,])" + NUMBER + "\\s?(k€|k£|k\\$|k ?eur\\b|€|eur\\b|euros?\\b|£|gbp\\b|pounds?\\b|\\$|usd\\b|dollars?\\b"
                    + "|chf\\b)");
    /** A form field that names its currency in its label: "Amount (EUR): 412.50", "Montant (€) : 1 530". */
    private static final Pattern FIELD = Pattern.compile(
            "\\b(?:amount|montant|total|sum|somme|betrag|importe|importo)\\s*\\(\\s*(eur|€|euros?|gbp|£|usd|\\$|chf)\\s*\\)"
                    + "\\s*:?\\s*" + NUMBER + "(?![\\d])");
    private static final Pattern PER_UNIT = Pattern.compile(
            "^\\s*(ht|ttc|hors taxes?)?\\s*(/(?!\\s*(mois|month|mo\\b|semaine|week|wk|an\\b|year|yr|trimestre|quarter))|par (heure|unite|piece|jour|personne|utilisateur|licence|poste|m2|kg|metre|litre|boite|carton)|la (boite|piece|caisse|palette)\\b|le carton\\b|per (box|case|carton|pallet)\\b|a (box|case)\\b|le (metre|m2|kg|litre|m|ml)\\b|the metre|a metre|per (metre|meter|m|kg|litre)\\b"
                    + "|l'unite|de l'heure|each|per (unit|user|hour|seat|item|day|piece|licen[cs]e)|an hour|/h"
                    + "|pro (stuck|stunde|einheit)|je (stuck|stunde)|al pezzo|all'ora|l'ora|por (unidad|hora|pieza)|la unidad)");
    private static final Pattern GOOD_BEFORE = Pattern.compile(
            "(ecart|difference|soit|overcharge|surfactur|trop[- ]?percu|de trop|disput|contest|refus|withhold|retenons"
                    + "|credit|avoir|geste|short[- ]?paid|deduit|deducted|versement|virement|cheque|check|payment|paiement"
                    + "|reglement|montant|total|amount|first|premier|instal|mensualit|echeance|propose|proposons|verser"
                    + "|payer|pay|send|settle|regler|reglerons|transfer|charge|frais|fee|remaining|solde|reste|balance"
                    + "|of|de)\\W{0,3}(de |of |:)?\\s*(\\w+\\s){0,2}$");
    private static final Pattern PERIOD_AFTER = Pattern.compile(
            "^\\s*(ht|ttc)?\\s*(par (mois|semaine|trimestre)|chaque mois|tous les mois|a month|per month|a week|per week"
                    + "|monthly|weekly|(le|on|the|by|d'ici|avant|before|fin|end|mi|mid|cette|this|today|aujourd'hui"
                    + "|demain|tomorrow|next|lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday"
                    + "|friday|starting|a partir|des|from)\\b)");
    private static final Pattern THRESHOLD_BEFORE = Pattern.compile(
            "\\b(anything|everything|tout ce qui|invoices?|factures?|orders?|commandes?)?\\s*(over|above|exceeding|under"
                    + "|below|depasse|au-dela de|au-dessus de|superieure?s? a|inferieure?s? a|seuil de|threshold of|passes|exceeds"
                    + "|reaches|atteint|franchit|goes over|passed|exceeded|reached|depasse|a depasse)(\\s+the)?\\s*$");
    private static final Pattern THRESHOLD_AFTER = Pattern.compile("^\\s*(ht|ttc)?\\s*(threshold|seuil|plafond|limit|cap|tier)\\b");
    private static final Pattern WEAK_BEFORE = Pattern.compile(
            "(sur la base (\\d{4} )?de|on a base of|based on|base de|sur|over|across|plus de|more than|about|total de la commande|commande (fait|de)|chiffre|doit|owes"
                    + "|nous doit|au-dessus de|above|over|seuil|threshold|capital)\\W{0,3}(\\w+\\s){0,2}$");

    /** A unit price or hourly rate named just before ("prix unitaire facturé (42 €)", "passé de 65 à 78 €"). */
    private static final Pattern RATE_BEFORE = Pattern.compile(
            "(prix unitaire|unit (price|cost|rate)|tarif (horaire|unitaire|journalier)|taux horaire|hourly rate|day rate"
                    + "|prix (a|de) l'unite|stuckpreis|einzelpreis|pro stuck|pro stunde|stundensatz|prezzo unitario"
                    + "|precio unitario|tariffa oraria|precio por hora)");
    /** ... unless a total, a difference, a payment or a sentence end comes between the rate and the amount. */
    private static final Pattern TOTAL_BETWEEN = Pattern.compile(
            "(soit|i\\.e\\.|total|ecart|difference|overcharge|de trop|en trop|=|x |\\* |insgesamt|in totale|en total"
                    + "|[.!?;\\n]|regl|pay|paid|vers|vire|wire|transf|deduct|deduit|credit|avoir|solde|balance|bezahl|uberw)");

    private AmountFinder() {
    }

    private static boolean rate(String before) {
        Matcher r = RATE_BEFORE.matcher(before);
        int end = -1;
        while (r.find()) {
            end = r.end();
        }
        return end >= 0 && !TOTAL_BETWEEN.matcher(before.substring(end)).find();
    }

    static List<Found> find(String folded) {
        List<Found> out = new ArrayList<>();
        Matcher m = BEFORE.matcher(folded);
        while (m.find()) {
            add(out, folded, m.group(2), currency(m.group(1)), m.group(3) != null, m.start(), m.end());
        }
        m = FIELD.matcher(folded);
        while (m.find()) {
            if (!overlaps(out, m.start(2), m.end(2))) {
                add(out, folded, m.group(2), currency(m.group(1)), false, m.start(2), m.end(2));
            }
        }
        m = AFTER.matcher(folded);
        while (m.find()) {
            if (overlaps(out, m.start(), m.end())) {
                continue;
            }
            String symbol = m.group(2);
            boolean thousands = symbol.startsWith("k");
            add(out, folded, m.group(1), currency(thousands ? symbol.substring(1) : symbol), thousands, m.start(),
                    m.end());
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * A plan's first instalment: the first amount followed by its day or period ("1.000 € le 12/11", "£500 a month
     * from 1 December"), or null when no amount is.
     */
    static Found firstInstalment(String folded, List<Found> found, List<DateFinder.Found> dates) {
        Found dated = firstDated(folded, found, dates);
        if (dated != null || found.isEmpty()) {
            return dated;
        }
        // "les 1 180 euros ... en 3 fois : 400 le 15 novembre, 400 le 15 décembre": the currency said once
        Matcher m = BARE_INSTALMENT.matcher(folded);
        while (m.find()) {
            BigDecimal v = parse(m.group(1));
            if (v != null && v.signum() > 0 && !overlaps(found, m.start(1), m.end(1))) {
                return new Found(v, found.get(0).currency(), m.start(1), m.end(1), 0);
            }
        }
        return null;
    }

    private static final Pattern BARE_INSTALMENT = Pattern.compile(
            "(?<![\\w.,])(\\d{2,6}(?:[.,]\\d{2})?)\\s+(le|on the|on|au|the)\\s+\\d{1,2}(er|st|nd|rd|th)?\\s+[a-z]");

    private static Found firstDated(String folded, List<Found> found, List<DateFinder.Found> dates) {
        for (Found f : found) {
            String after = folded.substring(f.end(), Math.min(folded.length(), f.end() + 30));
            if (INSTALMENT_PERIOD.matcher(after).find()) {
                return f;
            }
            for (DateFinder.Found d : dates) {
                if (d.start() >= f.end() && d.start() <= f.end() + 12
                        && !folded.substring(f.end(), d.start()).matches("(?s).*[.;\\n].*")) {
                    return f;
                }
            }
        }
        return null;
    }

    private static final Pattern INSTALMENT_PERIOD = Pattern.compile(
            "^\\s*(ht|ttc)?\\s*(par (mois|semaine|trimestre)|chaque mois|tous les mois|a month|per month|a week|per week"
                    + "|monthly|weekly|each month|every month)\\b");

    /** The amount that matters: highest context score, then the first. */
    static Found best(List<Found> found) {
        Found best = null;
        for (Found f : found) {
            if (best == null || f.score() > best.score()) {
                best = f;
            }
        }
        return best;
    }

    private static void add(List<Found> out, String folded, String number, String currency, boolean thousands,
                            int start, int end) {
        BigDecimal v = parse(number);
        if (v != null && thousands) {
            v = v.multiply(BigDecimal.valueOf(1000)).stripTrailingZeros();
            v = v.scale() < 0 ? v.setScale(0) : v;
        }
        if (v == null || v.signum() <= 0) {
            return;
        }
        String after = folded.substring(end, Math.min(folded.length(), end + 30));
        if (PER_UNIT.matcher(after).find()) {
            return;
        }
        if (rate(folded.substring(Math.max(0, start - 80), start))) {
            return;
        }
        if (folded.substring(Math.max(0, start - 4), start).matches("(?s).*(\\d\\s?[x×*]|@)\\s*$")) {
            return; // "8 seats x $45": the price of one, the total follows
        }
        String before = folded.substring(Math.max(0, start - 30), start);
        if (THRESHOLD_BEFORE.matcher(before).find()) {
            return; // "anything over £250 needs a PO": a threshold, not an amount of this reply
        }
        if (THRESHOLD_AFTER.matcher(folded.substring(end, Math.min(folded.length(), end + 16))).find()) {
            return; // "the $250,000 threshold", "un plafond de 5 000 €"
        }
        double score = 0;
        if (GOOD_BEFORE.matcher(before).find()) {
            score += 1;
        }
        if (before.matches("(?s).*(ecart|difference|overcharge|de trop|disputing|withholding|credit of|avoir de"
                + "|short[- ]?paid by|payments of|mensualites de|versements de|cheques de|held back|withheld|kept back|retenu"
                + "|retenus|retenons|deduit|deduits|deducted|enleve|enleves|soit|comes to|s'eleve a|amounts to|represente"
                + "|holding back|hold back|withholding|total paid|total payment|amount paid|montant regle|montant vire"
                + "|total regle|total vire|=|so)\\W{0,3}(de |of |:)?\\s*$")) {
            score += 2;
        }
        if (PERIOD_AFTER.matcher(after).find()) {
            score += 1.5;
        }
        if (WEAK_BEFORE.matcher(before).find()) {
            score -= 1.5;
        }
        if (after.matches("(?s)^\\s*(ht|ttc)?\\s*(de plus|de trop|too much|extra|en trop|overbilled|overcharged|over\\b|off\\b"
                + "|de remise|de reduction|de rabais|d'ecart|de difference|of difference).*")) {
            score += 3;
        }
        out.add(new Found(v, currency, start, end, score));
    }

    private static boolean overlaps(List<Found> out, int s, int e) {
        for (Found f : out) {
            if (s < f.end() && e > f.start()) {
                return true;
            }
        }
        return false;
    }

    static String currency(String symbol) {
        return switch (symbol.trim()) {
            case "£", "gbp", "pound", "pounds" -> "GBP";
            case "eur", " eur", "euro", "euros" -> "EUR";
            case "$", "usd", "us$", "dollar", "dollars" -> "USD";
            case "chf" -> "CHF";
            default -> "EUR";
        };
    }

    /** "1 234,56", "1.234,56", "1,234.56", "1234.5", "3,400" (grouping) → a number. */
    static BigDecimal parse(String raw) {
        String s = raw.replace(" ", "").replace("'", "");
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        int sep = Math.max(lastComma, lastDot);
        String intPart = s;
        String frac = "";
        if (sep >= 0) {
            int decimals = s.length() - sep - 1;
            if (decimals != 3) {
                intPart = s.substring(0, sep);
                frac = s.substring(sep + 1);
            }
        }
        intPart = intPart.replace(",", "").replace(".", "");
        try {
            BigDecimal v = new BigDecimal(frac.isEmpty() ? intPart : intPart + "." + frac).stripTrailingZeros();
            return v.scale() < 0 ? v.setScale(0) : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
