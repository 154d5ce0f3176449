package io.arfollowup.core.port;

import io.arfollowup.core.domain.CardRef;

/** The collectors' chat (Slack): response cards, follow-up cards and thread replies. */
public interface ChatNotifier {
    CardRef postResponseCard(CardView view);

    void updateResponseCard(CardRef card, CardView view);

    CardRef postFollowUpCard(FollowUpCard card);

    void postInThread(CardRef card, String text);

    /**
     * Tells one collector privately that the response they acted on was decided by someone else in the meantime
     * ({@code decidedBy} may be null when unknown). Optional: the default tells nobody.
     */
    default void alreadyDecided(CardRef card, String userId, String decidedBy) {
    }
}
