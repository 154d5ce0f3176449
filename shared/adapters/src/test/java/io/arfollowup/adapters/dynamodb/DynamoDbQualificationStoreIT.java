package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.SuggestionOutcome;
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
class DynamoDbQualificationStoreIT {

    static Dynalite db;
    static DynamoDbQualificationStore store;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbQualificationStoreIT.class);
        store = new DynamoDbQualificationStore(db.client, db.table);
    }

    static Qualification qualification(String responseId, int version, String submission) {
        return new Qualification(responseId, version, submission, List.of(
                new QualificationGroup(List.of("FA-2025-0142"), "PAYMENT_PROMISE", "virement le 14", "U07ABCD1234",
                        LocalDate.of(2025, 11, 14), new BigDecimal("1250.5"),
                        new FollowUpOverride("payment-promise-check", LocalDate.of(2025, 11, 17),
                                FollowUpMode.AUTOMATIC, false)),
                new QualificationGroup(List.of("FA-2025-0150", "FA-2025-0151"), "COMMERCIAL_DISPUTE", null, null,
                        null, null, new FollowUpOverride(null, null, null, true))),
                new Notify(Notify.Target.COLLEAGUE, "sales@example.com"), "U07ABCD1234",
                Instant.parse("2025-11-05T10:00:00Z").plusSeconds(version), SuggestionOutcome.EDITED);
    }

    @Test
    void create_thenLatest_returnsTheSameDecision() {
        String r = "em-" + UUID.randomUUID();
        Qualification q = qualification(r, 1, "V1:h1");

        assertThat(store.create(q)).isTrue();

        assertThat(store.latest(r)).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(q);
    }

    @Test
    void create_sameVersionTwice_secondIsRefusedAndTheFirstIsKept() {
        String r = "em-" + UUID.randomUUID();
        store.create(qualification(r, 1, "V1:h1"));

        assertThat(store.create(qualification(r, 1, "V2:h2"))).isFalse();
        assertThat(store.latest(r)).get().extracting(Qualification::submissionId).isEqualTo("V1:h1");
    }

    @Test
    void latest_isTheHighestVersion_evenPastNineAndWrittenOutOfOrder() {
        String r = "em-" + UUID.randomUUID();
        for (int v : new int[] {2, 10, 1, 9}) {
            store.create(qualification(r, v, "sub-" + v));
        }

        assertThat(store.latest(r)).get().extracting(Qualification::version).isEqualTo(10);
    }

    @Test
    void latest_notQualified_isEmpty() {
        assertThat(store.latest("em-" + UUID.randomUUID())).isEmpty();
    }
}
