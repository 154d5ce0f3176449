package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseSource;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.PromiseStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.token.Ids;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The step after {@link QualifyResponse} in the worker: what a qualification means for holds and promises.
 * <ul>
 * <li>a hold placed by the rule is audited (reason, since, until); a hold the new status removed (DISPUTE_RESOLVED,
 * a status that holds nothing) is audited as released and the customer re-enters the scenario today;</li>
 * <li>a promise status (a rule checked "after the promised date") creates a {@link Promise}: items, date, amount,
 * source, check day = its follow-up's day; the promise id derives from the follow-up id, so a retry creates none;</li>
 * <li>a re-qualification cancels the response's earlier open promises.</li>
 * </ul>
 * The worker takes a {@link #snapshot} of the items before qualifying, to know which holds the decision removed.
 */
public final class TrackQualification {

    /** The items' holds as they were before the qualification. */
    public record Snapshot(Map<String, Hold> holds) {
    }

    private final ResponseStore responses;
    private final CustomerStore customers;
    private final ItemStore items;
    private final PromiseStore promises;
    private final RuleCatalog rules;
    private final Holds holds;
    private final Audit audit;

    public TrackQualification(ResponseStore responses, CustomerStore customers, ItemStore items,
                              PromiseStore promises, RuleCatalog rules, Holds holds, AuditLog audit) {
        this.responses = responses;
        this.customers = customers;
        this.items = items;
        this.promises = promises;
        this.rules = rules;
        this.holds = holds;
        this.audit = new Audit(audit);
    }

    /** Reads the holds of the items a command names (one GetItem each) before the qualification writes them. */
    public Snapshot snapshot(QualifyResponse.Command command) {
        Map<String, Hold> out = new HashMap<>();
        Optional<Response> r = responses.get(command.responseId());
        if (r.isEmpty() || r.get().customerId() == null) {
            return new Snapshot(out);
        }
        for (QualificationGroup g : command.groups()) {
            for (String n : g.itemNumbers()) {
                items.get(r.get().customerId(), n).ifPresent(i -> {
                    if (i.hold() != null) {
                        out.put(n, i.hold());
                    }
                });
            }
        }
        return new Snapshot(out);
    }

    /** Holds and promises after a successful qualification; idempotent. */
    public List<Promise> after(QualifyResponse.Result result, Snapshot before) {
        if (result.status() != QualifyResponse.Status.QUALIFIED || result.qualification() == null) {
            return List.of();
        }
        Qualification q = result.qualification();
        // as the qualification read them, when it says (no second read: DESIGN §11's call budget)
        Response response = result.response() != null ? result.response()
                : responses.get(q.responseId()).orElse(null);
        if (response == null || response.customerId() == null) {
            return List.of();
        }
        Customer customer = result.customer() != null && result.customer().id().equals(response.customerId())
                ? result.customer() : customers.get(response.customerId()).orElse(null);
        if (customer == null) {
            return List.of();
        }
        Map<String, Hold> held = before == null ? Map.of() : before.holds();
        Set<String> liveFollowUps = new HashSet<>();
        result.followUps().forEach(f -> liveFollowUps.add(f.id()));
        List<Promise> created = new java.util.ArrayList<>();
        for (int g = 0; g < q.groups().size(); g++) {
            QualificationGroup group = q.groups().get(g);
            StatusRule rule = rules.rule(group.statusCode()).orElse(null);
            if (rule == null || rule.type() == StatusType.NONE) {
                continue;
            }
            for (String n : group.itemNumbers()) {
                Item item = items.get(customer.id(), n).orElse(null);
                Hold now = item == null ? null : item.hold();
                Hold was = held.get(n);
                if (now != null && !now.equals(was)) {
                    audit.record(customer.id(), n, q.decidedAt(), q.decidedBy(), "hold", Audit.describe(was),
                            Audit.describe(now), "status " + rule.code() + ", response " + response.id(),
                            "hold-place/" + response.id() + "/" + q.version() + "/" + n);
                } else if (now == null && was != null) {
                    holds.recordRelease(customer.id(), n, was, q.decidedBy(), "status " + rule.code()
                            + ", response " + response.id());
                }
            }
            if (PromiseCheck.checksPromise(rule)) {
                String followUpId = Ids.followUpId(response.id(), q.version(), g);
                result.followUps().stream().filter(f -> f.id().equals(followUpId)).findFirst()
                        .ifPresent(f -> created.add(promise(response, customer, q, group, f)));
            }
        }
        if (q.version() > 1) {
            cancelEarlierPromises(response, customer, q, liveFollowUps);
        }
        return created;
    }

    private Promise promise(Response response, Customer customer, Qualification q, QualificationGroup group,
                            FollowUp followUp) {
        String id = PromiseCheck.promiseIdFor(followUp.id());
        Optional<Promise> existing = promises.get(customer.id(), id);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Item> covered = items.openItems(customer.id()).stream()
                .filter(i -> group.itemNumbers().contains(i.number())).toList();
        BigDecimal amount = group.promisedAmount() != null ? group.promisedAmount()
                : covered.stream().map(Item::openAmount).filter(Objects::nonNull).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
        String currency = covered.isEmpty() ? "EUR" : covered.get(0).currency();
        Promise p = new Promise(id, customer.id(), response.id(), followUp.id(), group.itemNumbers(),
                QualifyResponse.promisedDate(response, group), followUp.dueLocal().toLocalDate(), amount, currency,
                PromiseSource.of(response.channel()), PromiseState.OPEN,
                customer.collector() != null ? customer.collector() : q.decidedBy(), q.decidedAt(), null, List.of(),
                List.of(), false);
        if (promises.create(p)) {
            for (String n : p.itemNumbers()) {
                audit.record(customer.id(), n, q.decidedAt(), q.decidedBy(), "promise", null,
                        describe(p), "response " + response.id(), "promise-open/" + id + "/" + n);
            }
            return p;
        }
        return promises.get(customer.id(), id).orElse(p);
    }

    private void cancelEarlierPromises(Response response, Customer customer, Qualification q, Set<String> live) {
        for (Promise p : promises.ofCustomer(customer.id(), 200)) {
            if (p.state() == PromiseState.OPEN && response.id().equals(p.responseId())
                    && (p.followUpId() == null || !live.contains(p.followUpId()))
                    && promises.settle(customer.id(), p.id(), PromiseState.CANCELLED, List.of(), List.of(),
                    q.decidedAt())) {
                for (String n : p.itemNumbers()) {
                    audit.record(customer.id(), n, q.decidedAt(), q.decidedBy(), "promise", describe(p),
                            "CANCELLED", "re-qualified, response " + response.id(), "promise-cancel/" + p.id() + "/" + n);
                }
            }
        }
    }

    static String describe(Promise p) {
        return "OPEN " + (p.promisedDate() == null ? "no date" : p.promisedDate().toString())
                + (p.amount() == null ? "" : " " + p.amount().toPlainString() + " " + p.currency())
                + " (" + p.source().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
