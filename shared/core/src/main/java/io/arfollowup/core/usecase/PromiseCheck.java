package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseSource;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpGuard;
import io.arfollowup.core.port.FollowUpScheduler;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.PromiseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.TeamNotifier;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * F8, the promise check, plugged into the follow-up runner as its {@link FollowUpGuard}. A follow-up whose rule
 * checks a promise (delay "after the promised date") is settled here and never reaches the runner's modes:
 * <ul>
 * <li>every item paid → the promise is KEPT, the items take PROMISE_KEPT, no card;</li>
 * <li>unpaid → BROKEN: the items take PROMISE_BROKEN, their hold is released so the scenario resumes, the owner is
 * alerted in Slack and the PROMISE_BROKEN rule's follow-up is planned and scheduled;</li>
 * <li>partly paid → the paid items are kept, the others broken (the promise is BROKEN and lists both).</li>
 * </ul>
 * Idempotent: the promise's state change is one conditional write; a retry after it re-applies the item statuses
 * (same values), re-creates the follow-up only if absent (deterministic id), and alerts the owner only once (the alert is
 * claimed by a conditional write before it is sent, and given back if sending fails).
 * <p>Other follow-ups pass through, except that a hold "until the check" of their status is released when the check
 * comes (PAYMENT_IN_PROGRESS).
 */
public final class PromiseCheck implements FollowUpGuard {

    public static final String KEPT_STATUS = "PROMISE_KEPT";
    public static final String BROKEN_STATUS = "PROMISE_BROKEN";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PromiseStore promises;
    private final CustomerStore customers;
    private final ItemStore items;
    private final FollowUpStore followUps;
    private final FollowUpScheduler scheduler;
    private final RuleCatalog rules;
    private final FollowUpPlanner planner;
    private final Holds holds;
    private final TeamNotifier team;
    private final Audit audit;
    private final Clock clock;

    public PromiseCheck(PromiseStore promises, CustomerStore customers, ItemStore items, FollowUpStore followUps,
                        FollowUpScheduler scheduler, RuleCatalog rules, FollowUpPlanner planner, Holds holds,
                        TeamNotifier team, AuditLog audit, Clock clock) {
        this.promises = promises;
        this.customers = customers;
        this.items = items;
        this.followUps = followUps;
        this.scheduler = scheduler;
        this.rules = rules;
        this.planner = planner;
        this.holds = holds;
        this.team = team;
        this.audit = new Audit(audit);
        this.clock = clock;
    }

    /** The promise a follow-up checks: derived from its id, so no index is needed. */
    public static String promiseIdFor(String followUpId) {
        return Ids.derived("pr-", followUpId);
    }

    /** Whether a status rule's follow-up is a promise check (PAYMENT_PROMISE: "the business day after the date"). */
    public static boolean checksPromise(StatusRule rule) {
        return rule != null && rule.delay() != null && rule.delay().afterPromisedDate();
    }

    @Override
    public Optional<Outcome> before(FollowUp followUp, Customer customer) {
        return before(followUp, customer, null);
    }

    /** {@code openItems}: the customer's open items as the runner just read them; null = read them here. */
    @Override
    public Optional<Outcome> before(FollowUp followUp, Customer customer, List<Item> openItems) {
        StatusRule rule = rules.rule(followUp.statusCode()).orElse(null);
        if (checksPromise(rule)) {
            return Optional.of(check(followUp, customer, openItems));
        }
        if (rule != null && rule.holdsItems() && rule.holdDays() == null) {
            releaseUntilCheck(followUp, customer, openItems);
        }
        return Optional.empty();
    }

    /** The check of one promise follow-up (the runner holds the follow-up's lease). */
    Outcome check(FollowUp followUp, Customer customer) {
        return check(followUp, customer, null);
    }

    private Outcome check(FollowUp followUp, Customer customer, List<Item> openItems) {
        String id = promiseIdFor(followUp.id());
        Optional<Promise> found = promises.get(customer.id(), id);
        if (found.isPresent() && found.get().state() == PromiseState.CANCELLED) {
            return new Outcome(FollowUpState.CANCELLED, "promise cancelled (re-qualified)");
        }
        List<Item> open = openItems != null ? openItems : items.openItems(customer.id());
        Promise promise = found.orElseGet(() -> fromFollowUp(id, followUp, customer, open));
        return settle(promise, customer, followUp.owner(), followUp.responseId(), open);
    }

    /** Settles a promise: kept, broken or partly kept, as the items are now. */
    Outcome settle(Promise promise, Customer customer, String owner, String responseId) {
        if (promise.state() == PromiseState.CANCELLED) {
            return new Outcome(FollowUpState.CANCELLED, "promise cancelled (re-qualified)");
        }
        return settle(promise, customer, owner, responseId, items.openItems(customer.id()));
    }

