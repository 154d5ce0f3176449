package io.arfollowup.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money received against one item: {@code reference} (the bank's or the ERP's) makes it idempotent: a payment with a
 * reference already applied to the item changes nothing.
 */
public record Payment(String reference, String itemNumber, String customerId, BigDecimal amount, LocalDate date) {
    public Payment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(itemNumber, "itemNumber");
        Objects.requireNonNull(amount, "amount");
    }
}
