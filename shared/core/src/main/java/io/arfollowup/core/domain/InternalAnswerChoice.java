package io.arfollowup.core.domain;

import java.util.Locale;
import java.util.Optional;

/** What a colleague answers to an internal interactive e-mail, with the label shown in the mail and on the page. */
public enum InternalAnswerChoice {
    RESOLVED("Résolu — avoir / facture rectifiée émis", "Resolved — credit note / corrected invoice issued"),
    IN_PROGRESS("En cours de traitement", "In progress"),
    NEED_INFO("Besoin de plus d'informations", "Need more information"),
    NOT_FOR_ME("Ce n'est pas pour moi", "Not for me");

    private final Labels labels;

    InternalAnswerChoice(String fr, String en) {
        this.labels = new Labels(fr, en);
    }

    public String label(Language language) {
        return labels.in(language);
    }

    /** The link scope is the lower-case name ("resolved"); anything else is empty. */
    public String scope() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InternalAnswerChoice> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (InternalAnswerChoice c : values()) {
            if (c.name().equalsIgnoreCase(value.trim()) || c.scope().equals(value.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
