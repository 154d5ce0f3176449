package io.arfollowup.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A promise to pay (DESIGN §3, F8): some items, a date, an amount, where it came from. Its check runs the business
 * day after the date ({@code checkDate}, the follow-up's day): every item paid → KEPT; otherwise BROKEN, and the
 * items already paid are listed in {@code keptItems} (a partly kept promise). {@code collector} is the credit
 * controller the promise counts for (promise-kept rate per collector). {@code id} is derived from the follow-up id,
 * so the check finds its promise without an index.
 */
public record Promise(
        String id,
        String customerId,
        String responseId,
        String followUpId,
        List<String> itemNumbers,
        LocalDate promisedDate,
        LocalDate checkDate,
        BigDecimal amount,
        String currency,
        PromiseSource source,
        PromiseState state,
        String collector,
        Instant createdAt,
        Instant settledAt,
        List<String> keptItems,
        List<String> brokenItems,
        boolean ownerAlerted) {

    public Promise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        itemNumbers = itemNumbers == null ? List.of() : List.copyOf(itemNumbers);
        keptItems = keptItems == null ? List.of() : List.copyOf(keptItems);
        brokenItems = brokenItems == null ? List.of() : List.copyOf(brokenItems);
        state = state == null ? PromiseState.OPEN : state;
        source = source == null ? PromiseSource.COLLECTOR : source;
        currency = currency == null ? "EUR" : currency;
    }

    /** Some items paid, others not: counted apart in the kept rate. */
    public boolean partlyKept() {
        return state == PromiseState.BROKEN && !keptItems.isEmpty();
    }

    public Promise settled(PromiseState to, List<String> kept, List<String> broken, Instant at) {
        return new Promise(id, customerId, responseId, followUpId, itemNumbers, promisedDate, checkDate, amount,
                currency, source, to, collector, createdAt, at, kept, broken, ownerAlerted);
    }
}
