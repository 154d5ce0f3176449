package io.arfollowup.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One situation of a reply as the suggester sees it: a status for some items, with what it extracted (promised
 * date, amount) and the follow-up its rule would plan. {@code itemNumbers} empty = the suggester names no item.
 */
public record SuggestedGroup(
        String statusCode,
        StatusType type,
        double confidence,
        List<String> itemNumbers,
        LocalDate promisedDate,
        BigDecimal amount,
        String currency,
        String templateId,
        LocalDate followUpDate) {

    public SuggestedGroup {
        itemNumbers = itemNumbers == null ? List.of() : List.copyOf(itemNumbers);
    }
}
