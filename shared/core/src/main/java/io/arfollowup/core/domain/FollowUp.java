package io.arfollowup.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A dated action planned by a qualification: on {@code due} the runner acts on the items with the template, in the
 * mode. {@code id} is deterministic (response, qualification version, group) and names the schedule.
 */
public record FollowUp(
        String id,
        String customerId,
        String responseId,
        List<String> itemNumbers,
        String statusCode,
        String templateId,
        FollowUpMode mode,
        Instant due,
        ZoneId zone,
        FollowUpState state,
        String scheduleName,
        String owner,
        String comment,
        Instant claimedAt,
        String result) {

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
        itemNumbers = itemNumbers == null ? List.of() : List.copyOf(itemNumbers);
        state = state == null ? FollowUpState.PLANNED : state;
        zone = zone == null ? Customer.DEFAULT_ZONE : zone;
    }

    public ZonedDateTime dueLocal() {
        return due.atZone(zone);
    }

    public FollowUp withState(FollowUpState newState, String newResult) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, due, zone,
                newState, scheduleName, owner, comment, claimedAt, newResult);
    }

    public FollowUp withDue(Instant newDue) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, newDue, zone,
                state, scheduleName, owner, comment, claimedAt, result);
    }
}
