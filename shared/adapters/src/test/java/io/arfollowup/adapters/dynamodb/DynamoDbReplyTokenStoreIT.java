package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.testing.engines.LocalEngines;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class DynamoDbReplyTokenStoreIT {

    static Dynalite db;
    static DynamoDbReplyTokenStore store;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbReplyTokenStoreIT.class);
        store = new DynamoDbReplyTokenStore(db.client, db.table);
    }

    @Test
    void find_anyCase_returnsTheTokenAsIssued() {
        ReplyToken t = new ReplyToken("Pq7Vn2KxR4tz", "C-PERRIN", "rem-2025-03-01",
                Instant.parse("2025-03-01T08:00:00Z"));
        store.put(t);

        assertThat(store.find("pq7vn2kxr4tz")).contains(t);
        assertThat(store.find("PQ7VN2KXR4TZ")).contains(t);
        assertThat(store.find("Pq7Vn2KxR4tz")).contains(t);
    }

    @Test
    void find_unknownToken_isEmpty() {
        store.put(new ReplyToken("abcdefgh2345", "C1", null, Instant.parse("2025-03-01T08:00:00Z")));

        assertThat(store.find("abcdefgh2346")).isEmpty();
    }
}
