package io.arfollowup.core.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds invoice references in free text when the customer's items are not known ({@code make eval}, unmatched
 * replies): coded numbers ({@code FA-2025-00412}, {@code F2025/0133}, {@code INV-10482}, {@code FC 25 10 0347}),
 * and bare numbers only where the text calls them invoices. Purchase orders, credit notes, returns, quotes,
 * delivery notes, payment and account references are left out by their prefix or the words before them.
 * When the customer's open items are known, {@link #matchItems} is what counts.
 */
public final class RefFinder {

    private static final Pattern CODED = Pattern.compile(
            "(?<![\\w/.-])([A-Z]{1,6}[-/ ]?\\d{2,4}(?:[-/]\\d{2,8}){1,2}|[A-Z]{1,4} \\d{2} \\d{2} \\d{3,6}"
                    + "|[A-Z]{1,6}-?\\d{4,10}|\\d{4}-\\d{3,6}|\\d{2,4}/\\d{3,6})(?![\\w/-]|[.,]\\d)");
    private static final Pattern BARE = Pattern.compile("(?<![\\w/.,:-])(\\d{4,8})(?![\\w/-]|[.,]\\d)");
    /** Prefixes of documents that are not invoices. */
    private static final Set<String> NOT_INVOICE_PREFIX = Set.of(
            "AV", "AVO", "AVR", "CN", "CR", "CRN", "RMA", "RET", "PO", "BC", "BDC", "CDE", "CMD", "SO", "OF", "Q", "QT",
            "D", "DEV", "BL", "DN", "PAY", "PMT", "REM", "RIB", "C", "AR", "CASE", "TKT", "REF", "LTA", "BWF", "PX", "M",
            "OR", "ORD", "SIRET", "TVA", "VAT", "FR", "GB", "IBAN", "BIC", "TEL", "N", "NO", "NR", "DE", "ES", "IT",
            "CH", "BE", "ACC", "ACCT", "CPT", "CLI", "CUST", "CLT", "ID", "LOT", "SN", "REV", "CC", "WO", "OT", "RE",
            "CS", "CA", "SR", "TR", "TRX", "CHQ", "CHK", "BAC", "RLX", "VRN", "ART", "SKU", "CV", "MSA", "SOW", "NDA",
            // bank transfer and direct-debit references (VIR = virement, PRLV = prélèvement)
            "VIR", "VIRT", "TRF", "SEPA", "PRLV",
            "BR", "GR", "GRN", "DA", "DR", "DOC", "CT", "CTR");
    private static final Pattern NOT_INVOICE_BEFORE = Pattern.compile(
            "(\\b(po|p\\.o\\.|bon de commande|commande|cde|order|bc|bdc|devis|quote|quotation|avoir|credit note|"
                    + "credit memo|rma|retour|return|bl|bon de livraison|delivery note|contrat|contract|dossier|case|"
                    + "ticket|reference|ref|ref\\.|virement|transfer|remittance|paiement|payment|compte|account|client|"
                    + "(reference|ref\\.?) (de l'operation|de l'ordre|du virement|de (la )?transaction|of the "
                    + "(transfer|payment|transaction))|operation|transaction|"
                    + "customer|siret|siren|tva|vat|iban|tel|phone|fax|cheque|check|mandat|marche|licence|license|"
                    + "confirmation|suivi|tracking|colis|parcel|lot|serie|serial|article|piece|part|sku|adherent|"
                    + "member|ligne|line|bordereau|engagement|agreement|police|policy|matricule|badge|pin|code|"
                    + "sinistre|claim)\\s*(n°|no\\.?|nr\\.?|number|num\\.?|#|:)?\\s*)$");
    private static final Pattern INVOICE_BEFORE = Pattern.compile(
            "(\\b(factures?|fact\\.?|fac|invoices?|inv\\.?|bills?|rechnung(en)?|facturas?|fatture|fattura|piece|"
                    + "pieces)\\s*(n°|no\\.?|nr\\.?|num\\.?|number|numero|#|:|nos\\.?|ref\\.?\\s*:?|reference\\s*:?)?\\s*"
                    + "((\\S+\\s*(,|et|and|&|und|y|e|/)\\s*)*))$");
    private static final Pattern AMOUNT_AFTER = Pattern.compile("^\\s?(€|eur\\b|euros?\\b|\\$|usd\\b|£|gbp\\b|dollars?\\b"
            + "|pounds?\\b|ht\\b|ttc\\b)");
    /** "ours is", "le nôtre est": the number that follows is the one the reply has just named. */
    private static final Pattern POSSESSIVE_BEFORE = Pattern.compile(
            "\\b(ours|our one|mine|le notre|la notre|le mien|la mienne)\\s*(is|est|:|=)?\\s*(n°|no\\.?|#)?\\s*$");
    private static final Pattern OTHER_NUMBER_NAMED = Pattern.compile(
            "\\b(po|p\\.o\\.|purchase order|order|bon de commande|commande|bc|bdc|cde|account|compte|customer|client"
                    + "|contract|contrat|vat|tva|siret|supplier|fournisseur|reference de commande)\\b");
    private static final Pattern YEARS = Pattern.compile("(19|20)\\d\\d[-/](19|20)?\\d\\d");

