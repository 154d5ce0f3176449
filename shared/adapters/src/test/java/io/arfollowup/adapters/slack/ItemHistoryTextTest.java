package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.DunningProgress;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.usecase.AccountQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemHistoryTextTest {

    @Test
    void theHistory_inBothLanguages_latestEventsKept_usersMentioned_dataEscaped() {
        Instant t = Instant.parse("2025-11-07T08:00:00Z");
        Item item = new Item("cafe", "FA-1", null, new BigDecimal("10"), null, null, null, null, "PAYMENT_PROMISE",
                null, null, new Hold("PAYMENT_PROMISE", t, null), null);
        List<ItemEvent> events = List.of(
                new ItemEvent("cafe", "FA-1", t, "import", "item", null, "INVOICE 10 EUR", "import items.csv line 2"),
                new ItemEvent("cafe", "FA-1", t.plusSeconds(60), "U0COLLECT1", "status", null, "PAYMENT_PROMISE",
                        "response em-1"),
                new ItemEvent("cafe", "FA-1", t.plusSeconds(120), "promise-check", "status", "PAYMENT_PROMISE",
                        "PROMISE_BROKEN", "promise <pr-1>"));
        var view = new AccountQuery.ItemView(item, new DunningProgress(7, "first-reminder", LocalDate.of(2025, 11, 7)),
                List.of(), events);

        String fr = ItemHistoryText.render(view, Language.FR, ZoneId.of("Europe/Paris"), 2);
        String en = ItemHistoryText.render(view, Language.EN, ZoneId.of("Europe/Paris"), 10);

        assertThat(fr).startsWith("*Historique de FA-1* (cafe)").contains("⏸ hors relance : PAYMENT_PROMISE")
                .contains("dernière relance : first-reminder").contains("… 1 événement(s) plus anciens")
                .contains("<@U0COLLECT1>").contains("promise &lt;pr-1&gt;").doesNotContain("INVOICE 10 EUR");
        assertThat(en).startsWith("*History of FA-1*").contains("07/11/2025 09:00 — import — *item* — → INVOICE 10 EUR");
    }
}
