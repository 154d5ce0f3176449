package io.arfollowup.adapters.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.FollowUpCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Posts and rewrites cards through the Slack Web API (slack-api-client; locally a loopback stand-in). chat.postMessage
 * allows about one message per second per channel: a 429 is retried after its Retry-After, a few times, so a burst
 * of answers is queued rather than lost (DESIGN §6).
 */
public final class SlackChatNotifier implements ChatNotifier {

    private static final int MAX_ATTEMPTS = 5;

    private final MethodsClient slack;
    private final String channel;
    private final ResponseCards cards;

    public SlackChatNotifier(MethodsClient slack, String channel, ResponseCards cards) {
        this.slack = slack;
        this.channel = channel;
        this.cards = cards;
    }

    @Override
    public CardRef postResponseCard(CardView view) {
        String target = Optional.ofNullable(channel).orElse("C0COLLECT");
        var out = call(() -> slack.chatPostMessage(r -> r.channel(target).text(cards.fallback(view))
                .blocks(cards.responseCard(view)).unfurlLinks(false).unfurlMedia(false)));
        return new CardRef(out.getChannel(), out.getTs());
    }

    @Override
    public void updateResponseCard(CardRef card, CardView view) {
        call(() -> slack.chatUpdate(r -> r.channel(card.channel()).ts(card.ts()).text(cards.fallback(view))
                .blocks(cards.responseCard(view))));
    }

    @Override
    public CardRef postFollowUpCard(FollowUpCard card) {
        String owner = card.followUp().owner();
        String target = owner != null && owner.startsWith("U") ? owner : Optional.ofNullable(channel).orElse("C0COLLECT");
        var out = call(() -> slack.chatPostMessage(r -> r.channel(target)
                .text(card.message() == null ? card.followUp().templateId() : card.message().subject())
                .blocks(cards.followUpCard(card))));
        return new CardRef(out.getChannel(), out.getTs());
    }

    @Override
    public void postInThread(CardRef card, String text) {
        call(() -> slack.chatPostMessage(r -> r.channel(card.channel()).threadTs(card.ts())
                .text(Mrkdwn.escape(text))));
    }

    interface SlackCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    /** Calls the Web API, retrying 429s after Retry-After; a Slack error ({@code ok:false}) is an exception. */
    static <T extends SlackApiTextResponse> T call(SlackCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T out = call.call();
                if (!out.isOk()) {
                    throw new SlackFailure(out.getError());
                }
                return out;
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt >= MAX_ATTEMPTS) {
                    throw new SlackFailure("HTTP " + e.getResponse().code());
                }
                sleep(retryAfter(e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long retryAfter(SlackApiException e) {
        String h = e.getResponse().header("Retry-After");
        try {
            return Math.min(30, Math.max(1, h == null ? 1 : Long.parseLong(h.trim())));
        } catch (NumberFormatException bad) {
            return 1;
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure("interrupted while rate limited");
        }
    }

    /** A Slack Web API call that did not succeed. */
    public static final class SlackFailure extends RuntimeException {
        public SlackFailure(String error) {
            super("slack: " + error);
        }

        public static boolean is(RuntimeException e, String error) {
            return e instanceof SlackFailure && e.getMessage().endsWith(error);
        }
    }

    static List<?> unused() {
        return List.of();
    }
}
