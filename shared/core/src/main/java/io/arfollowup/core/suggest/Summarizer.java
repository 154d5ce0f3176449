package io.arfollowup.core.suggest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One neutral sentence (≤ 200 characters) for the collector's comment, in French for French replies and in English
 * otherwise: who says what, with the facts a collector needs (references, amount, date, reason).
 */
final class Summarizer {

    static final int MAX = 200;
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    private Summarizer() {
    }

    static String summarize(boolean french, String status, List<String> refs, BigDecimal amount, String currency,
                            LocalDate date, String reason) {
        String s = french ? fr(status, refs, money(true, amount, currency), date == null ? null : FR_DATE.format(date),
                reason) : en(status, refs, money(false, amount, currency),
                date == null ? null : EN_DATE.format(date), reason);
        s = s.replaceAll("\\s+", " ").replace(" ,", ",").replace(" .", ".").trim();
        if (s.length() > MAX) {
            s = s.substring(0, MAX - 1).trim() + "…";
        }
        return s;
    }

    private static String fr(String status, List<String> refs, String amount, String date, String reason) {
        String r = refs.isEmpty() ? "" : (refs.size() == 1 ? "la facture " : "les factures ") + join(refs, " et ");
        String rOr = r.isEmpty() ? "les factures relancées" : r;
        String a = amount == null ? "" : " (" + amount + ")";
        return switch (status) {
            case "PAYMENT_PROMISE" -> "Le client promet de régler " + rOr + a
                    + (date == null ? ", sans date précise." : " le " + date + ".");
            case "PAYMENT_PLAN_REQUEST" -> "Le client demande un échéancier pour " + rOr
                    + (amount == null ? "" : ", premier versement de " + amount)
                    + (date == null ? "." : " à partir du " + date + ".");
            case "ALREADY_PAID" -> "Le client indique avoir déjà réglé " + rOr + a + " ; paiement à vérifier.";
            case "PAYMENT_IN_PROGRESS" -> "Le client indique que " + (r.isEmpty() ? "le règlement" : r)
                    + (refs.size() > 1 ? " sont" : " est") + " en cours de validation ou de paiement, sans date précise.";
            case "COPY_REQUEST" -> "Le client demande une copie de " + (r.isEmpty() ? "la facture" : r) + ".";
            case "DOCUMENT_REQUEST" -> "Le client demande un justificatif" + (r.isEmpty() ? "" : " pour " + r)
                    + " avant de payer.";
            case "WRONG_CONTACT" -> "Le destinataire n'est pas le bon interlocuteur et renvoie vers un autre contact.";
            case "FINANCIAL_DIFFICULTY" -> "Le client signale des difficultés financières"
                    + (reason == null ? "" : " (" + reason + ")") + ".";
            case "OUT_OF_OFFICE" -> "Réponse automatique (absence ou accusé de réception), rien à traiter.";
            case "NO_ACTION" -> "Simple accusé de réception du client, rien à traiter.";
            case "CREDIT_NOTE_EXPECTED" -> "Le client attend un avoir" + (amount == null ? "" : " de " + amount)
                    + " avant de régler " + rOr + ".";
            case "ADMIN_DISPUTE", "COMMERCIAL_DISPUTE", "DELIVERY_DISPUTE" -> "Le client conteste " + rOr + a
                    + (reason == null ? "" : " : " + reason) + ".";
            default -> "Réponse du client à qualifier.";
        };
    }

    private static String en(String status, List<String> refs, String amount, String date, String reason) {
        String r = refs.isEmpty() ? "" : (refs.size() == 1 ? "invoice " : "invoices ") + join(refs, " and ");
        String rOr = r.isEmpty() ? "the reminded invoices" : r;
        String a = amount == null ? "" : " (" + amount + ")";
        return switch (status) {
            case "PAYMENT_PROMISE" -> "The customer promises to pay " + rOr + a
                    + (date == null ? ", no precise date." : " on " + date + ".");
            case "PAYMENT_PLAN_REQUEST" -> "The customer asks for a payment plan for " + rOr
                    + (amount == null ? "" : ", first instalment " + amount)
                    + (date == null ? "." : " from " + date + ".");
            case "ALREADY_PAID" -> "The customer says " + rOr + " " + (refs.size() == 1 ? "was" : "were")
                    + " already paid" + a + "; payment to be checked.";
            case "PAYMENT_IN_PROGRESS" -> "The customer says " + (r.isEmpty() ? "payment" : r)
                    + (refs.size() > 1 ? " are" : " is") + " in approval or in payment, no precise date.";
            case "COPY_REQUEST" -> "The customer asks for a copy of " + (r.isEmpty() ? "the invoice" : r) + ".";
            case "DOCUMENT_REQUEST" -> "The customer asks for a supporting document" + (r.isEmpty() ? "" : " for " + r)
                    + " before paying.";
            case "WRONG_CONTACT" -> "The recipient is not the right contact and points to someone else.";
            case "FINANCIAL_DIFFICULTY" -> "The customer reports financial difficulty"
                    + (reason == null ? "" : " (" + reason + ")") + ".";
            case "OUT_OF_OFFICE" -> "Automatic reply (absence or acknowledgement), nothing to do.";
            case "NO_ACTION" -> "Plain acknowledgement from the customer, nothing to do.";
            case "CREDIT_NOTE_EXPECTED" -> "The customer awaits a credit note" + (amount == null ? "" : " of " + amount)
                    + " before paying " + rOr + ".";
            case "ADMIN_DISPUTE", "COMMERCIAL_DISPUTE", "DELIVERY_DISPUTE" -> "The customer disputes " + rOr + a
                    + (reason == null ? "" : ": " + reason) + ".";
            default -> "Customer reply to qualify.";
        };
    }

    private static String join(List<String> refs, String last) {
        List<String> shown = refs.size() > 4 ? refs.subList(0, 4) : refs;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                sb.append(i == shown.size() - 1 && refs.size() <= 4 ? last : ", ");
            }
            sb.append(shown.get(i));
        }
        if (refs.size() > 4) {
            sb.append(" …");
        }
        return sb.toString();
    }

    static String money(boolean french, BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        String symbol = switch (currency == null ? "EUR" : currency) {
            case "GBP" -> "£";
            case "USD" -> "$";
            case "EUR" -> "€";
            default -> currency;
        };
        BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
        String digits = v.toPlainString();
        String intPart = digits.substring(0, digits.indexOf('.'));
        String frac = digits.substring(digits.indexOf('.') + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) {
                grouped.append(french ? ' ' : ',');
            }
            grouped.append(intPart.charAt(i));
        }
        return french ? grouped + "," + frac + " " + symbol : symbol + grouped + "." + frac;
    }
}
