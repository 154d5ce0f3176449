package io.arfollowup.core.port;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dunning scenario's per-customer bookkeeping: the day each customer next needs a look (a sparse index the daily
 * run reads up to today, so a missed day is caught up), and one marker per customer and day so that a customer gets
 * at most one reminder a day however many times the run goes.
 */
public interface ScenarioLedger {

    /** A customer the run should look at, and the day it became due. */
    record Due(String customerId, LocalDate day) {
    }

    /** One page of the index; {@code continuation} null when there is no more. */
    record Page(List<Due> customers, String continuation) {
        public Page {
            customers = customers == null ? List.of() : List.copyOf(customers);
        }
    }

    /** Customers due on or before {@code upTo}, oldest first, {@code limit} at most, from {@code continuation}. */
    Page due(LocalDate upTo, String continuation, int limit);

    /** Sets the customer's next day; null takes it out of the index (nothing left to chase). */
    void next(String customerId, LocalDate day);

    /** Moves the customer's next day earlier to {@code day} (or puts it in the index), never later. */
    void noLaterThan(String customerId, LocalDate day);

    /** The customer's next day, if in the index. */
    java.util.Optional<LocalDate> nextDay(String customerId);

    /**
     * Claims the customer's reminder of {@code day}: true for the first claim, or for a claim older than
     * {@code lease} that never completed (a crashed run); false when it is done or held by another run.
     */
    boolean claimDay(String customerId, LocalDate day, Instant now, Duration lease);

    /** Completes the day's claim: SENT with the message id, or SKIPPED with the reason. */
    void closeDay(String customerId, LocalDate day, String outcome, String detail);
}
