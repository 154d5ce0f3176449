package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.ItemEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldsTest {

    private final DunningFixture d = new DunningFixture();

    private Customer disputed() {
        Customer c = d.customer("C001", 20, "FA-1", "FA-2");
        d.f.storedResponse("em-1", c, List.of("FA-1"));
        d.qualify("em-1", 1, "ADMIN_DISPUTE", null, false, "FA-1");
        return c;
    }

    @Test
    void aHoldingStatus_placesAHoldWithReasonSinceAndTheRulesExpiry_andAuditsIt() {
        disputed();

        Hold hold = d.f.items.get("C001", "FA-1").orElseThrow().hold();
        assertThat(hold.reason()).isEqualTo("ADMIN_DISPUTE");
        assertThat(hold.since()).isEqualTo(d.f.now.get());
        assertThat(hold.until()).isEqualTo(d.f.now.get().plus(Duration.ofDays(60)));
        assertThat(d.f.audit.history("C001", "FA-1", 50)).filteredOn(e -> e.field().equals("hold")).singleElement()
                .satisfies(e -> {
                    assertThat(e.before()).isNull();
                    assertThat(e.after()).isEqualTo("ADMIN_DISPUTE until 2026-01-04");
                    assertThat(e.actor()).isEqualTo("U0COLLECT1");
                    assertThat(e.cause()).contains("em-1");
                });
        assertThat(d.f.items.get("C001", "FA-2").orElseThrow().hold()).isNull();
    }

    @Test
    void releasedByHand_isAudited_bringsTheCustomerBackToday_andASecondClickFindsNoHold() {
        disputed();
        d.scenarioLedger.next("C001", LocalDate.of(2026, 1, 4));

        Holds.Result r = d.holds().release(new Holds.ReleaseCommand("C001", "FA-1", "U0COLLECT2"));

        assertThat(r.status()).isEqualTo(Holds.Status.RELEASED);
        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().hold()).isNull();
        assertThat(d.scenarioLedger.nextDay("C001")).contains(LocalDate.of(2025, 11, 5));
        assertThat(d.f.audit.history("C001", "FA-1", 50)).filteredOn(e -> e.field().equals("hold"))
                .extracting(ItemEvent::actor, ItemEvent::after).contains(org.assertj.core.groups.Tuple.tuple(
                        "U0COLLECT2", null));
        assertThat(d.holds().release(new Holds.ReleaseCommand("C001", "FA-1", "U0COLLECT2")).status())
                .isEqualTo(Holds.Status.NO_HOLD);
        assertThat(d.holds().release(new Holds.ReleaseCommand("C001", "FA-404", "U0COLLECT2")).status())
                .isEqualTo(Holds.Status.NOT_FOUND);
    }

    @Test
    void disputeResolved_releasesTheHold_andItIsAudited() {
        disputed();
        d.advance(Duration.ofMinutes(1));
        d.scenarioLedger.next("C001", LocalDate.of(2026, 1, 4));
        d.f.storedResponse("em-2", d.f.customers.get("C001").orElseThrow(), List.of("FA-1"));

        d.qualify("em-2", 1, "DISPUTE_RESOLVED", null, false, "FA-1");

        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().hold()).isNull();
        assertThat(d.f.audit.history("C001", "FA-1", 50)).filteredOn(e -> e.field().equals("hold"))
                .extracting(ItemEvent::after).containsExactly("ADMIN_DISPUTE until 2026-01-04", null);
        assertThat(d.scenarioLedger.nextDay("C001")).contains(LocalDate.of(2025, 11, 5));
    }

    @Test
    void aHoldReleasedWhileSomeoneElseChangedIt_isLeftAlone() {
        disputed();
        Hold stale = new Hold("ADMIN_DISPUTE", d.f.now.get().minusSeconds(5), null);

        assertThat(d.holds().release("C001", "FA-1", stale, "scenario", "hold expired")).isEmpty();
        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().hold()).isNotNull();
    }

    @Test
    void aStatusWrittenOutsideQualification_thatDropsTheHold_isAuditedAndBringsTheCustomerBack() {
        disputed();
        d.scenarioLedger.next("C001", LocalDate.of(2026, 1, 4));
        HoldReleasingItemStore store = new HoldReleasingItemStore(d.f.items, d.holds(), "internal-answer");

        store.qualify("C001", "FA-1", "DISPUTE_RESOLVED", "avoir émis", "U0COLLECT1", null);

        assertThat(d.f.items.get("C001", "FA-1").orElseThrow().hold()).isNull();
        assertThat(d.f.audit.history("C001", "FA-1", 50)).filteredOn(e -> e.field().equals("hold"))
                .extracting(ItemEvent::actor).contains("internal-answer");
        assertThat(d.scenarioLedger.nextDay("C001")).contains(LocalDate.of(2025, 11, 5));
    }
}
