package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.ThreadNote;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** ChatNotifier that keeps the cards posted and updated. */
public final class RecordingChatNotifier implements ChatNotifier {
    private final AtomicInteger ts = new AtomicInteger();
    public final List<CardView> posted = new CopyOnWriteArrayList<>();
    /** How many of the next response cards fail to post (Slack down, or the Lambda dying mid-call). */
    public final java.util.concurrent.atomic.AtomicInteger failingPosts = new java.util.concurrent.atomic.AtomicInteger();
    public final List<CardView> updated = new CopyOnWriteArrayList<>();
    public final List<FollowUpCard> followUpCards = new CopyOnWriteArrayList<>();
    public final List<String> threadReplies = new CopyOnWriteArrayList<>();
    public final List<ThreadNote> threadNotes = new CopyOnWriteArrayList<>();
    public final List<String> followUpCardUpdates = new CopyOnWriteArrayList<>();

    /** "user decidedBy" of each private "already decided" notice. */
    public final List<String> alreadyDecided = new CopyOnWriteArrayList<>();

    @Override
    public void alreadyDecided(CardRef card, String userId, String decidedBy) {
        alreadyDecided.add(userId + " " + decidedBy);
    }

    @Override
    public CardRef postResponseCard(CardView view) {
        if (failingPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("slack unavailable");
        }
        posted.add(view);
        return new CardRef("C0TEST", "1700000000." + ts.incrementAndGet());
    }

    @Override
    public void updateResponseCard(CardRef card, CardView view) {
        updated.add(view);
    }

    @Override
    public CardRef postFollowUpCard(FollowUpCard card) {
        followUpCards.add(card);
        return new CardRef("C0TEST", "1700000000." + ts.incrementAndGet());
    }

    @Override
    public void postInThread(CardRef card, String text) {
        threadReplies.add(card.ts() + " " + text);
    }

    @Override
    public CardRef postInThread(CardRef card, ThreadNote note) {
        threadNotes.add(note);
        threadReplies.add(card.ts() + " " + note.text().en());
        return new CardRef(card.channel(), "1700000000." + ts.incrementAndGet());
    }

    @Override
    public void updateFollowUpCard(CardRef card, FollowUpCard view, io.arfollowup.core.domain.Labels outcome) {
        followUpCardUpdates.add(card.ts() + " " + view.followUp().id() + " " + outcome.en());
    }

    public List<CardView> posted() {
        return List.copyOf(posted);
    }
}