    private Outcome settle(Promise promise, Customer customer, String owner, String responseId,
                           List<Item> openItems) {
        if (promise.state() == PromiseState.CANCELLED) {
            return new Outcome(FollowUpState.CANCELLED, "promise cancelled (re-qualified)");
        }
        Map<String, Item> open = openItems.stream()
                .collect(Collectors.toMap(Item::number, Function.identity(), (a, b) -> a));
        List<String> kept;
        List<String> broken;
        boolean alerted = false;
        if (promise.state().isSettled()) {
            kept = promise.keptItems(); // a retry: finish what the first attempt decided
            broken = promise.brokenItems();
        } else {
            kept = promise.itemNumbers().stream().filter(n -> !open.containsKey(n)).toList();
            broken = promise.itemNumbers().stream().filter(open::containsKey).toList();
            PromiseState to = broken.isEmpty() ? PromiseState.KEPT : PromiseState.BROKEN;
            // broken: the owner's alert is claimed by the same conditional write (one call, DESIGN §11) and sent at
            // once, before the items change, so the window between claim and send stays as short as before
            boolean claim = !broken.isEmpty() && !promise.ownerAlerted();
            if (!promises.settle(promise, to, kept, broken, clock.instant(), claim)) {
                Promise now = promises.get(customer.id(), promise.id()).orElse(promise);
                if (now.state() == PromiseState.CANCELLED) {
                    return new Outcome(FollowUpState.CANCELLED, "promise cancelled (re-qualified)");
                }
                kept = now.keptItems();
                broken = now.brokenItems();
                promise = promise.settled(to, kept, broken, clock.instant());
            } else {
                promise = promise.settled(to, kept, broken, clock.instant());
                if (claim) {
                    alert(promise, customer, owner);
                    alerted = true;
                }
            }
        }
        Instant now = clock.instant();
        String cause = "promise " + promise.id() + " of " + (promise.promisedDate() == null ? "?"
                : DAY.format(promise.promisedDate())) + " checked";
        for (String n : kept) {
            items.get(customer.id(), n).ifPresent(i -> setStatus(i, KEPT_STATUS, cause, now));
        }
        for (String n : broken) {
            Item i = open.get(n);
            if (i == null) {
                i = items.get(customer.id(), n).orElse(null);
            }
            if (i != null) {
                Hold hold = i.hold();
                setStatus(i, BROKEN_STATUS, cause, now);
                if (hold != null) {
                    holds.recordRelease(customer.id(), n, hold, Audit.SYSTEM_PROMISE_CHECK, "promise broken");
                }
            }
        }
        if (broken.isEmpty()) {
            return new Outcome(FollowUpState.DONE, "promise kept: " + String.join(", ", kept) + " paid");
        }
        FollowUp next = planBrokenFollowUp(promise, customer, owner, responseId, broken);
        if (!alerted && !promise.ownerAlerted() && promises.claimOwnerAlert(customer.id(), promise.id())) {
            alert(promise, customer, owner);
        }
        String detail = (kept.isEmpty() ? "promise broken: " : "promise partly kept: " + String.join(", ", kept)
                + " paid; broken: ") + String.join(", ", broken) + " unpaid"
                + (next == null ? "" : "; follow-up " + next.id());
        return new Outcome(FollowUpState.DONE, detail);
    }

    /** Sends the owner's alert whose claim is held; gives the claim back if sending fails (the retry sends it). */
    private void alert(Promise promise, Customer customer, String owner) {
        try {
            team.promiseBroken(promise, customer, owner);
        } catch (RuntimeException e) {
            promises.releaseOwnerAlert(customer.id(), promise.id()); // the retried check sends it
            throw e;
        }
    }

    /** Payments came in: every OPEN promise of the customer whose items are all paid is kept now, its check cancelled. */
    public int keepPaidPromises(String customerId) {
        Customer customer = customers.get(customerId).orElse(null);
        if (customer == null) {
            return 0;
        }
        List<Promise> open = promises.ofCustomer(customerId, 200).stream()
                .filter(p -> p.state() == PromiseState.OPEN).toList();
        if (open.isEmpty()) {
            return 0;
        }
        Set<String> unpaid = items.openItems(customerId).stream().map(Item::number).collect(Collectors.toSet());
        int kept = 0;
        for (Promise p : open) {
            if (p.itemNumbers().stream().noneMatch(unpaid::contains)) {
                String owner = p.followUpId() == null ? customer.collector()
                        : followUps.get(p.followUpId()).map(FollowUp::owner).orElse(customer.collector());
                settle(p, customer, owner, p.responseId());
                if (p.followUpId() != null && followUps.finish(p.followUpId(), FollowUpState.PLANNED,
                        FollowUpState.CANCELLED, "promise kept: paid before the check")) {
                    scheduler.cancel(p.followUpId());
                }
                kept++;
            }
        }
        return kept;
    }

