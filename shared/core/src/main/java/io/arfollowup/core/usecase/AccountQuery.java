package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.DunningProgress;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.domain.PromiseStats;
import io.arfollowup.core.domain.ScenarioItem;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemLedger;
import io.arfollowup.core.port.PromiseStore;
import io.arfollowup.core.port.ScenarioLedger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The read side of holds, promises and the scenario, for {@code /ar} and the card's History (issue 5 renders them):
 * a customer's account (open items with hold and scenario step, open promises, kept rate, next scenario day), one
 * item with its audit trail, a collector's kept rate. Every read is a GetItem or one bounded Query.
 */
public final class AccountQuery {

    /** How many promises the kept rates read at most (the latest ones for a collector). */
    public static final int RATE_WINDOW = 200;
    public static final int HISTORY = 100;

    /** One open item as the account shows it. */
    public record Line(Item item, DunningProgress progress, boolean held) {
    }

    /** A customer's account. */
    public record Account(Customer customer, List<Line> items, List<Promise> openPromises, PromiseStats promises,
                          LocalDate nextScenarioDay) {
    }

    /** One item: where it stands, its promises and its history (oldest first). */
    public record ItemView(Item item, DunningProgress progress, List<Promise> promises, List<ItemEvent> history) {
    }

    private final CustomerStore customers;
    private final ItemLedger ledger;
    private final PromiseStore promises;
    private final ScenarioLedger scenario;
    private final AuditLog audit;
    private final Clock clock;

    public AccountQuery(CustomerStore customers, ItemLedger ledger, PromiseStore promises, ScenarioLedger scenario,
                        AuditLog audit, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.promises = promises;
        this.scenario = scenario;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Account> account(String customerId) {
        return customers.get(customerId).map(c -> {
            List<Line> lines = ledger.scenarioItems(customerId).stream().map(this::line).toList();
            List<Promise> all = promises.ofCustomer(customerId, RATE_WINDOW);
            return new Account(c, lines, all.stream().filter(p -> p.state() == PromiseState.OPEN).toList(),
                    PromiseStats.of(all), scenario.nextDay(customerId).orElse(null));
        });
    }

    /** {@code /ar FA-2025-00433}: the item by its number, with its audit trail. */
    public Optional<ItemView> item(String number) {
        return ledger.byNumber(number).map(i -> new ItemView(i, ledger.progress(i.customerId(), i.number()),
                promises.ofCustomer(i.customerId(), RATE_WINDOW).stream()
                        .filter(p -> p.itemNumbers().contains(i.number())).toList(),
                audit.history(i.customerId(), i.number(), HISTORY)));
    }

    public PromiseStats collector(String collector) {
        return PromiseStats.of(promises.settledFor(collector, RATE_WINDOW));
    }

    public PromiseStats customer(String customerId) {
        return PromiseStats.of(promises.ofCustomer(customerId, RATE_WINDOW));
    }

    private Line line(ScenarioItem si) {
        return new Line(si.item(), si.progress(), si.item().hold() != null && si.item().hold().activeAt(clock.instant()));
    }
}
