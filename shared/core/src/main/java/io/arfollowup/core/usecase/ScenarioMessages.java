package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ScenarioStep;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model a scenario reminder renders with (Mustache): the customer's due invoices, the open credit notes netted
 * against them, the total per currency, the reply address and the web-form link. Amounts in the customer's language.
 */
final class ScenarioMessages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ScenarioMessages() {
    }

    static Map<String, Object> model(Customer c, ScenarioStep step, List<Item> invoices, List<Item> creditNotes,
                                     LocalDate today, OutboundSettings outbound, String replyAddress, String webLink) {
        NumberFormat money = NumberFormat.getNumberInstance(c.language().locale());
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item i : invoices) {
            Map<String, Object> row = new HashMap<>();
            row.put("number", i.number());
            row.put("dueDate", i.dueDate() == null ? "" : DAY.format(i.dueDate()));
            long days = i.dueDate() == null ? 0 : ChronoUnit.DAYS.between(i.dueDate(), today);
            row.put("daysOverdue", Math.max(0, days));
            row.put("overdue", days > 0);
            row.put("openAmount", format(money, i.openAmount()));
            row.put("amount", format(money, i.amount()));
            row.put("currency", i.currency());
            rows.add(row);
        }
        List<Map<String, Object>> credits = new ArrayList<>();
        for (Item i : creditNotes) {
            Map<String, Object> row = new HashMap<>();
            row.put("number", i.number());
            row.put("openAmount", format(money, i.openAmount()));
            row.put("currency", i.currency());
            credits.add(row);
        }
        Map<String, BigDecimal> totals = totals(invoices, creditNotes);
        String main = totals.keySet().stream().findFirst().orElse("EUR");
        Map<String, Object> m = new HashMap<>();
        m.put("customerName", c.name());
        m.put("companyName", outbound.companyName());
        m.put("stepName", step.name() == null ? step.id() : step.name().in(c.language()));
        m.put("items", rows);
        m.put("itemNumbers", invoices.stream().map(Item::number).collect(Collectors.joining(", ")));
        m.put("creditNotes", credits);
        m.put("hasCreditNotes", !credits.isEmpty());
        m.put("total", format(money, totals.getOrDefault(main, BigDecimal.ZERO)));
        m.put("currency", main);
        m.put("totals", totals.entrySet().stream().map(e -> format(money, e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(" + ")));
        m.put("replyAddress", replyAddress == null ? "" : replyAddress);
        m.put("webLink", webLink == null ? "" : webLink);
        m.put("hasWebLink", webLink != null && !webLink.isBlank());
        return m;
    }

    /** The balance per currency, credit notes netted (insertion order: the invoices' first currency first). */
    static Map<String, BigDecimal> totals(List<Item> invoices, List<Item> creditNotes) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Item i : invoices) {
            totals.merge(i.currency(), i.openAmount(), BigDecimal::add);
        }
        for (Item i : creditNotes) {
            if (totals.containsKey(i.currency())) {
                totals.merge(i.currency(), i.openAmount(), BigDecimal::add);
            }
        }
        return totals;
    }

    /** "3905.40 EUR" or "2160.00 GBP + 10.00 EUR": for reports and logs, not for customers. */
    static String plain(Map<String, BigDecimal> totals) {
        return totals.entrySet().stream().map(e -> e.getValue().setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString() + " " + e.getKey()).collect(Collectors.joining(" + "));
    }

    static String format(NumberFormat money, BigDecimal value) {
        // Java formats French numbers with U+202F as group separator (JDK 13+): keep a plain space in mails
        return value == null ? "" : money.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
