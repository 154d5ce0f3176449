package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.InternalAnswer;
import io.arfollowup.core.domain.InternalAnswerChoice;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.EngineLauncher;
import io.arfollowup.testing.engines.RunningEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The follow-up engine's writes on dynalite: replace (postpone/confirm), stale claims, single-use answers, once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpEngineStoresIT {

    private RunningEngine engine;
    private DynamoDbClient dynamo;
    private final String table = "fu-engine-" + System.nanoTime();

    @BeforeAll
    void start() {
        engine = EngineLauncher.forThisCheckout().start(Engine.DYNALITE);
        dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_3)
                .endpointOverride(engine.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
        SingleTable.createIfMissing(dynamo, table);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    private FollowUp planned(String id, Instant due) {
        return new FollowUp(id, "C1", "R1", List.of("FA-1", "FA-2"), "PAYMENT_PROMISE", "payment-promise-check",
                FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, due, ZoneId.of("Europe/Paris"), FollowUpState.PLANNED, id,
                "U1", "comment", null, null);
    }

    @Test
    void replace_keepsCardAndEditedText_onlyFromTheExpectedState() {
        DynamoDbFollowUpStore store = new DynamoDbFollowUpStore(dynamo, table);
        Instant due = Instant.parse("2025-11-10T08:00:00Z");
        store.create(planned("fu-r", due));
        FollowUp parked = planned("fu-r", due).withCard(new CardRef("C1", "1.2"))
                .withState(FollowUpState.AWAITING_CONFIRMATION, "asked");

        assertThat(store.replace(parked, FollowUpState.PLANNED)).isTrue();
        FollowUp confirmed = parked.withMode(FollowUpMode.AUTOMATIC).withEdited(new TemplateContent("S", "B"))
                .withDue(due.plusSeconds(60)).withState(FollowUpState.PLANNED, "confirmed");
        assertThat(store.replace(confirmed, FollowUpState.AWAITING_CONFIRMATION)).isTrue();
        assertThat(store.replace(confirmed, FollowUpState.AWAITING_CONFIRMATION)).isFalse(); // the double click

        FollowUp read = store.get("fu-r").orElseThrow();
        assertThat(read.card()).isEqualTo(new CardRef("C1", "1.2"));
        assertThat(read.edited()).isEqualTo(new TemplateContent("S", "B"));
        assertThat(read.mode()).isEqualTo(FollowUpMode.AUTOMATIC);
        // the state index follows: it is due and PLANNED again
        assertThat(store.duePlanned(due.plusSeconds(3600), 10)).extracting(FollowUp::id).contains("fu-r");
    }

    @Test
    void staleRunning_findsOnlyClaimsOlderThanTheLease() {
        DynamoDbFollowUpStore store = new DynamoDbFollowUpStore(dynamo, table);
        Instant now = Instant.parse("2025-11-10T08:00:30Z");
        store.create(planned("fu-s1", now.plusSeconds(120)));
        store.create(planned("fu-s2", now));
        store.claim("fu-s1", now, Duration.ofMinutes(5));
        store.claim("fu-s2", now.plusSeconds(200), Duration.ofMinutes(5));

        assertThat(store.staleRunning(now.plus(Duration.ofMinutes(5)).plusSeconds(1).minus(Duration.ofMinutes(5)), 10))
                .extracting(FollowUp::id).containsExactly("fu-s1");
    }

    @Test
    void internalAnswers_areSingleUse_andAppliedOnce() {
        DynamoDbInternalAnswerStore store = new DynamoDbInternalAnswerStore(dynamo, table);
        InternalAnswer a = new InternalAnswer("lk-1", "fu-1", "C1", List.of("FA-1"), InternalAnswerChoice.RESOLVED,
                "avoir émis", null, null, "facturation@x.example", Instant.parse("2025-11-10T08:00:00Z"), false);

        assertThat(store.create(a)).isTrue();
        assertThat(store.create(a)).isFalse();
        assertThat(store.get("lk-1")).contains(a);
        assertThat(store.markApplied("lk-1")).isTrue();
        assertThat(store.markApplied("lk-1")).isFalse();
        assertThat(store.get("lk-1").orElseThrow().applied()).isTrue();
    }

    @Test
    void once_claimsOnce_andReleaseLetsTheRetryClaim() {
        DynamoDbOnceStore once = new DynamoDbOnceStore(dynamo, table);
        Instant at = Instant.parse("2025-11-10T08:00:00Z");
        assertThat(once.claim("notify/R1/1", at)).isTrue();
        assertThat(once.claim("notify/R1/1", at)).isFalse();
        once.release("notify/R1/1");
        assertThat(once.claim("notify/R1/1", at)).isTrue();
    }
}
