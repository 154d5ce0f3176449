package io.arfollowup.core.domain;

import java.time.Instant;

/** One line of an item's audit trail: who or what changed which field, from what to what, and why. */
public record ItemEvent(
        String customerId,
        String itemNumber,
        Instant at,
        String actor,
        String field,
        String before,
        String after,
        String cause) {
}
