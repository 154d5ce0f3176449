package io.arfollowup.adapters.slack;

import io.arfollowup.core.domain.Language;
import java.util.Map;

/** Every label the Slack side shows, in French and English (modal titles ≤ 24 characters in both). */
public final class SlackText {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("reply_from", new String[] {"Réponse de %s", "Reply from %s"}),
            Map.entry("unmatched", new String[] {"Expéditeur non reconnu", "Unmatched sender"}),
            Map.entry("via_email", new String[] {"e-mail", "e-mail"}),
            Map.entry("via_web", new String[] {"page web", "web page"}),
            Map.entry("open_total", new String[] {"Encours %s · échu %s", "Open %s · overdue %s"}),
            Map.entry("invoices", new String[] {"Factures citées", "Invoices mentioned"}),
            Map.entry("attachments", new String[] {"Pièces jointes", "Attachments"}),
            Map.entry("suggestion", new String[] {"Suggestion", "Suggestion"}),
            Map.entry("follow_up_on", new String[] {"relance le %s", "follow-up on %s"}),
            Map.entry("accept", new String[] {"Accepter la suggestion", "Accept suggestion"}),
            Map.entry("qualify", new String[] {"Qualifier…", "Qualify…"}),
            Map.entry("validate", new String[] {"Valider", "Validate"}),
            Map.entry("delete", new String[] {"Supprimer", "Delete"}),
            Map.entry("delete_confirm_title", new String[] {"Supprimer la réponse ?", "Delete this reply?"}),
            Map.entry("delete_confirm_text", new String[] {"La réponse est conservée pour l'historique mais quitte la file.",
                    "The reply is kept for the record but leaves the queue."}),
            Map.entry("cancel", new String[] {"Annuler", "Cancel"}),
            Map.entry("show_full", new String[] {"Voir le message complet", "Show full message"}),
            Map.entry("qualified_by", new String[] {"✅ Qualifiée par %s le %s", "✅ Qualified by %s on %s"}),
            Map.entry("validated_by", new String[] {"☑️ Validée par %s le %s", "☑️ Validated by %s on %s"}),
            Map.entry("deleted_by", new String[] {"🗑️ Supprimée par %s le %s", "🗑️ Deleted by %s on %s"}),
            Map.entry("next_follow_up", new String[] {"Prochaine action : %s le %s", "Next action: %s on %s"}),
            Map.entry("modal_title", new String[] {"Qualifier la réponse", "Qualify the reply"}),
            Map.entry("modal_submit", new String[] {"Qualifier", "Qualify"}),
            Map.entry("modal_close", new String[] {"Annuler", "Cancel"}),
            Map.entry("items", new String[] {"Factures", "Invoices"}),
            Map.entry("status", new String[] {"Statut", "Status"}),
            Map.entry("comment", new String[] {"Commentaire", "Comment"}),
            Map.entry("owner", new String[] {"Responsable de la résolution", "Resolution owner"}),
            Map.entry("fu_date", new String[] {"Date de relance (vide = selon la règle)",
                    "Follow-up date (empty = per rule)"}),
            Map.entry("promised", new String[] {"Date de paiement promise", "Promised payment date"}),
            Map.entry("err_no_item", new String[] {"Choisissez au moins une facture.", "Pick at least one invoice."}),
            Map.entry("err_past", new String[] {"La date est passée.", "This date is in the past."}),
            Map.entry("err_status", new String[] {"Choisissez un statut.", "Pick a status."}),
            Map.entry("already", new String[] {"Déjà traitée par %s.", "Already handled by %s."}),
            Map.entry("flag_AUTO_REPLY", new String[] {"réponse automatique", "auto-reply"}),
            Map.entry("flag_BOUNCE", new String[] {"adresse en échec (bounce)", "bounce: address failing"}),
            Map.entry("flag_MALFORMED", new String[] {"message mal formé (brut conservé)", "malformed message (raw kept)"}),
            Map.entry("flag_SPAM", new String[] {"spam probable", "likely spam"}),
            Map.entry("flag_VIRUS", new String[] {"virus", "virus"}),
            Map.entry("flag_AUTH_FAILED", new String[] {"expéditeur non authentifié (DMARC)", "sender not authenticated (DMARC)"}),
            Map.entry("flag_UNMATCHED", new String[] {"client à identifier", "customer to identify"}),
            Map.entry("flag_FORWARDED", new String[] {"contenu transféré", "forwarded content"}),
            Map.entry("flag_EXECUTABLE_ATTACHMENT", new String[] {"pièce jointe exécutable", "executable attachment"}),
            Map.entry("flag_TRUNCATED", new String[] {"texte tronqué", "text truncated"}),
            Map.entry("task", new String[] {"Tâche", "Task"}),
            Map.entry("to_confirm", new String[] {"À confirmer", "To confirm"}));

    private SlackText() {
    }

    public static String get(Language language, String key, Object... args) {
        String[] v = TEXT.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        String s = v[language == Language.FR ? 0 : 1];
        return args.length == 0 ? s : String.format(s, args);
    }

    /** For tests: every key, both languages. */
    public static Map<String, String[]> all() {
        return TEXT;
    }
}
