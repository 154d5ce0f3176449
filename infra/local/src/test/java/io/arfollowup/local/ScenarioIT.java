package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.adapters.dynamodb.DynamoDbAuditLog;
import io.arfollowup.adapters.dynamodb.DynamoDbCustomerStore;
import io.arfollowup.adapters.dynamodb.DynamoDbItemLedger;
import io.arfollowup.adapters.dynamodb.DynamoDbReplyTokenStore;
import io.arfollowup.adapters.dynamodb.DynamoDbScenarioLedger;
import io.arfollowup.adapters.dynamodb.DynamoDbScenarioStore;
import io.arfollowup.adapters.config.YamlScenario;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.usecase.Holds;
import io.arfollowup.core.usecase.ImportFile;
import io.arfollowup.core.usecase.RunScenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The daily scenario on the real engines: DynamoDB on dynalite (every call counted by an SDK ExecutionInterceptor),
 * e-mails through aws-ses-v2-local, the summary to the Slack stand-in. A customer with 200 invoices gets one e-mail
 * from a handful of reads; a second run the same day sends nothing; a missed day is caught up; held items stay out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioIT {

    private final ZoneId paris = ZoneId.of("Europe/Paris");
    private final LocalDate today = LocalDate.now(paris);
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private LocalEnvironment env;
    private Components c;
    private RunScenario scenario;

    @BeforeAll
    void start() throws Exception {
        env = new LocalEnvironment(null, Clock.systemUTC());
        c = env.components();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
                calls.merge(ctx.request().getClass().getSimpleName().replace("Request", ""), 1, Integer::sum);
            }
        };
        DynamoDbClient counted = DynamoDbClient.builder().endpointOverride(env.dynamo().endpoint())
                .region(Region.EU_WEST_3).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
        String t = LocalEnvironment.TABLE;
        DynamoDbItemLedger ledger = new DynamoDbItemLedger(counted, t);
        DynamoDbScenarioLedger scenarioLedger = new DynamoDbScenarioLedger(counted, t);
        DynamoDbAuditLog audit = new DynamoDbAuditLog(counted, t);
        Holds holds = new Holds(c.items(), ledger, scenarioLedger, audit, Clock.systemUTC(), paris);
        scenario = new RunScenario(new DynamoDbScenarioStore(counted, t, () -> YamlScenario.bundled(c.rules()),
                Clock.systemUTC()), scenarioLedger, ledger, new DynamoDbCustomerStore(counted, t), c.rules(),
                c.renderer(), c.mailer(), new DynamoDbReplyTokenStore(counted, t), c.replyAddresses(),
                c.webFormLinks(), c.outbound(), holds, null, c.team(), audit, Clock.systemUTC(), paris);

        StringBuilder customers = new StringBuilder("id,name,language,country,time_zone,contact_email\n");
        customers.append("big,Grands Magasins Lumière,fr,FR,Europe/Paris,compta@gm-lumiere.example\n");
        customers.append("small,Small Works Ltd,en,GB,Europe/London,ap@smallworks.example\n");
        customers.append("held,Hôtel Suspendu,fr,FR,Europe/Paris,compta@suspendu.example\n");
        drop("imports/customers.csv", customers.toString());
        StringBuilder items = new StringBuilder("customer_id,number,amount,due_date\n");
        for (int i = 0; i < 200; i++) {
            items.append("big,FA-2025-7").append(String.format("%04d", i)).append(",")
                    .append(100 + i).append(".50,{today-").append(8 + i % 20).append("}\n");
        }
        items.append("big,AV-2025-7999,-250.00,{today-30}\n");
        items.append("small,FA-2025-80001,480.00,{today-5}\n");
        items.append("held,FA-2025-90001,900.00,{today-20}\n");
        items.append("held,FA-2025-90002,300.00,{today-20}\n");
        drop("imports/items.csv", items.toString());
        c.items().qualify("held", "FA-2025-90001", "COMMERCIAL_DISPUTE", "prix contesté", "U0COLLECT1",
                new Hold("COMMERCIAL_DISPUTE", Instant.now(), Instant.now().plusSeconds(86_400L * 60)));
    }

    private void drop(String key, String csv) throws Exception {
        c.blobs().put(key, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        c.importFile().handle(new ImportFile.Command(key));
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private int reads() {
        return calls.getOrDefault("Query", 0) + calls.getOrDefault("GetItem", 0) + calls.getOrDefault("Scan", 0);
    }

    private List<JsonNode> sentTo(String address) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                env.ses().endpoint() + "/store")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : LocalJson.read(r.body()).path("emails")) {
            if (e.path("destination").path("to").toString().contains(address)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void aDayOfReminders_oneEmailPerCustomer_boundedReads_onceADay_heldItemsSkipped_missedDayCaughtUp()
            throws Exception {
        calls.clear();
        ScenarioReport first = scenario.handle(new RunScenario.Command(today, null, 100));

        // 200 invoices, one e-mail, in French, credit note netted; the reads do not grow with the items
        List<JsonNode> big = sentTo("compta@gm-lumiere.example");
        assertThat(big).hasSize(1);
        assertThat(big.get(0).path("subject").asText()).startsWith("Atelier Lumen – 2e relance");
        String text = big.get(0).path("body").path("text").asText();
        assertThat(text).contains("FA-2025-70000").contains("FA-2025-70199").contains("AV-2025-7999")
                .contains("Avoirs déduits").contains("http://127.0.0.1:8787/r/");
        assertThat(first.sent()).filteredOn(s -> s.customerId().equals("big")).singleElement()
                .satisfies(s -> assertThat(s.items()).hasSize(200));
        assertThat(calls.getOrDefault("Scan", 0)).isZero();
        int reads = reads();
        System.out.println("scenario run, 3 customers / 204 items: DynamoDB calls " + new java.util.TreeMap<>(calls));
        assertThat(reads).as("reads for 3 customers and 203 items: " + calls).isLessThanOrEqualTo(3 * 3 + 2);

        // held invoice skipped, the other one of that customer sent
        assertThat(first.skipped()).anySatisfy(s -> {
            assertThat(s.itemNumber()).isEqualTo("FA-2025-90001");
            assertThat(s.reason()).isEqualTo(ScenarioReport.Reason.HELD);
        });
        assertThat(sentTo("compta@suspendu.example")).singleElement().satisfies(e -> assertThat(
                e.path("body").path("text").asText()).contains("FA-2025-90002").doesNotContain("FA-2025-90001"));
        // the English customer, courtesy step (5 days late: D-3 reached), its reply token stored
        JsonNode small = sentTo("ap@smallworks.example").get(0);
        assertThat(small.path("subject").asText()).isEqualTo("Atelier Lumen – your upcoming due dates");

        // a second run the same day: nothing sent
        ScenarioReport second = scenario.handle(new RunScenario.Command(today, null, 100));
        assertThat(second.sent()).isEmpty();
        assertThat(sentTo("compta@gm-lumiere.example")).hasSize(1);

        // the runs of the next days were missed: the next run catches up the first-reminder step of "small"
        ScenarioReport later = scenario.handle(new RunScenario.Command(today.plusDays(5), null, 100));
        assertThat(later.sent()).filteredOn(s -> s.customerId().equals("small")).singleElement()
                .satisfies(s -> assertThat(s.stepId()).isEqualTo("first-reminder"));
        assertThat(sentTo("ap@smallworks.example")).hasSize(2);
        assertThat(env.slack().calls("chat.postMessage")).anySatisfy(m -> assertThat(m.get("text"))
                .startsWith("📬"));
    }
}
