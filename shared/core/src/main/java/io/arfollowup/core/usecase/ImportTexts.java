package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Language;
import java.util.Map;

/**
 * What an import says about a file, a row or a value, in French and English (the import result is posted to Slack in
 * the workspace's language). Keys are stable; {@link ImportValues} throws them, {@link ImportFile} renders them.
 */
public final class ImportTexts {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            e("empty", "%s vide", "empty %s"),
            e("not_amount", "montant illisible : « %s »", "not an amount: '%s'"),
            e("decimals", "plus de 2 décimales : « %s »", "more than 2 decimals: '%s'"),
            e("ambiguous_amount", "montant ambigu : « %s »", "ambiguous amount: '%s'"),
            e("not_date", "date illisible : « %s » (écrire 2025-11-07 ou 07/11/2025)",
                    "not a date: '%s' (use 2025-11-07 or 07/11/2025)"),
            e("not_email", "adresse e-mail invalide : « %s »", "not an e-mail address: '%s'"),
            e("unknown_kind", "nature de fichier inconnue : le nom doit commencer par customers, contacts, items, "
                    + "payments, colleagues ou reply-tokens, ou être un PDF sous imports/documents/",
                    "unknown kind of file: its name must start with customers, contacts, items, payments, colleagues "
                    + "or reply-tokens, or it must be a PDF under imports/documents/"),
            e("not_csv", "un fichier %s doit être un fichier .csv", "a %s file must be a .csv file"),
            e("too_large", "fichier de plus de %d Mo : à découper", "file larger than %d MB: split it"),
            e("missing_columns", "colonne(s) manquante(s) ; colonnes présentes : %s", "missing column(s); found: %s"),
            e("language", "la langue doit être fr ou en, pas « %s »", "language must be fr or en, not '%s'"),
            e("country", "le pays doit être FR ou GB (calendriers des jours fériés), pas « %s »",
                    "country must be FR or GB (holiday calendars), not '%s'"),
            e("time_zone", "fuseau horaire inconnu « %s » (par exemple Europe/Paris)",
                    "unknown time zone '%s' (e.g. Europe/Paris)"),
            e("invoice_positive", "le montant d'une facture doit être positif (avoirs : kind CREDIT_NOTE)",
                    "an invoice amount must be positive (credit notes: kind CREDIT_NOTE)"),
            e("open_range", "le reste dû %s n'est pas entre 0 et %s", "open amount %s is not between 0 and %s"),
            e("currency", "la devise doit être un code de 3 lettres (EUR, GBP), pas « %s »",
                    "currency must be a 3-letter code (EUR, GBP), not '%s'"),
            e("due_date", "une facture doit avoir une date d'échéance", "an invoice needs a due date"),
            e("other_customer", "%s appartient déjà au client %s", "%s already belongs to customer %s"),
            e("kind", "kind doit valoir INVOICE ou CREDIT_NOTE, pas « %s »",
                    "kind must be INVOICE or CREDIT_NOTE, not '%s'"),
            e("payment_positive", "le montant d'un règlement doit être positif", "a payment amount must be positive"),
            e("no_item", "aucune pièce %s", "no item %s"),
            e("no_item_for", "aucune pièce %s pour le client %s", "no item %s for customer %s"),
            e("changed", "%s a changé pendant l'import : réimporter le fichier",
                    "%s changed during the import: import the file again"),
            e("role", "le rôle doit être BILLING, SALES_REP, ADV, OWNER ou COLLECTOR, pas « %s »",
                    "role must be one of BILLING, SALES_REP, ADV, OWNER, COLLECTOR, not '%s'"),
            e("token_taken", "ce jeton désigne déjà le client %s", "token already names customer %s"),
            e("unknown_customer", "client inconnu « %s » (l'importer d'abord avec un fichier customers)",
                    "unknown customer '%s' (import it with a customers file first)"),
            e("pdf_name", "les documents doivent être des PDF nommés d'après le numéro de facture",
                    "documents must be PDF files named after the invoice number"),
            e("not_pdf", "%s n'est pas un PDF (son contenu ne commence pas par %%PDF)",
                    "%s is not a PDF (its content does not start with %%PDF)"),
            e("no_item_numbered", "aucune pièce numérotée %s (importer les pièces d'abord)",
                    "no item numbered %s (import the items first)"),
            e("unreadable", "CSV illisible à partir de cette ligne : %s", "unreadable CSV from here on: %s"),
            e("extra_values", "plus de valeurs que de colonnes (valeurs/colonnes : %s)",
                    "more values than columns (values/columns: %s)"),
            e("bom", "BOM UTF-8 d'Excel ignoré", "UTF-8 byte-order mark (Excel) skipped"),
            e("charset", "pas en UTF-8 : lu en %s", "not UTF-8: read as %s"),
            e("again", "même contenu qu'un import précédent (%s) : rien n'a changé",
                    "same content as an earlier import (%s): nothing changed"),
            e("cancelled", "%s : relance %s annulée (payée)", "%s: follow-up %s cancelled (paid)"),
            e("kept", "%s : %d promesse(s) tenue(s)", "%s: %d promise(s) kept"),
            e("overpaid", "%s : %s payée en trop de %s", "%s: %s overpaid by %s"),
            e("attached", "%s → %s", "%s → %s"));

    private ImportTexts() {
    }

    private static Map.Entry<String, String[]> e(String key, String fr, String en) {
        return Map.entry(key, new String[] {fr, en});
    }

    public static String get(Language language, String key, Object... args) {
        String[] v = TEXT.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no import text " + key);
        }
        String s = v[language == Language.FR ? 0 : 1];
        return args.length == 0 ? s : String.format(s, args);
    }

    /** For tests: every key, both languages. */
    public static Map<String, String[]> all() {
        return TEXT;
    }

    /** A value or row that cannot be used: a key and its arguments; the message is the English text. */
    public static class Invalid extends IllegalArgumentException {
        private final String key;
        private final transient Object[] args;

        public Invalid(String key, Object... args) {
            super(get(Language.EN, key, args), null);
            this.key = key;
            this.args = args.clone();
        }

        public String in(Language language) {
            return get(language, key, args);
        }
    }
}
