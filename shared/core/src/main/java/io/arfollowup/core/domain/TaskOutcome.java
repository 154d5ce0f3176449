package io.arfollowup.core.domain;

/** How the owner closes a call, task or print-and-post card (Postpone is a re-plan, not an outcome). */
public enum TaskOutcome {
    REACHED_PROMISE("Joint — promesse", "Reached — promise"),
    REACHED_DISPUTE("Joint — litige", "Reached — dispute"),
    NO_ANSWER("Pas de réponse", "No answer"),
    DONE("Fait", "Done");

    private final Labels labels;

    TaskOutcome(String fr, String en) {
        this.labels = new Labels(fr, en);
    }

    public String label(Language language) {
        return labels.in(language);
    }
}
