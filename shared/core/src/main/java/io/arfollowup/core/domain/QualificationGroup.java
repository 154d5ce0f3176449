package io.arfollowup.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One situation of a qualification: some items, one status, a comment and a resolution owner. */
public record QualificationGroup(
        List<String> itemNumbers,
        String statusCode,
        String comment,
        String owner,
        LocalDate promisedDate,
        BigDecimal promisedAmount,
        FollowUpOverride followUp) {

    public QualificationGroup {
        Objects.requireNonNull(statusCode, "statusCode");
        itemNumbers = itemNumbers == null ? List.of() : List.copyOf(itemNumbers);
        followUp = followUp == null ? FollowUpOverride.NONE : followUp;
    }
}
