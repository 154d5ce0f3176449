package io.arfollowup.core.port;

import io.arfollowup.core.domain.Labels;

/**
 * A reply in a card's Slack thread, in both languages (the notifier picks its workspace's), optionally with one
 * button: {@code actionId} + {@code value} (e.g. validate a colleague's answer). Text is escaped by the notifier.
 */
public record ThreadNote(Labels text, String actionId, Labels buttonLabel, String value) {
    public static ThreadNote of(String fr, String en) {
        return new ThreadNote(new Labels(fr, en), null, null, null);
    }
}
