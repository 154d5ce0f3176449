package io.arfollowup.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A dated action planned by a qualification: on {@code due} the runner acts on the items with the template, in the
 * mode. {@code id} is deterministic (response, qualification version, group) and names the schedule.
 * {@code card} is where its confirmation or task card was posted (null before); {@code edited} the message the
 * owner edited before confirming it (null = render the template).
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
        String result,
        CardRef card,
        TemplateContent edited) {

    /** The shape before the card and the edited message existed (other branches construct it this way). */
    public FollowUp(String id, String customerId, String responseId, List<String> itemNumbers, String statusCode,
                    String templateId, FollowUpMode mode, Instant due, ZoneId zone, FollowUpState state,
                    String scheduleName, String owner, String comment, Instant claimedAt, String result) {
        this(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, due, zone, state, scheduleName,
                owner, comment, claimedAt, result, null, null);
    }

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
                newState, scheduleName, owner, comment, claimedAt, newResult, card, edited);
    }

    public FollowUp withDue(Instant newDue) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, newDue, zone,
                state, scheduleName, owner, comment, claimedAt, result, card, edited);
    }

    public FollowUp withMode(FollowUpMode newMode) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, newMode, due, zone,
                state, scheduleName, owner, comment, claimedAt, result, card, edited);
    }

    public FollowUp withCard(CardRef newCard) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, due, zone,
                state, scheduleName, owner, comment, claimedAt, result, newCard, edited);
    }

    public FollowUp withEdited(TemplateContent newEdited) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, due, zone,
                state, scheduleName, owner, comment, claimedAt, result, card, newEdited);
    }

    public FollowUp withClaimedAt(Instant at) {
        return new FollowUp(id, customerId, responseId, itemNumbers, statusCode, templateId, mode, due, zone,
                state, scheduleName, owner, comment, at, result, card, edited);
    }
}
