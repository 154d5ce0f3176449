package io.arfollowup.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A customer's structured answer about one item on the web page (date/amount/reason/reference as relevant). */
public record ItemAnswer(
        String itemNumber,
        AnswerChoice choice,
        LocalDate date,
        BigDecimal amount,
        DisputeReason reason,
        String reference) {

    public ItemAnswer {
        Objects.requireNonNull(itemNumber, "itemNumber");
        Objects.requireNonNull(choice, "choice");
    }
}
