package io.arfollowup.core.port;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.ResponseChannel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the suggester reads: only the customer's new text (quotes removed), the subject, the web form's structured
 * answers, the customer's open items (to match references) and when/where it was received (to resolve dates).
 */
public record SuggestionRequest(
        String responseId,
        ResponseChannel channel,
        String subject,
        String newText,
        String language,
        List<ItemAnswer> answers,
        List<Item> openItems,
        List<String> detectedRefs,
        Instant receivedAt,
        ZoneId zone,
        Country country,
        boolean autoReply) {

    public SuggestionRequest {
        answers = answers == null ? List.of() : List.copyOf(answers);
        openItems = openItems == null ? List.of() : List.copyOf(openItems);
        detectedRefs = detectedRefs == null ? List.of() : List.copyOf(detectedRefs);
        newText = newText == null ? "" : newText;
    }

    /** The same request for another response id. */
    public SuggestionRequest withId(String id) {
        return new SuggestionRequest(id, channel, subject, newText, language, answers, openItems, detectedRefs,
                receivedAt, zone, country, autoReply);
    }
}
