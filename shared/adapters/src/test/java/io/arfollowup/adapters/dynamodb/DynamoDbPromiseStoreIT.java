package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseSource;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.testing.engines.LocalEngines;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class DynamoDbPromiseStoreIT {

    static Dynalite db;
    static DynamoDbPromiseStore promises;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbPromiseStoreIT.class);
        promises = new DynamoDbPromiseStore(db.client, db.table);
    }

    static Promise open(String customer) {
        return new Promise("pr-" + UUID.randomUUID(), customer, "em-1", "fu-1", List.of("FA-1"),
                LocalDate.of(2025, 11, 14), LocalDate.of(2025, 11, 17), new BigDecimal("1200.00"), "EUR",
                PromiseSource.EMAIL, PromiseState.OPEN, "U0COLLECT1", Instant.parse("2025-11-05T10:00:00Z"), null,
                List.of(), List.of(), false);
    }

    @Test
    void ownerAlert_isClaimedOnce_givenBackOnFailure_thenClaimedAgain() {
        Promise p = open("C-" + UUID.randomUUID());
        assertThat(promises.create(p)).isTrue();

        assertThat(promises.claimOwnerAlert(p.customerId(), p.id())).isTrue();
        assertThat(promises.claimOwnerAlert(p.customerId(), p.id())).isFalse();
        assertThat(promises.get(p.customerId(), p.id()).orElseThrow().ownerAlerted()).isTrue();

        promises.releaseOwnerAlert(p.customerId(), p.id());
        assertThat(promises.get(p.customerId(), p.id()).orElseThrow().ownerAlerted()).isFalse();
        assertThat(promises.claimOwnerAlert(p.customerId(), p.id())).isTrue();
    }

    @Test
    void ownerAlert_ofAnUnknownPromise_isNotClaimed_andCreatesNothing() {
        String customer = "C-" + UUID.randomUUID();

        assertThat(promises.claimOwnerAlert(customer, "pr-missing")).isFalse();
        assertThat(promises.get(customer, "pr-missing")).isEmpty();
    }

    @Test
    void settle_isOneConditionalWrite_theSecondRefused() {
        Promise p = open("C-" + UUID.randomUUID());
        promises.create(p);
        Instant at = Instant.parse("2025-11-17T08:00:00Z");

        assertThat(promises.settle(p.customerId(), p.id(), PromiseState.BROKEN, List.of(), List.of("FA-1"), at)).isTrue();
        assertThat(promises.settle(p.customerId(), p.id(), PromiseState.KEPT, List.of("FA-1"), List.of(), at)).isFalse();
        assertThat(promises.get(p.customerId(), p.id()).orElseThrow().state()).isEqualTo(PromiseState.BROKEN);
    }

    @Test
    void settleWithTheAlertClaim_isOneUpdateItem_withoutARead() {
        Promise p = open("C-" + UUID.randomUUID());
        promises.create(p);
        Instant at = Instant.parse("2025-11-17T08:00:00Z");
        db.requests.clear();

        assertThat(promises.settle(p, PromiseState.BROKEN, List.of(), List.of("FA-1"), at, true)).isTrue();

        assertThat(db.requests.of(software.amazon.awssdk.services.dynamodb.model.GetItemRequest.class)).isEmpty();
        assertThat(db.requests.of(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.class)).hasSize(1);
        Promise now = promises.get(p.customerId(), p.id()).orElseThrow();
        assertThat(now.state()).isEqualTo(PromiseState.BROKEN);
        assertThat(now.brokenItems()).containsExactly("FA-1");
        assertThat(now.ownerAlerted()).isTrue();
        assertThat(promises.settledFor("U0COLLECT1", 50)).extracting(Promise::id).contains(p.id());
        // the claim is held: a second check neither settles again nor claims the alert
        assertThat(promises.settle(p, PromiseState.KEPT, List.of("FA-1"), List.of(), at, true)).isFalse();
        assertThat(promises.claimOwnerAlert(p.customerId(), p.id())).isFalse();
        // settling a kept promise claims nothing
        Promise q = open("C-" + UUID.randomUUID());
        promises.create(q);
        assertThat(promises.settle(q, PromiseState.KEPT, List.of("FA-1"), List.of(), at, false)).isTrue();
        assertThat(promises.get(q.customerId(), q.id()).orElseThrow().ownerAlerted()).isFalse();
    }
}
