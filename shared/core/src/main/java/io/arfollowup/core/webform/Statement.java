package io.arfollowup.core.webform;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the customer's page shows: the customer, the open items (invoices first by due date, credit notes with
 * their negative amounts), the total due per currency (credit notes net it) and today's date in the customer's
 * zone (for days overdue and date checks).
 */
public record Statement(Customer customer, List<Item> items, LocalDate today) {

    public Statement {
        items = items.stream()
                .sorted(Comparator.comparing((Item i) -> i.kind() == ItemKind.CREDIT_NOTE)
                        .thenComparing(i -> i.dueDate() == null ? LocalDate.MAX : i.dueDate())
                        .thenComparing(Item::number))
                .toList();
    }

    /** The items the customer can answer about: open invoices (a credit note only nets the total). */
    public List<Item> answerable() {
        return items.stream().filter(Statement::isAnswerable).toList();
    }

    public List<Item> creditNotes() {
        return items.stream().filter(i -> i.kind() == ItemKind.CREDIT_NOTE).toList();
    }

    public Map<String, Item> answerableByNumber() {
        Map<String, Item> m = new LinkedHashMap<>();
        answerable().forEach(i -> m.put(i.number(), i));
        return m;
    }

    /** Sum of the open amounts per currency, credit notes included (negative). */
    public Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (Item i : items) {
            if (i.openAmount() != null) {
                m.merge(i.currency(), i.openAmount(), BigDecimal::add);
            }
        }
        return m;
    }

    public static boolean isAnswerable(Item i) {
        return i.kind() == ItemKind.INVOICE && i.openAmount() != null && i.openAmount().signum() > 0;
    }
}
