package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.functions.imports.ImportsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * CSV imports end to end on the real engines: each file goes into s3rver under imports/ and through the imports
 * handler with the S3 event Lambda would get; the stores are dynalite; the result message reaches the Slack stand-in.
 * Excel's byte-order mark, ';' separators, French decimals, a bad row, the same file twice, payments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    private LocalEnvironment env;
    private Components c;
    private ImportsHandler handler;

    @BeforeAll
    void start() {
        env = new LocalEnvironment(null, Clock.systemUTC());
        c = env.components();
        handler = new ImportsHandler(c::importFile);
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private ImportReport drop(String key, byte[] content) {
        try {
            c.blobs().put(key, content, "text/csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{"
                + "\"bucket\":{\"name\":\"" + LocalEnvironment.BUCKET + "\"},\"object\":{\"key\":\""
                + key.replace(" ", "+") + "\"}}}]}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return LocalJson.MAPPER.convertValue(LocalJson.read(out.toString(StandardCharsets.UTF_8)).get(0),
                ImportReport.class);
    }

    private static byte[] excel(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    @Test
    @Order(1)
    void customersFromExcel_withABomAndSemicolons_load_andABadRowIsReportedWithItsLineAndColumn() {
        ImportReport r = drop("imports/customers 2025-11.csv", excel("""
                ID;Name;Language;Country;Time zone;Collector;Sales rep;Contact email;Contact name
                imp-brasserie;Brasserie du Port;fr;FR;Europe/Paris;U0COLLECT1;julien.lefort@atelier-lumen.example;compta@brasserie-port.example;Léa Martin
                imp-oakridge;Oakridge Studio Ltd;en;GB;Europe/London;U0COLLECT3;;ap@oakridge.example;Accounts
                imp-bad;Mauvais Fuseau;fr;FR;Europe/Lyon;U0COLLECT1;;x@bad.example;X
                """));

        assertThat(r.kind()).isEqualTo("customers");
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("time_zone");
            assertThat(e.reason()).contains("Europe/Lyon");
        });
        assertThat(r.notes()).anyMatch(n -> n.contains("byte-order mark"));
        var brasserie = c.customers().get("imp-brasserie").orElseThrow();
        assertThat(brasserie.primaryContact().orElseThrow().email()).isEqualTo("compta@brasserie-port.example");
        assertThat(brasserie.salesRep()).isEqualTo("julien.lefort@atelier-lumen.example");
        assertThat(c.customers().get("imp-oakridge").orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.customers().get("imp-bad")).isEmpty();
        assertThat(env.slack().calls("chat.postMessage")).anySatisfy(m -> assertThat(m.get("text"))
                .contains("customers 2025-11.csv"));
    }

    @Test
    @Order(2)
    void itemsWithFrenchAndEnglishDecimals_andCreditNotes_load_andTheCustomerEntersTheScenario() {
        ImportReport r = drop("imports/items-fr.csv", excel("""
                customer_id;number;kind;amount;open_amount;currency;issue_date;due_date
                imp-brasserie;FA-2025-09001;INVOICE;1 234,56;1 234,56;EUR;{today-40};{today-10}
                imp-brasserie;FA-2025-09002;INVOICE;2 000,00;500,00;EUR;01/10/2025;2025-10-31
                imp-brasserie;AV-2025-0901;CREDIT_NOTE;120,00;;EUR;{today-20};
                imp-brasserie;FA-2025-09003;INVOICE;abc;;EUR;{today-5};{today+25}
                imp-nobody;FA-2025-09004;INVOICE;10,00;;EUR;{today};{today+30}
                """));
        ImportReport en = drop("imports/items-en.csv", """
                customer_id,number,amount,currency,due_date
                imp-oakridge,FA-2025-09101,"1,234.56",GBP,{today-3}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(r.created()).isEqualTo(3);
        assertThat(r.errors()).extracting(ImportReport.RowError::line, ImportReport.RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "amount"),
                        org.assertj.core.groups.Tuple.tuple(6L, "customer_id"));
        Item fr = c.items().get("imp-brasserie", "FA-2025-09001").orElseThrow();
        assertThat(fr.amount()).isEqualByComparingTo("1234.56");
        assertThat(fr.dueDate()).isEqualTo(today.minusDays(10));
        Item credit = c.items().get("imp-brasserie", "AV-2025-0901").orElseThrow();
        assertThat(credit.kind()).isEqualTo(ItemKind.CREDIT_NOTE);
        assertThat(credit.openAmount()).isEqualByComparingTo("-120.00");
        assertThat(c.items().get("imp-brasserie", "FA-2025-09002").orElseThrow().openAmount())
                .isEqualByComparingTo("500");
        assertThat(en.created()).isEqualTo(1);
        assertThat(c.items().get("imp-oakridge", "FA-2025-09101").orElseThrow().amount())
                .isEqualByComparingTo("1234.56");
        assertThat(c.scenarioLedger().nextDay("imp-brasserie")).isPresent();
        assertThat(c.audit().history("imp-brasserie", "FA-2025-09001", 10)).singleElement()
                .satisfies(e -> assertThat(e.cause()).contains("items-fr.csv line 2"));
    }

    @Test
    @Order(3)
    void theSameFileTwice_changesNothing_andAChangedFileChangesOnlyWhatDiffers() {
        byte[] file = excel("""
                customer_id;number;amount;due_date
                imp-oakridge;FA-2025-09102;300,00;2025-12-01
                """);
        assertThat(drop("imports/items-again.csv", file).created()).isEqualTo(1);
        int events = c.audit().history("imp-oakridge", "FA-2025-09102", 50).size();

        ImportReport again = drop("imports/items-again-copy.csv", file);

        assertThat(again.alreadyImported()).isTrue();
        assertThat(c.audit().history("imp-oakridge", "FA-2025-09102", 50)).hasSize(events);

        ImportReport changed = drop("imports/items-again-2.csv", excel("""
                customer_id;number;amount;due_date
                imp-oakridge;FA-2025-09102;300,00;2025-12-15
                imp-oakridge;FA-2025-09101;1 234,56;{today-3}
                """));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(c.audit().history("imp-oakridge", "FA-2025-09102", 50)).filteredOn(e -> e.field()
                .equals("dueDate")).singleElement().satisfies(e -> {
                    assertThat(e.before()).isEqualTo("2025-12-01");
                    assertThat(e.after()).isEqualTo("2025-12-15");
                });
    }

    @Test
    @Order(4)
    void payments_closeItems_releaseTheirHold_cancelTheirFollowUps_once() {
        Item held = c.items().get("imp-brasserie", "FA-2025-09001").orElseThrow();
        c.items().qualify(held.customerId(), held.number(), "ALREADY_PAID", "says paid", "U0COLLECT1",
                new Hold("ALREADY_PAID", Instant.now(), Instant.now().plusSeconds(86_400 * 15)));
        FollowUp check = new FollowUp("fu-import-it-1", "imp-brasserie", null, List.of("FA-2025-09001"),
                "ALREADY_PAID", "verify-remittance", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION,
                Instant.now().plusSeconds(86_400 * 2), ZoneId.of("Europe/Paris"), FollowUpState.PLANNED,
                "fu-import-it-1", "U0COLLECT1", null, null, null);
        c.followUps().create(check);
        c.scheduler().schedule(check);

        byte[] payments = excel("""
                reference;number;amount;date
                VIR-2025-7781;FA-2025-09001;1 234,56;{today}
                VIR-2025-7782;FA-2025-09002;200,00;{today}
                VIR-2025-7783;FA-2099-00000;10,00;{today}
                """);
        ImportReport r = drop("imports/payments-1.csv", payments);

        assertThat(r.updated()).isEqualTo(2);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo("number"));
        Item paid = c.items().get("imp-brasserie", "FA-2025-09001").orElseThrow();
        assertThat(paid.openAmount()).isEqualByComparingTo("0");
        assertThat(paid.hold()).isNull();
        assertThat(c.items().get("imp-brasserie", "FA-2025-09002").orElseThrow().openAmount())
                .isEqualByComparingTo("300");
        assertThat(c.followUps().get("fu-import-it-1").orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(env.scheduler().schedules()).doesNotContainKey("fu-import-it-1");
        assertThat(c.audit().history("imp-brasserie", "FA-2025-09001", 50)).extracting(ItemEvent::field)
                .contains("openAmount", "hold");

        // the same payments in another file (a bank export overlapping the previous one): nothing applied twice
        ImportReport overlap = drop("imports/payments-2.csv", excel("""
                reference;number;amount;date
                VIR-2025-7782;FA-2025-09002;200,00;{today}
                """));
        assertThat(overlap.unchanged()).isEqualTo(1);
        assertThat(c.items().get("imp-brasserie", "FA-2025-09002").orElseThrow().openAmount())
                .isEqualByComparingTo(new BigDecimal("300"));
    }

    @Test
    @Order(5)
    void colleaguesAndInvoicePdfs() throws Exception {
        ImportReport r = drop("imports/colleagues.csv", """
                role,email,customer_id
                BILLING,facturation.sud@atelier-lumen.example,
                SALES_REP,export@atelier-lumen.example,imp-oakridge
                JANITOR,someone@atelier-lumen.example,
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo("role"));
        var oak = c.customers().get("imp-oakridge").orElseThrow();
        assertThat(c.colleagues().addresses(RecipientRule.SALES_REP, oak)).containsExactly(
                "export@atelier-lumen.example");
        assertThat(c.colleagues().addresses(RecipientRule.BILLING, oak)).containsExactly(
                "facturation.sud@atelier-lumen.example");

        byte[] pdf = "%PDF-1.4\n%demo\n".getBytes(StandardCharsets.US_ASCII);
        c.blobs().put("imports/documents/FA-2025-09101.pdf", pdf, "application/pdf");
        ImportReport doc = drop("imports/documents/FA-2025-09101.pdf", pdf);
        assertThat(doc.clean()).isTrue();
        assertThat(c.items().get("imp-oakridge", "FA-2025-09101").orElseThrow().documentKey())
                .isEqualTo("imports/documents/FA-2025-09101.pdf");
        ImportReport unknown = drop("imports/documents/FA-2099-1.pdf", pdf);
        assertThat(unknown.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("FA-2099-1"));
    }

    @Test
    @Order(6)
    void aRejectedCell_isReportedToThePerson_butNeverWrittenToTheLog() {
        java.io.PrintStream original = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(logs, true, StandardCharsets.UTF_8));
        ImportReport r;
        try {
            r = drop("imports/contacts-typo.csv", """
                    customer_id,email,name
                    imp-brasserie,lea.martin@@brasserie-port.example,Léa Martin
                    """.getBytes(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }

        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("email");
            assertThat(e.reason()).contains("lea.martin@@brasserie-port.example"); // the person needs to see it
        });
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("row rejected")
                .doesNotContain("lea.martin");
    }
}