    private RefFinder() {
    }

    /** Invoice references as written, in order of first appearance, distinct after normalisation. */
    public static List<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = Fold.fold(text);
        Map<String, String> found = new LinkedHashMap<>();
        List<int[]> taken = new ArrayList<>();
        Matcher m = CODED.matcher(text.replace('\u00a0', ' ').replace('\u202f', ' '));
        while (m.find()) {
            String ref = m.group(1);
            if (!acceptCoded(ref, folded, m.start(1)) || bracketed(text, m.start(1), m.end(1))) {
                continue;
            }
            taken.add(new int[] {m.start(1), m.end(1)});
            found.putIfAbsent(normalize(ref), ref);
        }
        Matcher b = BARE.matcher(text);
        while (b.find()) {
            int s = b.start(1);
            if (inside(taken, s)) {
                continue;
            }
            String ref = b.group(1);
            String before = folded.substring(Math.max(0, s - 60), s);
            if (isYear(ref) && !INVOICE_BEFORE.matcher(before).find()) {
                continue;
            }
            if (AMOUNT_AFTER.matcher(folded.substring(b.end(1), Math.min(folded.length(), b.end(1) + 8))).find()) {
                continue; // "1320 euros": an amount, not an invoice number
            }
            if (INVOICE_BEFORE.matcher(before).find() && !NOT_INVOICE_BEFORE.matcher(tail(before, 25)).find()) {
                found.putIfAbsent(normalize(ref), ref);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean acceptCoded(String ref, String folded, int start) {
        String before = tail(folded.substring(Math.max(0, start - 40), start), 28);
        if (NOT_INVOICE_BEFORE.matcher(before).find() && !INVOICE_BEFORE.matcher(tail(before, 14)).find()) {
            return false;
        }
        if (POSSESSIVE_BEFORE.matcher(before).find()
                && OTHER_NUMBER_NAMED.matcher(folded.substring(Math.max(0, start - 90), start)).find()) {
            return false; // "PO number missing ... Ours is 4500-7781": the number just named, not an invoice
        }
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        String prefix = ref.substring(0, i);
        String digits = ref.substring(i).replaceAll("\\D", "");
        if (prefix.isEmpty()) {
            if (YEARS.matcher(ref).matches() || ref.matches("\\d{1,2}/\\d{1,2}.*")) {
                return false;
            }
            // a bare "2025-0712" style number: only when it is not a date or a phone number
            return digits.length() >= 7 || INVOICE_BEFORE.matcher(before).find();
        }
        if (NOT_INVOICE_PREFIX.contains(prefix)) {
            return false;
        }
        return digits.length() >= 4;
    }

    /** "[SQ-558213]", "[#4521]": a ticket or case tag of a helpdesk tool, not an invoice. */
    private static boolean bracketed(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == '#' || text.charAt(before) == ' ')) {
            before--;
        }
        return before >= 0 && text.charAt(before) == '[' && end < text.length() && text.charAt(end) == ']';
    }

    private static boolean isYear(String s) {
        return s.length() == 4 && (s.startsWith("19") || s.startsWith("20"));
    }

    private static boolean inside(List<int[]> spans, int pos) {
        for (int[] sp : spans) {
            if (pos >= sp[0] && pos < sp[1]) {
                return true;
            }
        }
        return false;
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    /** Upper case, letters and digits only (the corpus README's and {@code Item.normalizeNumber}'s rule). */
    public static String normalize(String ref) {
        StringBuilder sb = new StringBuilder(ref.length());
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
