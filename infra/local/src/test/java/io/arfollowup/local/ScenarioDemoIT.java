package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.usecase.PromiseCheck;
import io.arfollowup.testing.engines.EngineLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 7's part of `make demo` (ScenarioDemo, after step e), on the real engines: the sample data came in through
 * the importer, a scenario day skipped the held items, a broken promise put its item back in the chase, a kept one
 * closed it, and everything left its trace in the audit trail, in Slack and in the local SES.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioDemoIT {

    private final Path root = EngineLauncher.repositoryRoot();
    private LocalEnvironment env;
    private LocalRuntime runtime;
    private ScenarioDemo.Report report;
    private String console;
    private Demo demo;

    @BeforeAll
    void runTheDemo() {
        env = new LocalEnvironment(null, Clock.systemUTC());
        runtime = new LocalRuntime(env, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        demo = new Demo(runtime, root.resolve("events/demo"), new PrintStream(out, true, StandardCharsets.UTF_8));
        demo.run(root.resolve("events/emails"));
        report = demo.scenario();
        console = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        runtime.close();
        env.close();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theSampleDataCameInThroughTheImporter_andTheImportsOfStepF_didWhatTheySay() {
        assertThat(console).contains("data: 38 customers, 85 items, 36 reply tokens, imported through imports/");
        ImportReport again = report.imports().get(0);
        assertThat(again.alreadyImported()).isTrue();
        ImportReport payments = report.imports().get(1);
        assertThat(payments.updated()).isEqualTo(4);
        assertThat(payments.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.column()).isEqualTo("number");
        });
        var c = env.components();
        assertThat(c.items().get("thornburypell", "FA-2025-00417").orElseThrow().isPaid()).isTrue();
        assertThat(c.items().get("thornburypell", "FA-2025-00417").orElseThrow().hold()).isNull();
        assertThat(c.customerFollowUps().ofCustomer("maison-brevant", 10)).filteredOn(f -> f.statusCode()
                .equals("ALREADY_PAID")).allSatisfy(f -> assertThat(f.state()).isEqualTo(FollowUpState.CANCELLED));
        assertThat(c.items().get("cafe-des-canuts", "FA-2025-00561").orElseThrow().openAmount())
                .isEqualByComparingTo("384.00");
        assertThat(report.imports().get(3).clean()).isTrue();
        assertThat(c.items().get("ashdownhotels", "FA-2025-00447").orElseThrow().documentKey())
                .isEqualTo("imports/documents/FA-2025-00447.pdf");
    }

    @Test
    void aScenarioDay_sendsOneReminderPerCustomer_skipsHeldItems_andASecondRunSendsNothing() throws Exception {
        JsonNode run = report.firstRun().get(0);
        assertThat(run.path("sent").size()).isGreaterThan(20);
        List<String> reminded = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        run.path("sent").forEach(s -> {
            reminded.addAll(texts(s.path("items")));
            customers.add(s.path("customerId").asText());
        });
        assertThat(customers).doesNotHaveDuplicates();
        List<String> held = new ArrayList<>();
        run.path("skipped").forEach(s -> {
            if (s.path("reason").asText().equals("HELD")) {
                held.add(s.path("itemNumber").asText());
            }
        });
        assertThat(held).contains("FA-2025-00426", "FA-2025-00432"); // (FA-2025-00409 was resolved at step g)
        assertThat(reminded).doesNotContainAnyElementsOf(held);
        assertThat(report.secondRun().get(0).path("sent").size()).isZero();

        // the Café des Canuts reminder: French, credit note netted, reply address and web link
        HttpResponse<String> store = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                env.ses().endpoint() + "/store")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode canuts = null;
        for (JsonNode e : LocalJson.read(store.body()).path("emails")) {
            if (e.path("destination").path("to").toString().contains("elodie.ferrand@cafe-des-canuts.example")) {
                canuts = e;
            }
        }
        assertThat(canuts).isNotNull();
        assertThat(canuts.path("subject").asText()).isEqualTo("Atelier Lumen – vos prochaines échéances");
        assertThat(canuts.path("body").path("text").asText()).contains("FA-2025-00433").contains("AV-2025-0074")
                .contains("2 220,00 EUR").contains("http://127.0.0.1:8787/r/");
        assertThat(canuts.path("replyTo").path(0).asText()).matches("reply\\+[a-z2-7]{20}@inbound\\.atelier-lumen\\.example");
        assertThat(env.slack().calls("chat.postMessage")).anySatisfy(m -> assertThat(m.get("text")).startsWith("📬"));
    }

    @Test
    void aBrokenPromise_resumesTheChase_andItsFollowUpAsksTheOwner() {
        assertThat(report.broken()).extracting(p -> p.brokenItems().get(0)).contains("FA-2025-00433", "FA-2025-00413");
        assertThat(report.brokenItemsReminded()).contains("FA-2025-00433");
        var item = env.components().items().get("cafe-des-canuts", "FA-2025-00433").orElseThrow();
        assertThat(item.status()).isEqualTo("PROMISE_BROKEN");
        assertThat(item.hold()).isNull();
        // its broken-promise follow-up asked the owner (step g of issue 6 clicks Send now on Café des Canuts' one)
        assertThat(env.components().customerFollowUps().ofCustomer("cafe-des-canuts", 20))
                .filteredOn(f -> f.statusCode().equals(PromiseCheck.BROKEN_STATUS)).singleElement()
                .satisfies(f -> assertThat(f.state()).isIn(FollowUpState.AWAITING_CONFIRMATION, FollowUpState.DONE));
        assertThat(env.components().customerFollowUps().ofCustomer("larkspur-interiors", 20))
                .filteredOn(f -> f.statusCode().equals(PromiseCheck.BROKEN_STATUS)).singleElement()
                .satisfies(f -> assertThat(f.state()).isEqualTo(FollowUpState.AWAITING_CONFIRMATION));
        assertThat(env.slack().calls("chat.postMessage")).anySatisfy(m -> {
            assertThat(m.get("channel")).isEqualTo("U0COLLECT1");
            assertThat(m.get("text")).contains("Broken promise").contains("Café des Canuts");
        });
        assertThat(report.history()).extracting(ItemEvent::field)
                .contains("item", "status", "promise", "hold", "scenario");
    }

    @Test
    void aPromiseAnsweredToTodaysReminder_isKeptWhenThePaymentComesIn() {
        assertThat(report.kept()).isNotNull();
        assertThat(report.kept().state()).isEqualTo(PromiseState.KEPT);
        String number = report.kept().itemNumbers().get(0);
        assertThat(env.components().items().get(report.kept().customerId(), number).orElseThrow().status())
                .isEqualTo(PromiseCheck.KEPT_STATUS);
        assertThat(env.scheduler().schedule(report.kept().followUpId())).isEmpty();
        assertThat(report.rates().get("U0COLLECT1").kept()).isEqualTo(1);
        assertThat(report.rates().get("U0COLLECT1").broken()).isEqualTo(1);
    }

    @Test
    void theQualifiedCard_showsTheHold_andItsReleaseButtonPutsTheItemBackInTheChase() {
        var c = env.components();
        var response = c.responses().get(io.arfollowup.core.token.Ids.responseIdForMail("demo-"
                + io.arfollowup.core.token.Ids.derived("", "02_outlook_fr_commercial_dispute.eml").substring(0, 20)))
                .orElseThrow();
        var card = env.slack().message(response.card().channel(), response.card().ts()).orElseThrow();
        assertThat(card.blocks().toString()).contains("release_hold_FA202500426").contains("FA-2025-00426");

        int status = demo.slackClient().clickButton("U0COLLECT2", response.card().channel(), response.card().ts(),
                "release_hold_FA202500426", "hotel-remparts|FA-2025-00426");

        assertThat(status).isEqualTo(200);
        assertThat(c.items().get("hotel-remparts", "FA-2025-00426").orElseThrow().hold()).isNull();
        assertThat(c.audit().history("hotel-remparts", "FA-2025-00426", 50)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("hold");
            assertThat(e.actor()).isEqualTo("U0COLLECT2");
            assertThat(e.after()).isNull();
        });
        assertThat(c.scenarioLedger().nextDay("hotel-remparts")).hasValueSatisfying(d ->
                assertThat(d).isBeforeOrEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))));
    }
}
