package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.ItemLedger;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.ScenarioLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds are the single way items leave the dunning scenario (placed by a qualification whose rule holds items).
 * This releases them: by hand from Slack, on expiry, on payment, at a check, on a status that holds nothing. Every
 * release is a conditional write (the hold must still be the one seen), is audited, and puts the customer back in
 * the scenario's index for today, so the chase resumes at the next run.
 */
public final class Holds {

    /** "Release hold" clicked in Slack on one item. */
    public record ReleaseCommand(String customerId, String itemNumber, String actor) {
        public ReleaseCommand {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(itemNumber, "itemNumber");
            Objects.requireNonNull(actor, "actor");
        }
    }

    public enum Status { RELEASED, NO_HOLD, NOT_FOUND }

    public record Result(Status status, Hold released) {
    }

    private final ItemStore items;
    private final ItemLedger ledger;
    private final ScenarioLedger scenario;
    private final Audit audit;
    private final Clock clock;
    private final ZoneId zone;

    public Holds(ItemStore items, ItemLedger ledger, ScenarioLedger scenario, AuditLog audit, Clock clock,
                 ZoneId zone) {
        this.items = items;
        this.ledger = ledger;
        this.scenario = scenario;
        this.audit = new Audit(audit);
        this.clock = clock;
        this.zone = zone;
    }

    /** By hand from Slack: whatever the hold, it goes; a second click finds none. */
    public Result release(ReleaseCommand c) {
        Optional<Item> item = items.get(c.customerId(), c.itemNumber());
        if (item.isEmpty()) {
            return new Result(Status.NOT_FOUND, null);
        }
        Hold hold = item.get().hold();
        if (hold == null) {
            return new Result(Status.NO_HOLD, null);
        }
        return release(c.customerId(), c.itemNumber(), hold, c.actor(), "released by hand")
                .map(h -> new Result(Status.RELEASED, h)).orElse(new Result(Status.NO_HOLD, null));
    }

    /**
     * Releases {@code expected} if it is still the item's hold; audits it (actor, cause) and brings the customer back
     * in the scenario today. Empty when the hold had already changed.
     */
    public Optional<Hold> release(String customerId, String number, Hold expected, String actor, String cause) {
        Optional<Hold> released = ledger.releaseHold(customerId, number, expected);
        released.ifPresent(h -> recordRelease(customerId, number, h, actor, cause));
        return released;
    }

    /** A hold already removed by another write (a qualification, a payment): audit it and resume the chase. */
    void recordRelease(String customerId, String number, Hold hold, String actor, String cause) {
        Instant now = clock.instant();
        audit.record(customerId, number, now, actor, "hold", Audit.describe(hold), null, cause,
                "hold-release/" + customerId + "/" + number + "/" + hold.since());
        scenario.noLaterThan(customerId, today());
    }

    /** True when the hold is over: {@code until} passed. */
    public boolean expired(Hold hold) {
        return hold != null && !hold.activeAt(clock.instant());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
