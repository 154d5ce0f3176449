package io.arfollowup.functions.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.token.Ids;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inbound-email function on in-memory stores with the real mail reader: events in, responses and cards out. */
class InboundEmailHandlerTest {

    static final String E16_KEY = "raw/o3v9k1m2n8p4q6r0s5t7u2w1x9y3z4a6b8c0d2e1";
    static final String E16_SES_ID = "o3v9k1m2n8p4q6r0s5t7u2w1x9y3z4a6b8c0d2e1";

    final InboundFixture f = new InboundFixture();

    InMemoryResponseStore responses() {
        return (InMemoryResponseStore) f.responses;
    }

    @Test
    void e16_sesReceiptEvent_linksTheTokensCustomerAndRecordsTheSenderAsAContact() {
        f.store(E16_KEY, InboundFixture.caseFile("E16-token-in-second-recipient-reply-all.eml"));

        f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));

        Response r = f.responses.get(Ids.responseIdForMail(E16_SES_ID)).orElseThrow();
        assertThat(r.customerId()).isEqualTo("C-PERRIN");
        assertThat(r.token()).isEqualTo("Pq7Vn2KxR4tz"); // as the SES envelope carries it, not the re-cased To:
        assertThat(r.rawKey()).isEqualTo(E16_KEY);
        assertThat(r.sender()).isEqualTo("n.perrin@perrin-immobilier.example.com");
        assertThat(r.receivedAt()).isEqualTo(Instant.parse("2025-03-10T10:30:46.120Z"));
        assertThat(r.flags()).doesNotContain(ResponseFlag.UNMATCHED, ResponseFlag.MALFORMED);
        assertThat(r.state()).isEqualTo(ResponseState.NEW);
        assertThat(f.customers.get("C-PERRIN").orElseThrow().contacts()).extracting(Contact::email)
                .containsExactly("comptabilite@perrin-immobilier.example.com",
                        "n.perrin@perrin-immobilier.example.com");
        assertThat(f.customers.get("C-LOOKALIKE").orElseThrow().contacts()).hasSize(1);
        assertThat(f.chat.posted()).singleElement().satisfies(card -> {
            assertThat(card.response().id()).isEqualTo(r.id());
            assertThat(card.customer().id()).isEqualTo("C-PERRIN");
        });
        assertThat(r.card()).isNotNull();
    }

    @Test
    void e16_redeliveredEvent_changesNothing() {
        f.store(E16_KEY, InboundFixture.caseFile("E16-token-in-second-recipient-reply-all.eml"));
        f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));
        Response first = f.responses.get(Ids.responseIdForMail(E16_SES_ID)).orElseThrow();

        f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));

        assertThat(responses().size()).isEqualTo(1);
        assertThat(f.chat.posted()).hasSize(1);
        assertThat(f.responses.get(first.id())).contains(first);
        assertThat(f.customers.get("C-PERRIN").orElseThrow().contacts()).hasSize(2);
    }

    @Test
    void e16_deliveryDiedPostingTheCard_aConcurrentRedeliveryWaits_theLaterRetryPostsOneCard() {
        f.store(E16_KEY, InboundFixture.caseFile("E16-token-in-second-recipient-reply-all.eml"));
        f.chat.failingPosts.set(1);
        assertThatThrownBy(() -> f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json")))
                .hasMessageContaining("slack unavailable");
        String id = Ids.responseIdForMail(E16_SES_ID);
        assertThat(f.responses.get(id)).hasValueSatisfying(r -> assertThat(r.card()).isNull());

        // SES's redelivery while the first delivery still holds the card: it must not post a second card
        f.now.set(InboundFixture.NOW.plusSeconds(10));
        assertThatThrownBy(() -> f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json")))
                .isInstanceOf(io.arfollowup.core.usecase.ReceiveEmail.CardInFlight.class);
        assertThat(f.chat.posted()).isEmpty();

        // Lambda's retry a minute later: the claim expired, the card is posted once and recorded
        f.now.set(InboundFixture.NOW.plusSeconds(70));
        f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));
        f.now.set(InboundFixture.NOW.plusSeconds(200));
        f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));

        assertThat(f.chat.posted()).singleElement().satisfies(card -> assertThat(card.response().id()).isEqualTo(id));
        assertThat(f.responses.get(id).orElseThrow().card()).isNotNull();
        assertThat(responses().size()).isEqualTo(1);
    }

    @Test
    void e16_deliveryDiedRightAfterStoringTheResponse_theRedeliveryStillLearnsTheContact() {
        f.store(E16_KEY, InboundFixture.caseFile("E16-token-in-second-recipient-reply-all.eml"));
        f.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));
        Response stored = f.responses.get(Ids.responseIdForMail(E16_SES_ID)).orElseThrow();
        // as if that delivery had died between storing the response and anything after it
        InboundFixture again = new InboundFixture();
        again.store(E16_KEY, InboundFixture.caseFile("E16-token-in-second-recipient-reply-all.eml"));
        again.responses.create(new Response(stored.id(), stored.channel(), stored.customerId(), stored.sender(),
                stored.senderName(), stored.receivedAt(), stored.subject(), stored.newText(), stored.language(),
                stored.rawKey(), stored.fullTextKey(), stored.attachments(), stored.itemRefs(), stored.answers(),
                stored.flags(), stored.token(), stored.messageId(), stored.state(), null, null),
                InboundFixture.NOW.minusSeconds(1));

        again.handle(InboundFixture.caseFile("E16-ses-receipt-event.json"));

        assertThat(again.customers.get("C-PERRIN").orElseThrow().contacts()).extracting(Contact::email)
                .contains("n.perrin@perrin-immobilier.example.com");
        assertThat(again.chat.posted()).hasSize(1);
    }

    @Test
    void s3Event_urlEncodedKeyWithPlus_readsTheObjectAtTheDecodedKey() {
        String key = "raw/demo/réponse client+1.eml";
        f.store(key, InboundFixture.caseFile("E16-token-in-second-recipient-reply-all.eml"));

        f.handle(InboundFixture.s3Event("inbound-mail", "raw/demo/r%C3%A9ponse+client%2B1.eml"));

        Response r = f.responses.get(Ids.responseIdForMail(key)).orElseThrow();
        assertThat(r.rawKey()).isEqualTo(key);
        assertThat(r.receivedAt()).isEqualTo(Instant.parse("2025-03-12T07:41:20.512Z"));
        // no envelope in a bare S3 event: the token comes from the To: header, re-cased as the client wrote it
        assertThat(r.customerId()).isEqualTo("C-PERRIN");
        assertThat(r.token()).isEqualToIgnoringCase("pq7vn2kxr4tz");
        assertThat(f.chat.posted()).hasSize(1);
    }

    @Test
    void messageThatCannotBeParsed_isStillStoredFlaggedAndShown() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        f.blobs.put("raw/garbage", garbage, "message/rfc822");

        f.handle(InboundFixture.s3Event("inbound-mail", "raw/garbage"));

        Response r = f.responses.get(Ids.responseIdForMail("raw/garbage")).orElseThrow();
        assertThat(r.flags()).contains(ResponseFlag.MALFORMED, ResponseFlag.UNMATCHED);
        assertThat(r.rawKey()).isEqualTo("raw/garbage");
        assertThat(f.blobs.objects()).containsKey("raw/garbage");
        assertThat(f.chat.posted()).singleElement().satisfies(card -> assertThat(card.response().id())
                .isEqualTo(r.id()));
    }

    @Test
    void missingObject_failsSoLambdaRetries_andStoresNothing() {
        assertThatThrownBy(() -> f.handle(InboundFixture.s3Event("inbound-mail", "raw/not-there-yet")))
                .isInstanceOf(RuntimeException.class);

        assertThat(responses().size()).isZero();
        assertThat(f.chat.posted()).isEmpty();
    }

    @Test
    void eventWithoutRecords_isRefused() {
        assertThatThrownBy(() -> f.handle("{\"Records\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.handle("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
