package io.arfollowup.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An open item of a customer (invoice or credit note) with its collection state: status code, comment,
 * resolution owner and hold. {@code number} is the company's document number, unique per company.
 */
public record Item(
        String customerId,
        String number,
        ItemKind kind,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        String status,
        String comment,
        String owner,
        Hold hold,
        String documentKey) {

    public Item {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(number, "number");
        kind = kind == null ? ItemKind.INVOICE : kind;
        currency = currency == null ? "EUR" : currency;
        openAmount = openAmount == null ? amount : openAmount;
    }

    public boolean isPaid() {
        return openAmount != null && openAmount.signum() == 0;
    }

    public long daysOverdue(LocalDate today) {
        return dueDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    public Item withQualification(String status, String comment, String owner, Hold hold) {
        return new Item(customerId, number, kind, amount, openAmount, currency, issueDate, dueDate,
                status, comment, owner, hold, documentKey);
    }

    public Item withOpenAmount(BigDecimal open) {
        return new Item(customerId, number, kind, amount, open, currency, issueDate, dueDate,
                status, comment, owner, hold, documentKey);
    }

    /** Upper case, letters and digits only: "fa 2025-00412" and "FA202500412" are the same reference. */
    public static String normalizeNumber(String number) {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
