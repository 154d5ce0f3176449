package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.port.ReplyTokenStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ReplyTokenStore in memory, case-insensitive like the real one. */
public final class InMemoryReplyTokenStore implements ReplyTokenStore {
    private final Map<String, ReplyToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void put(ReplyToken token) {
        tokens.put(token.token().toLowerCase(Locale.ROOT), token);
    }

    @Override
    public Optional<ReplyToken> find(String token) {
        return Optional.ofNullable(tokens.get(token.toLowerCase(Locale.ROOT)));
    }
}
