package io.arfollowup.core.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's answer (e-mail or web form) as the collectors see it. The item stays small: the raw MIME, the full
 * text and the attachments live in S3 and are referenced by key; {@code newText} is capped.
 * {@code customerId} is null when unmatched. {@code token} is the reply token as it appeared.
 */
public record Response(
        String id,
        ResponseChannel channel,
        String customerId,
        String sender,
        String senderName,
        Instant receivedAt,
        String subject,
        String newText,
        String language,
        String rawKey,
        String fullTextKey,
        List<AttachmentRef> attachments,
        List<String> itemRefs,
        List<ItemAnswer> answers,
        Set<ResponseFlag> flags,
        String token,
        String messageId,
        ResponseState state,
        CardRef card,
        Suggestion suggestion) {

    /** DynamoDB items stay far below 400 KB: the rest of a long text is in S3. */
    public static final int MAX_NEW_TEXT = 20_000;

    public Response {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        itemRefs = itemRefs == null ? List.of() : List.copyOf(itemRefs);
        answers = answers == null ? List.of() : List.copyOf(answers);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        state = state == null ? ResponseState.NEW : state;
        newText = newText == null ? "" : newText;
    }

    public boolean has(ResponseFlag flag) {
        return flags.contains(flag);
    }

    public boolean isMatched() {
        return customerId != null;
    }

    public Response withState(ResponseState newState) {
        return new Response(id, channel, customerId, sender, senderName, receivedAt, subject, newText, language,
                rawKey, fullTextKey, attachments, itemRefs, answers, flags, token, messageId, newState, card,
                suggestion);
    }

    public Response withCard(CardRef newCard) {
        return new Response(id, channel, customerId, sender, senderName, receivedAt, subject, newText, language,
                rawKey, fullTextKey, attachments, itemRefs, answers, flags, token, messageId, state, newCard,
                suggestion);
    }

    public Response withSuggestion(Suggestion newSuggestion) {
        return new Response(id, channel, customerId, sender, senderName, receivedAt, subject, newText, language,
                rawKey, fullTextKey, attachments, itemRefs, answers, flags, token, messageId, state, card,
                newSuggestion);
    }

    public Response withCustomer(String newCustomerId) {
        Set<ResponseFlag> f = flags.isEmpty() ? EnumSet.noneOf(ResponseFlag.class) : EnumSet.copyOf(flags);
        f.remove(ResponseFlag.UNMATCHED);
        return new Response(id, channel, newCustomerId, sender, senderName, receivedAt, subject, newText, language,
                rawKey, fullTextKey, attachments, itemRefs, answers, f, token, messageId, state, card, suggestion);
    }
}