    /**
     * Open promises whose check day passed without a live check (its follow-up cancelled, failed or missing): settled
     * here, so no promise stays open for ever. Bounded by {@code limit}.
     */
    public int sweep(LocalDate today, int limit) {
        int done = 0;
        for (Promise p : promises.openDue(today.minusDays(1), limit)) {
            Optional<FollowUp> f = p.followUpId() == null ? Optional.empty() : followUps.get(p.followUpId());
            if (f.isPresent() && !f.get().state().isFinal()) {
                continue; // its follow-up will check it
            }
            Customer customer = customers.get(p.customerId()).orElse(null);
            if (customer == null) {
                continue;
            }
            settle(p, customer, f.map(FollowUp::owner).orElse(customer.collector()), p.responseId());
            done++;
        }
        return done;
    }

    private void setStatus(Item item, String status, String cause, Instant now) {
        if (status.equals(item.status()) && item.hold() == null) {
            return;
        }
        items.qualify(item.customerId(), item.number(), status, item.comment(), item.owner(), null);
        audit.record(item.customerId(), item.number(), now, Audit.SYSTEM_PROMISE_CHECK, "status", item.status(),
                status, cause, "promise-status/" + item.customerId() + "/" + item.number() + "/" + status + "/" + cause);
    }

    private FollowUp planBrokenFollowUp(Promise promise, Customer customer, String owner, String responseId,
                                        List<String> broken) {
        StatusRule rule = rules.rule(BROKEN_STATUS).orElse(null);
        if (rule == null || !rule.plansFollowUp()) {
            return null;
        }
        String id = Ids.derived("fu-", promise.id(), "broken");
        Instant due = planner.due(rule.delay(), customer.zone(), customer.country(), null);
        String comment = customer.language() == io.arfollowup.core.domain.Language.FR
                ? "Promesse du " + (promise.promisedDate() == null ? "?" : DAY.format(promise.promisedDate()))
                        + " non tenue"
                : "Promise of " + (promise.promisedDate() == null ? "?" : DAY.format(promise.promisedDate()))
                        + " not kept";
        FollowUp f = new FollowUp(id, customer.id(), responseId, broken, rule.code(), rule.templateId(), rule.mode(),
                due, customer.zone(), FollowUpState.PLANNED, id, owner != null ? owner : customer.collector(),
                comment, null, null);
        if (!followUps.create(f)) {
            f = followUps.get(id).orElse(f);
        }
        if (f.state() == FollowUpState.PLANNED) {
            scheduler.schedule(f);
        }
        return f;
    }

    private void releaseUntilCheck(FollowUp followUp, Customer customer, List<Item> openItems) {
        Map<String, Item> open = openItems == null ? Map.of() : openItems.stream()
                .collect(Collectors.toMap(Item::number, Function.identity(), (a, b) -> a));
        for (String n : followUp.itemNumbers()) {
            // an open item as the runner read it; a closed one (paid since) is read by itself
            Optional<Item> item = open.containsKey(n) ? Optional.of(open.get(n)) : items.get(customer.id(), n);
            item.ifPresent(i -> {
                Hold h = i.hold();
                if (h != null && h.until() == null && followUp.statusCode().equals(h.reason())) {
                    holds.release(customer.id(), n, h, Audit.SYSTEM_PROMISE_CHECK, "hold until the check: "
                            + followUp.id() + " ran");
                }
            });
        }
    }

    /** A promise follow-up planned before promises were tracked (or whose promise step crashed): rebuilt from it. */
    private Promise fromFollowUp(String id, FollowUp f, Customer customer, List<Item> openItems) {
        List<Item> open = openItems.stream().filter(i -> f.itemNumbers().contains(i.number())).toList();
        BigDecimal amount = open.stream().map(Item::openAmount).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate check = f.dueLocal().toLocalDate();
        Promise p = new Promise(id, customer.id(), f.responseId(), f.id(), f.itemNumbers(), null, check, amount,
                open.isEmpty() ? "EUR" : open.get(0).currency(), PromiseSource.COLLECTOR, PromiseState.OPEN,
                customer.collector() != null ? customer.collector() : f.owner(), clock.instant(), null, List.of(),
                List.of(), false);
        if (!promises.create(p)) {
            return promises.get(customer.id(), id).orElse(p);
        }
        return p;
    }

    static List<String> numbers(List<Item> list) {
        List<String> out = new ArrayList<>();
        list.forEach(i -> out.add(i.number()));
        return out;
    }
}
