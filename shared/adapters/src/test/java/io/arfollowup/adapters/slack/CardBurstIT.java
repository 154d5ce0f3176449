package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.CardView;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A burst of answers: chat.postMessage answers 429 with Retry-After; every card is posted once, none lost. */
class CardBurstIT {

    @Test
    void burstOf30Answers_rateLimited_oneCardEach_retriedAfterRetryAfter() {
        try (SlackApiStub stub = new SlackApiStub()) {
            List<Long> waits = new CopyOnWriteArrayList<>();
            SlackWebApi api = new SlackWebApi(stub.endpoint() + "/api/", "xoxb-test", waits::add);
            SlackChatNotifier chat = new SlackChatNotifier(api, "C0COLLECT",
                    new ResponseCards(Language.FR, ZoneId.of("Europe/Paris"), YamlRuleCatalog.bundled()));
            var customer = TestData.aCustomer().build();
            stub.rateLimitNext("chat.postMessage", 4, 2); // 4 in a row: one call's 5 attempts still succeed

            List<CardRef> cards = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 30; i++) {
                if (i == 15) {
                    stub.rateLimitNext("chat.postMessage", 3, 1);
                }
                Response r = new Response("em-burst-" + i, ResponseChannel.EMAIL, customer.id(), "a@b.example", null,
                        Instant.parse("2025-11-05T09:00:00Z"), "Re", "Réponse " + i, "fr", null, null, null, null,
                        null, null, null, null, ResponseState.NEW, null, null);
                cards.add(chat.postResponseCard(new CardView(r, customer, List.of(), null)));
            }

            assertThat(cards).hasSize(30);
            assertThat(new HashSet<>(cards)).hasSize(30);
            assertThat(stub.messages()).hasSize(30);
            assertThat(stub.calls("chat.postMessage")).hasSize(37); // 7 refused, then accepted
            assertThat(waits).containsExactly(2L, 2L, 2L, 2L, 1L, 1L, 1L);
        }
    }
}
