package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusScore;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.testing.engines.LocalEngines;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class DynamoDbResponseStoreIT {

    static final Instant NOW = Instant.parse("2025-11-05T10:00:00Z");
    static Dynalite db;
    static DynamoDbResponseStore store;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbResponseStoreIT.class);
        store = new DynamoDbResponseStore(db.client, db.table, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Response response(String id, String newText) {
        return new Response(id, ResponseChannel.EMAIL, "C001", "compta@fournil.example", "Julie Bertin",
                Instant.parse("2025-11-05T09:12:33.120Z"), "Re: Relance facture FA-2025-0142", newText, "fr",
                "raw/" + id, null,
                List.of(new AttachmentRef("avis de virement.pdf", "application/pdf", 48_213, "att/" + id + "/1", false)),
                List.of("FA-2025-0142", "FA-2025-0150"),
                List.of(new ItemAnswer("FA-2025-0142", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 14),
                        new BigDecimal("1250.50"), null, null),
                        new ItemAnswer("FA-2025-0150", AnswerChoice.DISPUTE, null, null, DisputeReason.PRICE, "BL-77")),
                EnumSet.of(ResponseFlag.FORWARDED), "pq7vn2kxr4tz", "<m1@fournil.example>", ResponseState.NEW, null,
                null);
    }

    static String newId() {
        return "em-" + UUID.randomUUID();
    }

    static Suggestion suggestion() {
        return new Suggestion(List.of(
                new SuggestedGroup("PAYMENT_PROMISE", StatusType.PROMISE, 0.87, List.of("FA-2025-0142"),
                        LocalDate.of(2025, 11, 14), new BigDecimal("1250.5"), "EUR", "payment-promise-check",
                        LocalDate.of(2025, 11, 17)),
                new SuggestedGroup("COMMERCIAL_DISPUTE", StatusType.DISPUTE, 0.61, List.of("FA-2025-0150"), null,
                        null, null, null, null)),
                List.of(new StatusScore("PAYMENT_PROMISE", 0.87), new StatusScore("ALREADY_PAID", 0.08)),
                "Virement le 14 ; conteste le prix de FA-2025-0150", "le virement partira le 14", "seed-v1");
    }

    @Test
    void create_thenGet_returnsTheSameResponse() {
        Response r = response(newId(), "Le virement partira le 14.");

        assertThat(store.create(r)).isTrue();

        assertThat(store.get(r.id())).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(r);
    }

    @Test
    void create_sameIdTwice_secondIsRefusedAndTheFirstIsKept() {
        String id = newId();
        assertThat(store.create(response(id, "first"))).isTrue();

        boolean second = store.create(response(id, "second"));

        assertThat(second).isFalse();
        assertThat(store.get(id)).get().extracting(Response::newText).isEqualTo("first");
    }

    @Test
    void get_unknownId_isEmpty() {
        assertThat(store.get(newId())).isEmpty();
    }

    @Test
    void recordCard_twice_recordsTheFirstCardOnly() {
        Response r = response(newId(), "x");
        store.create(r);

        boolean first = store.recordCard(r.id(), new CardRef("C07RELANCES", "1741599000.123456"));
        boolean second = store.recordCard(r.id(), new CardRef("C07RELANCES", "1741599999.000001"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.get(r.id()).orElseThrow().card()).isEqualTo(new CardRef("C07RELANCES", "1741599000.123456"));
    }

    @Test
    void cardClaim_heldByTheCreatingDelivery_untilItExpires_neverOnceACardIsRecorded() {
        Response r = response(newId(), "x");
        java.time.Instant t0 = java.time.Instant.parse("2025-03-12T09:00:00Z");
        assertThat(store.create(r, t0.plusSeconds(45))).isTrue();
        assertThat(store.create(r, t0.plusSeconds(45))).isFalse();

        assertThat(store.claimCard(r.id(), t0.plusSeconds(10), t0.plusSeconds(55))).isFalse(); // held
        assertThat(store.claimCard(r.id(), t0.plusSeconds(60), t0.plusSeconds(105))).isTrue(); // expired: taken over
        assertThat(store.claimCard(r.id(), t0.plusSeconds(61), t0.plusSeconds(106))).isFalse();

        store.recordCard(r.id(), new CardRef("C07RELANCES", "1741599000.123456"));
        assertThat(store.claimCard(r.id(), t0.plusSeconds(600), t0.plusSeconds(645))).isFalse(); // a card exists
        assertThat(store.claimCard(newId(), t0, t0.plusSeconds(45))).isFalse(); // no such response
        assertThat(store.get(r.id()).orElseThrow().card()).isNotNull();
    }

    @Test
    void recordCard_unknownResponse_isRefusedAndCreatesNothing() {
        String id = newId();

        assertThat(store.recordCard(id, new CardRef("C1", "1.1"))).isFalse();
        assertThat(store.get(id)).isEmpty();
    }

    @Test
    void transition_fromAnAllowedState_movesItAndItsInboxIndex() {
        Response r = response(newId(), "x");
        store.create(r);

        boolean moved = store.transition(r.id(), EnumSet.of(ResponseState.NEW, ResponseState.VALIDATED),
                ResponseState.QUALIFIED, "U07ABCD1234");

        assertThat(moved).isTrue();
        assertThat(store.get(r.id()).orElseThrow().state()).isEqualTo(ResponseState.QUALIFIED);
        var raw = db.raw("R#" + r.id(), "RESPONSE");
        assertThat(raw.get("gsi1pk").s()).isEqualTo("INBOX#QUALIFIED");
        assertThat(raw.get("decidedBy").s()).isEqualTo("U07ABCD1234");
        assertThat(Instant.parse(raw.get("decidedAt").s())).isEqualTo(NOW);
    }

    @Test
    void transition_fromAStateNotAllowed_changesNothing() {
        Response r = response(newId(), "x");
        store.create(r);
        store.transition(r.id(), Set.of(ResponseState.NEW), ResponseState.DELETED, "U1");

        boolean moved = store.transition(r.id(), EnumSet.of(ResponseState.NEW, ResponseState.VALIDATED),
                ResponseState.QUALIFIED, "U2");

        assertThat(moved).isFalse();
        assertThat(store.get(r.id()).orElseThrow().state()).isEqualTo(ResponseState.DELETED);
        assertThat(db.raw("R#" + r.id(), "RESPONSE").get("decidedBy").s()).isEqualTo("U1");
    }

    @Test
    void transition_unknownResponse_isRefusedAndCreatesNothing() {
        String id = newId();

        assertThat(store.transition(id, Set.of(ResponseState.NEW), ResponseState.VALIDATED, "U1")).isFalse();
        assertThat(store.get(id)).isEmpty();
    }

    @Test
    void saveSuggestion_roundTripsEveryField() {
        Response r = response(newId(), "x");
        store.create(r);
        Suggestion s = suggestion();

        store.saveSuggestion(r.id(), s);

        assertThat(store.get(r.id()).orElseThrow().suggestion()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(s);
    }

    @Test
    void linkCustomer_unmatchedResponse_getsTheCustomerAndLosesTheUnmatchedFlag() {
        String id = newId();
        Response unmatched = new Response(id, ResponseChannel.EMAIL, null, "someone@unknown.example", null, NOW,
                "Re: facture", "payé", "fr", "raw/" + id, null, null, null, null,
                EnumSet.of(ResponseFlag.UNMATCHED, ResponseFlag.AUTO_REPLY), null, null, ResponseState.NEW, null, null);
        store.create(unmatched);

        store.linkCustomer(id, "C042");

        Response linked = store.get(id).orElseThrow();
        assertThat(linked.customerId()).isEqualTo("C042");
        assertThat(linked.flags()).containsExactly(ResponseFlag.AUTO_REPLY);
        var byCustomer = db.client.query(b -> b.tableName(db.table).indexName(SingleTable.GSI2)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(java.util.Map.of("#pk", "gsi2pk"))
                .expressionAttributeValues(java.util.Map.of(":pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#C042"))));
        assertThat(byCustomer.items()).extracting(i -> i.get("id").s()).containsExactly(id);
    }

    @Test
    void create_longestResponseAllowed_itemStaysFarBelow400KB() {
        // the longest new text a response keeps, in 3-byte characters, plus a suggestion, answers and attachments
        Response r = response(newId(), "€".repeat(Response.MAX_NEW_TEXT)).withSuggestion(suggestion())
                .withCard(new CardRef("C07RELANCES", "1741599000.123456"));

        assertThat(store.create(r)).isTrue();

        long stored = Dynalite.itemSize(db.raw("R#" + r.id(), "RESPONSE"));
        assertThat(stored).isGreaterThan(3L * Response.MAX_NEW_TEXT).isLessThan(100 * 1024);
    }
}
