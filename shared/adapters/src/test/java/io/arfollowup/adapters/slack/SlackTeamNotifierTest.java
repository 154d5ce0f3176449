package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseSource;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.port.ScenarioReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackTeamNotifierTest {

    private final SlackTeamNotifier fr = new SlackTeamNotifier(null, "C1", Language.FR);
    private final SlackTeamNotifier en = new SlackTeamNotifier(null, "C1", Language.EN);

    @Test
    void everyTextExistsInFrenchAndEnglish() {
        SlackTeamNotifier.all().forEach((k, v) -> {
            assertThat(v).as(k).hasSize(2);
            assertThat(v[0]).as(k).isNotBlank();
            assertThat(v[1]).as(k).isNotBlank().isNotEqualTo(v[0]);
        });
        for (ScenarioReport.Reason r : ScenarioReport.Reason.values()) {
            assertThat(SlackTeamNotifier.all()).containsKey(r.name());
        }
    }

    @Test
    void theScenarioSummary_countsByReason_listsHeldItems_andEscapesNames() {
        ScenarioReport r = new ScenarioReport(LocalDate.of(2025, 11, 7),
                List.of(new ScenarioReport.Sent("c1", "Thornbury & Pell <Ltd>", "formal-notice", 30,
                        List.of("FA-1", "FA-2"), "1200.00 EUR", "<m@x>")),
                List.of(new ScenarioReport.Skipped("c2", "Remparts", "FA-9", ScenarioReport.Reason.HELD,
                        "COMMERCIAL_DISPUTE until 2026-01-04"),
                        new ScenarioReport.Skipped("c3", "Kerlann", null, ScenarioReport.Reason.ALREADY_REMINDED_TODAY,
                                "2025-11-07")), 3, 0, null);

        String text = fr.render(r);

        assertThat(text).startsWith("📬 *Relances du 07/11/2025* : 1 e-mail(s) envoyé(s), 3 client(s) examiné(s)");
        assertThat(text).contains("Thornbury &amp; Pell &lt;Ltd&gt;").contains("1 pièce(s) suspendue(s)")
                .contains("1 client(s) déjà relancé(s) aujourd'hui").contains("⏸ Remparts FA-9");
        assertThat(en.render(r)).startsWith("📬 *Reminders of 07/11/2025*: 1 e-mail(s) sent");
    }

    @Test
    void theImportResult_listsEachRejectedRow() {
        ImportReport r = new ImportReport("imports/payments-1.csv", "payments", 5, 0, 4, 0,
                List.of(new ImportReport.RowError(6, "number", "no item FA-2099")), false, List.of());

        assertThat(en.render(r)).contains("*Import payments-1.csv* (payments): 5 row(s), 0 created, 4 updated")
                .contains("• line 6, column number: no item FA-2099");
        assertThat(fr.render(r)).contains("• ligne 6, colonne number : no item FA-2099");
    }

    @Test
    void aBrokenPromise_namesTheCustomerTheItemsAndWhatWasPaid() {
        Promise p = new Promise("pr-1", "c1", null, "fu-1", List.of("FA-1", "FA-2"), LocalDate.of(2025, 11, 14),
                LocalDate.of(2025, 11, 17), new BigDecimal("2400.00"), "EUR", PromiseSource.EMAIL,
                PromiseState.BROKEN, "U1", Instant.now(), Instant.now(), List.of("FA-1"), List.of("FA-2"), false);
        Customer c = new Customer("c1", "Café des Canuts", null, null, null, List.of(), null, null);

        assertThat(fr.render(p, c)).startsWith("⚠️ *Promesse non tenue* — Café des Canuts : FA-2")
                .contains("14/11/2025").contains("Payées à temps : FA-1.");
    }
}
