package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.ChatScreens;
import io.arfollowup.core.port.CollectionsIndex;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.QualificationStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /ar <customer or invoice>}: a customer's responses and the comments decided on them, each open item with
 * its status, owner, comment and timeline (the audit trail), and the follow-ups. The text is looked up as an
 * invoice number, then a customer id, then words of a customer's name; several customers → the candidates.
 * Every read is bounded (limits below), so the page costs the same whatever the table holds.
 */
public final class CustomerHistory {

    public static final int MAX_RESPONSES = 8;
    public static final int MAX_ITEMS = 12;
    public static final int MAX_EVENTS = 8;
    public static final int MAX_FOLLOW_UPS = 10;
    public static final String BY_ID = "id:";

    /** One item with its timeline (oldest event first). */
    public record ItemLine(Item item, List<ItemEvent> timeline) {
    }

    /** A response with the latest decision on it (null when none). */
    public record ResponseLine(Response response, Qualification decision) {
    }

    /** What the screen shows: a customer's history, or candidates to choose from, or nothing found. */
    public record Page(String query, List<CollectionsIndex.CustomerMatch> candidates, Customer customer,
                       String focusItem, List<ItemLine> items, List<ResponseLine> responses,
                       List<FollowUp> followUps) {
        public Page {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            items = items == null ? List.of() : List.copyOf(items);
            responses = responses == null ? List.of() : List.copyOf(responses);
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }

        public boolean found() {
            return customer != null;
        }
    }

    private final CollectionsIndex index;
    private final CustomerStore customers;
    private final ItemStore items;
    private final QualificationStore qualifications;
    private final AuditLog audit;
    private final ChatScreens screens;

    public CustomerHistory(CollectionsIndex index, CustomerStore customers, ItemStore items,
                           QualificationStore qualifications, AuditLog audit, ChatScreens screens) {
        this.index = index;
        this.customers = customers;
        this.items = items;
        this.qualifications = qualifications;
        this.audit = audit;
        this.screens = screens;
    }

    /** Builds the page and shows it in the open view. */
    public Page show(String viewId, String query) {
        Page page = page(query);
        screens.showHistory(viewId, page);
        return page;
    }

    public Page page(String rawQuery) {
        String query = rawQuery == null ? "" : rawQuery.trim();
        if (query.isEmpty()) {
            return new Page(query, List.of(), null, null, List.of(), List.of(), List.of());
        }
        if (query.startsWith(BY_ID)) {
            return customers.get(query.substring(BY_ID.length())).map(c -> history(query, c, null))
                    .orElseGet(() -> new Page(query, List.of(), null, null, List.of(), List.of(), List.of()));
        }
        List<Item> byNumber = index.itemsByNumber(query, 5);
        Set<String> owners = new LinkedHashSet<>();
        byNumber.forEach(i -> owners.add(i.customerId()));
        if (owners.size() == 1) {
            Optional<Customer> c = customers.get(owners.iterator().next());
            if (c.isPresent()) {
                return history(query, c.get(), byNumber.get(0).number());
            }
        }
        Optional<Customer> byId = customers.get(query);
        if (byId.isPresent()) {
            return history(query, byId.get(), null);
        }
        List<CollectionsIndex.CustomerMatch> matches = new ArrayList<>();
        if (owners.size() > 1) {
            index.customers(owners).forEach(c -> matches.add(new CollectionsIndex.CustomerMatch(c.id(), c.name())));
        }
        matches.addAll(index.searchCustomers(query, 10));
        Map<String, CollectionsIndex.CustomerMatch> distinct = new LinkedHashMap<>();
        matches.forEach(m -> distinct.putIfAbsent(m.id(), m));
        if (distinct.size() == 1) {
            Optional<Customer> c = customers.get(distinct.keySet().iterator().next());
            if (c.isPresent()) {
                return history(query, c.get(), null);
            }
        }
        return new Page(query, List.copyOf(distinct.values()), null, null, List.of(), List.of(), List.of());
    }

    private Page history(String query, Customer customer, String focus) {
        List<Item> open = new ArrayList<>(items.openItems(customer.id()));
        if (focus != null && open.stream().noneMatch(i -> i.number().equals(focus))) {
            items.get(customer.id(), focus).ifPresent(i -> open.add(0, i)); // a paid invoice asked for by number
        }
        open.sort((a, b) -> a.number().equals(focus) ? -1 : b.number().equals(focus) ? 1
                : java.util.Comparator.nullsLast(java.util.Comparator.<java.time.LocalDate>naturalOrder())
                .compare(a.dueDate(), b.dueDate()));
        List<ItemLine> lines = new ArrayList<>();
        for (Item i : open.subList(0, Math.min(MAX_ITEMS, open.size()))) {
            List<ItemEvent> events = audit.history(customer.id(), i.number(), 50);
            List<ItemEvent> last = events.size() <= MAX_EVENTS ? events
                    : events.subList(events.size() - MAX_EVENTS, events.size());
            lines.add(new ItemLine(i, last));
        }
        List<ResponseLine> responses = new ArrayList<>();
        for (Response r : index.responsesOf(customer.id(), MAX_RESPONSES)) {
            responses.add(new ResponseLine(r, qualifications.latest(r.id()).orElse(null)));
        }
        List<FollowUp> followUps = index.followUpsOf(customer.id(), MAX_FOLLOW_UPS);
        return new Page(query, List.of(), customer, focus, lines, responses, followUps);
    }
}
