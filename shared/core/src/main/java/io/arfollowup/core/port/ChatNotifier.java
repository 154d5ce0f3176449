package io.arfollowup.core.port;

import io.arfollowup.core.domain.CardRef;

/** The collectors' chat (Slack): response cards, follow-up cards and thread replies. */
public interface ChatNotifier {
    CardRef postResponseCard(CardView view);

    void updateResponseCard(CardRef card, CardView view);

    CardRef postFollowUpCard(FollowUpCard card);

    void postInThread(CardRef card, String text);

    /** A thread reply that may carry a button; notifiers without buttons post the text. */
    default CardRef postInThread(CardRef card, ThreadNote note) {
        postInThread(card, note.text().en());
        return card;
    }

    /** Rewrites a follow-up card once its owner acted (buttons gone, the outcome shown). */
    default void updateFollowUpCard(CardRef card, FollowUpCard view, io.arfollowup.core.domain.Labels outcome) {
    }

    /**
     * Tells one collector privately that the response they acted on was decided by someone else in the meantime
     * ({@code decidedBy} may be null when unknown). Optional: the default tells nobody.
     */
    default void alreadyDecided(CardRef card, String userId, String decidedBy) {
    }
}
