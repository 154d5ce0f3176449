package io.arfollowup.core.port;

import io.arfollowup.core.domain.DunningProgress;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ScenarioItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The item writes of imports, payments, holds and the dunning scenario, next to {@link ItemStore}: each one a
 * single-item conditional write that leaves the collection state (status, comment, owner, hold) alone unless it says
 * otherwise.
 */
public interface ItemLedger {

    /** What applying a payment did. */
    enum PaymentOutcome { APPLIED, ALREADY_APPLIED, CONCURRENT_CHANGE, NOT_FOUND }

    /** The item with this document number, whoever the customer (numbers are unique in the company). */
    Optional<Item> byNumber(String number);

    /** Creates an imported item; false when it exists. */
    boolean create(Item item);

    /** Rewrites the document's facts (kind, amounts, currency, dates) of an existing item, nothing else. */
    void updateFacts(Item facts);

    /**
     * Sets the open amount to {@code newOpen} if it still is {@code expectedOpen} and {@code reference} was never
     * applied to this item; records the reference on the item in the same write. At zero the hold goes too (a paid
     * item leaves every hold).
     */
    PaymentOutcome applyPayment(String customerId, String number, String reference, BigDecimal expectedOpen,
                                BigDecimal newOpen);

    /** Points the item at its PDF in the bucket. */
    void attachDocument(String customerId, String number, String key);

    /** Removes the hold if it is still {@code expected} (null: whatever hold there is); the hold removed, if any. */
    Optional<Hold> releaseHold(String customerId, String number, Hold expected);

    /** The customer's open items with their scenario progress: one Query (paginated), never a Scan. */
    List<ScenarioItem> scenarioItems(String customerId);

    /** Records that a reminder listed the item at this step, if it was not already at this step or a later one. */
    boolean recordStep(String customerId, String number, int offsetDays, String stepId, LocalDate sentOn);

    /** For tests and the /ar view: the item's scenario progress. */
    DunningProgress progress(String customerId, String number);
}
