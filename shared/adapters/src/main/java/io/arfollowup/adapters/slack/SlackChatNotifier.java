package io.arfollowup.adapters.slack;

import com.google.gson.JsonObject;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.FollowUpCard;
import java.util.Optional;

/** Posts and rewrites cards in the collectors' Slack through the Web API ({@link SlackWebApi}). */
public final class SlackChatNotifier implements ChatNotifier {

    private final SlackWebApi slack;
    private final String channel;
    private final ResponseCards cards;

    public SlackChatNotifier(SlackWebApi slack, String channel, ResponseCards cards) {
        this.slack = slack;
        this.channel = Optional.ofNullable(channel).orElse("C0COLLECT");
        this.cards = cards;
    }

    @Override
    public CardRef postResponseCard(CardView view) {
        JsonObject body = new JsonObject();
        body.addProperty("channel", channel);
        body.addProperty("text", cards.fallback(view));
        body.add("blocks", SlackWebApi.json(cards.responseCard(view)));
        body.addProperty("unfurl_links", false);
        body.addProperty("unfurl_media", false);
        JsonObject out = slack.call("chat.postMessage", body);
        return new CardRef(out.get("channel").getAsString(), out.get("ts").getAsString());
    }

    @Override
    public void updateResponseCard(CardRef card, CardView view) {
        JsonObject body = new JsonObject();
        body.addProperty("channel", card.channel());
        body.addProperty("ts", card.ts());
        body.addProperty("text", cards.fallback(view));
        body.add("blocks", SlackWebApi.json(cards.responseCard(view)));
        slack.call("chat.update", body);
    }

    @Override
    public CardRef postFollowUpCard(FollowUpCard card) {
        String owner = card.followUp().owner();
        JsonObject body = new JsonObject();
        body.addProperty("channel", owner != null && owner.startsWith("U") ? owner : channel);
        body.addProperty("text", card.message() == null ? card.followUp().templateId() : card.message().subject());
        body.add("blocks", SlackWebApi.json(cards.followUpCard(card)));
        JsonObject out = slack.call("chat.postMessage", body);
        return new CardRef(out.get("channel").getAsString(), out.get("ts").getAsString());
    }

    @Override
    public void alreadyDecided(CardRef card, String userId, String decidedBy) {
        if (card == null || userId == null) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("channel", card.channel());
        body.addProperty("user", userId);
        body.addProperty("text", SlackText.get(cards.language(), "already_by", decidedBy == null
                ? SlackText.get(cards.language(), "someone") : ResponseCards.mention(decidedBy)));
        try {
            slack.call("chat.postEphemeral", body);
        } catch (RuntimeException e) {
            // a courtesy notice: the decision already stands, nothing to retry for
        }
    }

    @Override
    public void postInThread(CardRef card, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("channel", card.channel());
        body.addProperty("thread_ts", card.ts());
        body.addProperty("text", Mrkdwn.escape(text));
        slack.call("chat.postMessage", body);
    }
}
