package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.testing.engines.LocalEngines;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class DynamoDbAuditLogIT {

    static Dynalite db;
    static DynamoDbAuditLog audit;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbAuditLogIT.class);
        audit = new DynamoDbAuditLog(db.client, db.table);
    }

    static ItemEvent event(String customer, Instant at, String after) {
        return new ItemEvent(customer, "FA-2025-0142", at, "U07ABCD1234", "status", null, after, "response em-1");
    }

    @Test
    void record_sameKeyTwice_keepsOneEvent() {
        String c = "C-" + UUID.randomUUID();
        ItemEvent e = event(c, Instant.parse("2025-11-05T10:00:00Z"), "PAYMENT_PROMISE");

        audit.record(e, "em-1/1/FA-2025-0142");
        audit.record(e, "em-1/1/FA-2025-0142");

        assertThat(audit.history(c, "FA-2025-0142", 10)).containsExactly(e);
    }

    @Test
    void record_retriedWithALaterTime_keepsTheFirstEventOnly() {
        String c = "C-" + UUID.randomUUID();
        ItemEvent first = event(c, Instant.parse("2025-11-05T10:00:00Z"), "PAYMENT_PROMISE");
        ItemEvent retry = event(c, Instant.parse("2025-11-05T10:00:07Z"), "PAYMENT_PROMISE");

        audit.record(first, "em-1/1/FA-2025-0142");
        audit.record(retry, "em-1/1/FA-2025-0142");

        assertThat(audit.history(c, "FA-2025-0142", 10)).containsExactly(first);
    }

    @Test
    void history_returnsTheNewestEvents_oldestFirst() {
        String c = "C-" + UUID.randomUUID();
        for (int day = 1; day <= 12; day++) {
            audit.record(event(c, Instant.parse(String.format("2025-11-%02dT10:00:00Z", day)), "S" + day), "k" + day);
        }

        assertThat(audit.history(c, "FA-2025-0142", 3)).extracting(ItemEvent::after).containsExactly("S10", "S11", "S12");
        assertThat(audit.history(c, "FA-2025-0142", 50)).hasSize(12).first().extracting(ItemEvent::after).isEqualTo("S1");
    }

    @Test
    void record_differentKeys_keepsEachEvent_oldestFirst_boundedByTheLimit() {
        String c = "C-" + UUID.randomUUID();
        ItemEvent later = event(c, Instant.parse("2025-11-06T10:00:00Z"), "COMMERCIAL_DISPUTE");
        ItemEvent earlier = event(c, Instant.parse("2025-11-05T10:00:00Z"), "PAYMENT_PROMISE");
        ItemEvent sameInstant = event(c, Instant.parse("2025-11-05T10:00:00Z"), "PAYMENT_PROMISE");

        audit.record(later, "em-1/2/FA-2025-0142");
        audit.record(earlier, "em-1/1/FA-2025-0142");
        audit.record(sameInstant, "em-2/1/FA-2025-0142");

        assertThat(audit.history(c, "FA-2025-0142", 10)).hasSize(3).last().isEqualTo(later);
        assertThat(audit.history(c, "FA-2025-0142", 2)).hasSize(2).last().isEqualTo(later);
    }
}
