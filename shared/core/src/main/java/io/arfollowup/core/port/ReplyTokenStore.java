package io.arfollowup.core.port;

import io.arfollowup.core.domain.ReplyToken;
import java.util.Optional;

/** Reply-address tokens, looked up case-insensitively (some mail servers lower-case recipient addresses). */
public interface ReplyTokenStore {
    void put(ReplyToken token);

    Optional<ReplyToken> find(String token);
}
