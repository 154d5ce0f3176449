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

    /**
     * A coded number: upper-case letter and digit groups joined by {@code -} or {@code /} ({@code FA-2025-00412},
     * {@code 2025/FR/0392}, {@code INV-5028-C}, {@code 25-FV-0412}, {@code 7781-B}), or a short prefix and digit
     * groups separated by spaces ({@code FC 25 10 0347}, {@code FA 25 1102}). Which of them are invoices is decided
     * by {@link #acceptCoded}: writers invent every shape, so the shape alone never excludes one.
     */
    private static final Pattern CODED = Pattern.compile(
            "(?<![\\w/.-])([A-Z]{1,4} (?:\\d{2}|\\d{4}) \\d{2} \\d{3,6}|[A-Z]{1,4} (?:\\d{2}|\\d{4}) \\d{3,6}(?! \\d)"
                    + "|(?:[A-Z]{1,4}\\.)?\\d{2,4}\\.\\d{2}\\.\\d{3,6}|[A-Z]{1,4}\\.\\d{2,4}\\.\\d{3,6}|[A-Z]{1,4}\\d{2,4}\\.\\d{3,6}"
                    + "|INV \\d{4,10}(?![-/ ]?\\d)|[A-Z]{2,4} \\d{5,8}(?![-/ .,]?\\d)"
                    + "|[A-Z]{1,6} \\d{2,4}(?:[-/]\\d{2,8}){1,2}"
                    + "|(?:[A-Z]{1,8}\\d{0,10}|\\d{2,4}[A-Z]{1,4}\\d{3,8}|\\d{1,10}[A-Z]?)"
                    + "(?:[-/](?:[A-Z]{1,8}\\d{0,10}|\\d{1,10}[A-Z]?)){0,5})"
                    + "(?![\\w/-]|[.,]\\d)");
    private static final Pattern BARE = Pattern.compile("(?<![\\w/.,:-])(\\d{3,8})(?![\\w/-]|[.,]\\d)");
    /** Letter groups of documents that are not invoices (an order, a credit note, a return, a quote...). */
    private static final Set<String> NOT_INVOICE_PREFIX = Set.of(
            "AV", "AVO", "AVR", "CN", "CR", "CRN", "RMA", "RET", "PO", "BC", "BDC", "CDE", "CMD", "SO", "OF", "Q", "QT",
            "D", "DEV", "BL", "DN", "PAY", "PMT", "REM", "RIB", "AR", "CASE", "TKT", "LTA", "BWF", "PX",
            "OR", "ORD", "SIRET", "TVA", "VAT", "IBAN", "BIC", "TEL", "ACC", "ACCT", "CPT", "CLI", "CUST", "CLT", "LOT",
            "REV", "WO", "OT", "CS", "SR", "TRX", "CHQ", "CHK", "BAC", "RLX", "VRN", "ART", "SKU", "CV", "MSA",
            "SOW", "NDA", "RT", "BI", "BT", "OS", "AUTH", "CL", "SC", "RCS",
            // bank transfer and direct-debit references (VIR = virement, PRLV = prélèvement)
            "VIR", "VIRT", "TRF", "SEPA", "PRLV",
            "BR", "GR", "GRN", "DA", "DR", "DOC", "CT", "CTR",
            // not a document, but a number's label: a country, "n°", a customer or account code
            "FR", "GB", "DE", "ES", "IT", "CH", "BE", "N", "NO", "NR", "C", "M", "REF", "ID", "RE", "CC", "CA", "TR");
    /** Letter groups that say "invoice" ({@code INV-CS-1187}, {@code 25-FV-0412}, {@code FAC-BT-2025-118}). */
    private static final Set<String> INVOICE_GROUP = Set.of(
            "F", "FA", "FAC", "FACT", "FC", "FCT", "FV", "FT", "INV", "IN", "IV", "INVOICE", "FACTURE", "BILL", "RG",
            "RECH", "FAT");
    /** An invoice word written before the number with a space: "FACT 25-0654" is invoice 25-0654. */
    private static final Pattern WORD_PREFIX = Pattern.compile("^(FACTURE|FACT|NO|N) (?=\\d)");
    /** Country codes: the start of a VAT or bank number, but "BE-25-00651" with its separators is a numbering. */
    private static final Set<String> COUNTRY = Set.of("FR", "GB", "DE", "ES", "IT", "CH", "BE", "NL", "LU", "IE", "AT",
            "PT", "UK", "US");
    private static final Pattern NOT_INVOICE_BEFORE = Pattern.compile(
            "(\\b(po|p\\.o\\.|bon de commande|commande|cde|order|bc|bdc|devis|quote|quotation|avoir|credit note|"
                    + "credit memo|rma|retour|return|bl|bon de livraison|delivery note|contrat|contract|dossier|case|"
                    + "compte chez vous|account with you|"
                    + "ticket|reference|ref|ref\\.|virement|transfer|remittance|paiement|payment|compte|account|client|"
                    + "(reference|ref\\.?) (chantier|site|projet|project|job|affaire|client|dossier|de l'operation|de l'ordre|du virement|de (la )?transaction|of the "
                    + "(transfer|payment|transaction))|operation|transaction|"
                    + "customer|siret|siren|tva|vat|iban|tel|phone|fax|cheque|check|mandat|marche|licence|license|"
                    + "confirmation|suivi|tracking|colis|parcel|lot|serie|serial|article|piece|part|sku|adherent|"
                    + "member|ligne|line|bordereau|engagement|agreement|police|policy|matricule|badge|pin|code|"
                    + "sinistre|claim|(contrat|contract|abonnement|subscription) (de |d')?\\w+|refs|references|registered in [a-z]+( and [a-z]+)?|company|registration|immatriculee?|rcs|request|demande|advice|avis de (paiement|virement)|vir|prlv|sepa|bancaire|sous le numero|under (the )?(number|reference|ref)|bon d'\\w+|bon de \\w+|work order|job (sheet|number|no\\.?)|authori[sz]ation|rapport|report|plan|drawing|vendor|supplier|fournisseur|id|identifiant"
                    + "|intracom|intracommunautaire|juridique|ie|lu|nl|fr|gb|de|es|it|be)"
                    + "(\\s+(signee?s?|signed|joint|jointe?s?|attached|original|originale?s?|bancaire|interne|internal))?"
                    + "(\\s*(n°|no\\.?|nr\\.?|number|num\\.?|#|:|id|,|was|is|est|etait|=))*\\s*\\(?\\s*)$");
    private static final Pattern INVOICE_BEFORE = Pattern.compile(
            "(\\b(factures?|fact\\.?|fac|invoices?|inv\\.?|bills?|rechnung(en)?|facturas?|fatture|fattura|piece|"
                    + "pieces|situation( de travaux)?|overdue|past due|impayee?s?|echue?s?|reminder|relance)((\\s*(n°|no\\.?|nr\\.?|num\\.?|number|numero"
                    + "|nummer|#|:|nos\\.?|ref\\.?|reference|\\(s\\)|concernee?s?|concerned|en question|-|–))*)\\s*"
                    + "((\\S+\\s*(,|et|and|&|und|y|e|/|ni( la| le)?|nor|or|ou( la| le)?)\\s*(n°|no\\.?|#)?\\s*)*))$");
    private static final Pattern AMOUNT_AFTER = Pattern.compile("^\\s?(€|eur\\b|euros?\\b|\\$|usd\\b|£|gbp\\b|dollars?\\b"
            + "|pounds?\\b|ht\\b|ttc\\b)");
    /** "ours is", "le nôtre est": the number that follows is the one the reply has just named. */
    private static final Pattern POSSESSIVE_BEFORE = Pattern.compile(
            "\\b(ours|our one|mine|le notre|la notre|le mien|la mienne)\\s*(is|est|:|=)?\\s*(n°|no\\.?|#)?\\s*$");
    private static final Pattern OTHER_NUMBER_NAMED = Pattern.compile(
            "\\b(po|p\\.o\\.|purchase order|order|bon de commande|commande|bc|bdc|cde|account|compte|customer|client"
                    + "|contract|contrat|vat|tva|siret|supplier|fournisseur|reference de commande)\\b");
    private static final Pattern TABLE_ROW = Pattern.compile("^(\\s{2,}|\\t|\\s*[|;]\\s*)(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}"
            + "|[£$€]\\s?\\d|\\d[\\d ,.]*\\d\\s?(€|eur|usd|gbp))");
    private static final Pattern BANK_LABEL = Pattern.compile(
            "\\b(libelle|label|communication|motif|wording|narrative)\\s*:?\\s*[«\"“'][^»\"”'\\n]*$");
    private static final Pattern SHORT_INVOICE_BEFORE = Pattern.compile(
            "\\b(facture|invoice|inv|rechnung|factura|fattura)\\s*(n°|no\\.?|nr\\.?|#|:)?\\s*$");
    private static final Pattern LIST_GLUE = Pattern.compile("\\s*(,|;|/|et|and|&|und|y|e|ou|or)\\s*");
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
        String spaced = text.replace('\u00a0', ' ').replace('\u202f', ' ');
        Matcher m = CODED.matcher(spaced);
        int rejectedEnd = -1;
        while (m.find()) {
            String ref = m.group(1);
            if (ref.chars().allMatch(Character::isDigit)) {
                continue; // a plain number: an invoice only where the text calls it one (BARE below)
            }
            boolean sameList = rejectedEnd >= 0
                    && LIST_GLUE.matcher(folded.substring(rejectedEnd, m.start(1))).matches();
            if (sameList || !acceptCoded(ref, folded, m.start(1)) || bracketed(text, m.start(1), m.end(1))) {
                rejectedEnd = m.end(1); // "refs SD-8812, SD-8840 and SD-8871": the list shares its first one's fate
                continue;
            }
            rejectedEnd = -1;
            taken.add(new int[] {m.start(1), m.end(1)});
            Matcher word = WORD_PREFIX.matcher(ref);
            if (word.find()) {
                ref = ref.substring(word.end());
            }
            found.putIfAbsent(normalize(ref), ref);
        }
        if (!found.isEmpty()) {
            // "la 25-1187 ... à côté de la 25-1142": a number shaped like an invoice the reply named is one too,
            // unless something says it is another document
            Set<String> shapes = new java.util.HashSet<>();
            found.values().forEach(r -> shapes.add(shape(r)));
            Matcher again = CODED.matcher(spaced);
            while (again.find()) {
                String ref = again.group(1);
                int s0 = again.start(1);
                if (found.containsKey(normalize(ref)) || !shapes.contains(shape(ref)) || inside(taken, s0)
                        || ref.chars().allMatch(Character::isDigit) || looksLikeDate(ref)
                        || bracketed(text, s0, again.end(1)) || hasOtherGroup(ref)
                        || NOT_INVOICE_BEFORE.matcher(tail(folded.substring(Math.max(0, s0 - 40), s0), 28)).find()) {
                    continue;
                }
                taken.add(new int[] {s0, again.end(1)});
                found.putIfAbsent(normalize(ref), ref);
            }
        }
        Matcher b = BARE.matcher(text);
        while (b.find()) {
            int s = b.start(1);
            if (inside(taken, s)) {
                continue;
            }
            String ref = b.group(1);
            String before = folded.substring(Math.max(0, s - 60), s);
            if (ref.length() == 3 && !SHORT_INVOICE_BEFORE.matcher(tail(before, 16)).find()) {
                continue; // three digits are an invoice only right after the word: "Facture 118"
            }
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
        int digits = 0;
        for (int i = 0; i < ref.length(); i++) {
            digits += Character.isDigit(ref.charAt(i)) ? 1 : 0;
        }
        if (digits < 3) {
            return false;
        }
        String before = tail(folded.substring(Math.max(0, start - 40), start), 28);
        int end = start + ref.length();
        // a reminder's table row ("SN-2025-0466    26/09/2025    £4,190.00") lists invoices
        boolean tableRow = TABLE_ROW.matcher(folded.substring(end, Math.min(folded.length(), end + 20))).find();
        boolean invoiceBefore = tableRow
                || INVOICE_BEFORE.matcher(folded.substring(Math.max(0, start - 60), start)).find();
        if (BANK_LABEL.matcher(folded.substring(Math.max(0, start - 40), start)).find()) {
            return false; // libellé « LC00318 MARTEL »: the words of a bank transfer, not the invoice list
        }
        boolean invoiceGroup = false;
        boolean otherGroup = false;
        boolean letters = false;
        for (String head : letterHeads(ref, "[-/ ]")) {
            letters = true;
            invoiceGroup |= INVOICE_GROUP.contains(head);
            // a country code starts a VAT or bank number; inside a numbering ("SAR-FR-2025-0441") it is a branch
            boolean country = COUNTRY.contains(head) && ref.matches(".*[-/].*") && digits >= 5;
            otherGroup |= NOT_INVOICE_PREFIX.contains(head) && !country;
        }
        if (!invoiceGroup && NOT_INVOICE_BEFORE.matcher(before).find()
                && !INVOICE_BEFORE.matcher(tail(before, 14)).find()) {
            return false;
        }
        if (POSSESSIVE_BEFORE.matcher(before).find()
                && OTHER_NUMBER_NAMED.matcher(folded.substring(Math.max(0, start - 90), start)).find()) {
            return false; // "PO number missing ... Ours is 4500-7781": the number just named, not an invoice
        }
        if (!invoiceBefore && ref.matches("(19|20)\\d\\d-?[01]\\d-?[0-3]\\d-.*")) {
            return false; // "2025-10-31-0042", "20251028-4471190": a bank or payment reference starting with its date
        }
        if (ref.indexOf('.') >= 0) {
            // "2025.10.0457": dotted numbers are dates or versions unless the text calls them an invoice
            return invoiceBefore && !ref.matches("(0?[1-9]|[12]\\d|3[01])\\.(0?[1-9]|1[0-2])\\.(19|20)?\\d\\d");
        }
        if (!letters) {
            String digitsOnly = ref.replaceAll("\\D", "");
            if (YEARS.matcher(ref).matches() || looksLikeDate(ref) || ref.matches("\\d{2}([-/]\\d{2}){3,}")) {
                return false; // a date, a span of years, a phone number ("la facture 2025-10-37" is no date)
            }
            // a bare "2025-0712" style number: only when it is not a date or a phone number ("(555) 010-4421")
            return invoiceBefore || digitsOnly.length() >= 7 && ref.matches("\\d{4,}[-/].*");
        }
        if (Character.isDigit(ref.charAt(0)) && !invoiceGroup && !invoiceBefore && digits < 7) {
            return false; // "plan 4471-B": a number with a suffix is an invoice where the text says so
        }
        if (ref.matches("[A-Z]{2} \\d{5,8}") && !invoiceGroup && !invoiceBefore) {
            return false; // "Columbus, OH 43219": letters, a space and a number are an invoice only where the text says so
        }
        if (otherGroup && !invoiceGroup && !invoiceBefore) {
            return false;
        }
        return digits >= 4 || invoiceGroup || invoiceBefore;
    }

    /** Digits as 9, letters as A, separators kept: "25-1142" and "25-1187" share "99-9999". */
    private static String shape(String ref) {
        return ref.replaceAll("\\d", "9").replaceAll("[A-Za-z]", "A");
    }

    private static boolean hasOtherGroup(String ref) {
        return letterHeads(ref, "[-/ .]").stream().anyMatch(h -> NOT_INVOICE_PREFIX.contains(h) && !COUNTRY.contains(h));
    }

    /** The letters that start each group of a code ("FR25-00981" → FR), for the groups that start with letters. */
    private static List<String> letterHeads(String ref, String separators) {
        List<String> heads = new ArrayList<>();
        for (String group : ref.split(separators)) {
            String head = group.replaceAll("\\d+$", ""); // "FR25": the letters before the digits
            if (!head.isEmpty() && head.chars().allMatch(Character::isLetter)) {
                heads.add(head);
            }
        }
        return heads;
    }

    /** Day/month(/year), year-month-day or month/day/year with values a calendar has ("10/10/2025", not "11-25-0088"). */
    static boolean looksLikeDate(String ref) {
        String[] g = ref.split("[/-]");
        if (g.length < 2 || g.length > 3) {
            return false;
        }
        int[] n = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            if (g[i].isEmpty() || g[i].length() > 4 || !g[i].chars().allMatch(Character::isDigit)) {
                return false;
            }
            n[i] = Integer.parseInt(g[i]);
        }
        if (g[0].length() == 4) { // year first
            return g.length == 3 && n[1] >= 1 && n[1] <= 12 && n[2] >= 1 && n[2] <= 31 && g[2].length() <= 2;
        }
        boolean year = g.length == 2 || g[2].length() == 2 || (g[2].length() == 4 && (n[2] / 100 == 19 || n[2] / 100 == 20));
        boolean dayMonth = n[0] >= 1 && n[0] <= 31 && n[1] >= 1 && n[1] <= 12;
        boolean monthDay = n[0] >= 1 && n[0] <= 12 && n[1] >= 1 && n[1] <= 31;
        return year && g[0].length() <= 2 && g[1].length() <= 2 && (dayMonth || monthDay);
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
