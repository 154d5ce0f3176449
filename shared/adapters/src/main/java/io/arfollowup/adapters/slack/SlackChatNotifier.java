package io.arfollowup.adapters.slack;

import com.google.gson.JsonObject;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.ThreadNote;
import java.util.List;
import java.util.Optional;

/** Posts and rewrites cards in the collectors' Slack through the Web API ({@link SlackWebApi}). */
public final class SlackChatNotifier implements ChatNotifier {

    private final SlackWebApi slack;
    private final String channel;
    private final ResponseCards cards;
    private final FollowUpCards followUpCards;

    public SlackChatNotifier(SlackWebApi slack, String channel, ResponseCards cards) {
        this.slack = slack;
        this.channel = Optional.ofNullable(channel).orElse("C0COLLECT");
        this.cards = cards;
        this.followUpCards = new FollowUpCards(cards.language(), cards.rules());
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
        body.addProperty("text", followUpCards.fallback(card));
        body.add("blocks", SlackWebApi.json(followUpCards.card(card)));
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

    @Override
    public CardRef postInThread(CardRef card, ThreadNote note) {
        String text = FollowUpCards.escapeKeepingMentions(Mrkdwn.cut(note.text().in(cards.language()), 2900));
        JsonObject body = new JsonObject();
        body.addProperty("channel", card.channel());
        body.addProperty("thread_ts", card.ts());
        body.addProperty("text", text);
        if (note.actionId() != null) {
            var blocks = new java.util.ArrayList<com.slack.api.model.block.LayoutBlock>();
            blocks.add(com.slack.api.model.block.Blocks.section(s -> s.text(
                    com.slack.api.model.block.composition.BlockCompositions.markdownText(text))));
            blocks.add(com.slack.api.model.block.Blocks.actions(a -> a.blockId("thread_actions").elements(List.of(
                    com.slack.api.model.block.element.BlockElements.button(b -> b.actionId(note.actionId())
                            .style("primary").value(note.value())
                            .text(com.slack.api.model.block.composition.BlockCompositions.plainText(
                                    Mrkdwn.cut(note.buttonLabel().in(cards.language()), 75))))))));
            body.add("blocks", SlackWebApi.json(blocks));
        }
        JsonObject out = slack.call("chat.postMessage", body);
        return new CardRef(out.get("channel").getAsString(), out.get("ts").getAsString());
    }

    @Override
    public void updateFollowUpCard(CardRef card, FollowUpCard view, Labels outcome) {
        JsonObject body = new JsonObject();
        body.addProperty("channel", card.channel());
        body.addProperty("ts", card.ts());
        body.addProperty("text", Mrkdwn.escape(outcome.in(cards.language())));
        body.add("blocks", SlackWebApi.json(followUpCards.done(view, outcome)));
        slack.call("chat.update", body);
    }
}
