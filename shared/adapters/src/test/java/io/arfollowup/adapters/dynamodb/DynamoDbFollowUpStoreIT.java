package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.testing.engines.LocalEngines;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class DynamoDbFollowUpStoreIT {

    static final Instant DUE = Instant.parse("2025-11-12T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(15);
    static Dynalite db;
    static DynamoDbFollowUpStore store;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbFollowUpStoreIT.class);
        store = new DynamoDbFollowUpStore(db.client, db.table);
    }

    static FollowUp followUp(Instant due) {
        String id = "fu-" + UUID.randomUUID();
        return new FollowUp(id, "C001", "em-1", List.of("FA-2025-0142", "FA-2025-0150"), "PAYMENT_PROMISE",
                "payment-promise-check", FollowUpMode.AUTOMATIC, due, ZoneId.of("Europe/Paris"),
                FollowUpState.PLANNED, id, "U07ABCD1234", "virement le 14", null, null);
    }

    static FollowUp created() {
        FollowUp f = followUp(DUE);
        store.create(f);
        return f;
    }

    @Test
    void create_thenGet_returnsTheSameFollowUp() {
        FollowUp f = followUp(DUE);

        assertThat(store.create(f)).isTrue();

        assertThat(store.get(f.id())).contains(f);
    }

    @Test
    void create_sameIdTwice_secondIsRefused() {
        FollowUp f = created();

        assertThat(store.create(f.withDue(DUE.plusSeconds(3600)))).isFalse();
        assertThat(store.get(f.id()).orElseThrow().due()).isEqualTo(DUE);
    }

    @Test
    void claim_planned_movesItToRunningWithTheClaimInstant() {
        FollowUp f = created();
        Instant now = DUE.plusSeconds(2);

        var claimed = store.claim(f.id(), now, LEASE);

        assertThat(claimed).get().extracting(FollowUp::state, FollowUp::claimedAt)
                .containsExactly(FollowUpState.RUNNING, now);
        assertThat(store.get(f.id()).orElseThrow().state()).isEqualTo(FollowUpState.RUNNING);
    }

    @Test
    void claim_secondTimeWithinTheLease_isRefused() {
        FollowUp f = created();
        store.claim(f.id(), DUE, LEASE);

        var second = store.claim(f.id(), DUE.plus(LEASE).minusSeconds(1), LEASE);

        assertThat(second).isEmpty();
        assertThat(store.get(f.id()).orElseThrow().claimedAt()).isEqualTo(DUE);
    }

    @Test
    void claim_runningClaimOlderThanTheLease_isTakenOver() {
        FollowUp f = created();
        store.claim(f.id(), DUE, LEASE);
        Instant later = DUE.plus(LEASE).plusSeconds(1);

        var takeover = store.claim(f.id(), later, LEASE);

        assertThat(takeover).get().extracting(FollowUp::claimedAt).isEqualTo(later);
    }

    @Test
    void claim_staleClaimMadeOnAWholeSecond_isTakenOverByAClockWithMillis() {
        // Instant.toString() drops a zero fraction: "…:00Z" sorts after "…:00.500Z" as text although it is earlier
        FollowUp f = created();
        store.claim(f.id(), DUE, LEASE);
        Instant later = DUE.plus(LEASE).plusMillis(500);

        assertThat(store.claim(f.id(), later, LEASE)).get().extracting(FollowUp::claimedAt).isEqualTo(later);
    }

    @Test
    void claim_freshClaimWithMicroseconds_isNotTakenOverWithinTheLease() {
        // "…:00.120Z" (the JDK prints 3 digits) vs "…:00.120500Z": the first is earlier, the text says later
        FollowUp f = created();
        Instant claimedAt = DUE.plusNanos(120_500_000);
        store.claim(f.id(), claimedAt, LEASE);

        assertThat(store.claim(f.id(), DUE.plus(LEASE).plusNanos(120_000_000), LEASE)).isEmpty();
    }

    @Test
    void claim_finishedOrUnknownFollowUp_isRefused() {
        FollowUp f = created();
        store.claim(f.id(), DUE, LEASE);
        store.finish(f.id(), FollowUpState.RUNNING, FollowUpState.DONE, "sent");

        assertThat(store.claim(f.id(), DUE.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(store.claim("fu-" + UUID.randomUUID(), DUE, LEASE)).isEmpty();
        assertThat(store.get(f.id()).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
    }

    @Test
    void finish_fromTheExpectedState_recordsStateAndResult() {
        FollowUp f = created();
        store.claim(f.id(), DUE, LEASE);

        assertThat(store.finish(f.id(), FollowUpState.RUNNING, FollowUpState.DONE, "sent 0102abc")).isTrue();

        FollowUp done = store.get(f.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.result()).isEqualTo("sent 0102abc");
        assertThat(db.raw("F#" + f.id(), "FOLLOWUP").get("gsi1pk").s()).isEqualTo("FU#DONE");
    }

    @Test
    void finish_fromAnotherState_changesNothing() {
        FollowUp f = created();

        assertThat(store.finish(f.id(), FollowUpState.RUNNING, FollowUpState.DONE, "sent")).isFalse();
        assertThat(store.finish("fu-" + UUID.randomUUID(), FollowUpState.PLANNED, FollowUpState.CANCELLED, "x"))
                .isFalse();
        assertThat(store.get(f.id()).orElseThrow().state()).isEqualTo(FollowUpState.PLANNED);
    }

    @Test
    void duePlanned_returnsPlannedFollowUpsDueBefore_oldestFirst_boundedByTheLimit() {
        Dynalite own = Dynalite.forClass(DynamoDbFollowUpStoreIT.class);
        DynamoDbFollowUpStore fresh = new DynamoDbFollowUpStore(own.client, own.table);
        FollowUp third = followUp(DUE.plusSeconds(7200));
        FollowUp first = followUp(DUE);
        FollowUp second = followUp(DUE.plusSeconds(3600));
        FollowUp running = followUp(DUE.minusSeconds(60));
        FollowUp notYetDue = followUp(DUE.plus(Duration.ofDays(1)));
        for (FollowUp f : List.of(third, first, second, running, notYetDue)) {
            fresh.create(f);
        }
        fresh.claim(running.id(), DUE, LEASE);
        Instant before = DUE.plus(Duration.ofHours(12));

        assertThat(fresh.duePlanned(before, 10)).extracting(FollowUp::id)
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(fresh.duePlanned(before, 2)).extracting(FollowUp::id).containsExactly(first.id(), second.id());
    }

    @Test
    void duePlanned_dueOnAWholeSecond_isDueForAClockWithMillis() {
        Dynalite own = Dynalite.forClass(DynamoDbFollowUpStoreIT.class);
        DynamoDbFollowUpStore fresh = new DynamoDbFollowUpStore(own.client, own.table);
        FollowUp f = followUp(DUE);
        fresh.create(f);

        assertThat(fresh.duePlanned(DUE.plusMillis(1), 10)).extracting(FollowUp::id).containsExactly(f.id());
        assertThat(fresh.duePlanned(DUE, 10)).isEmpty();
    }
}
