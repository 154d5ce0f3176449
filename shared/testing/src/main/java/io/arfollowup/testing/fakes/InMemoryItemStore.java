package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.DunningProgress;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ScenarioItem;
import io.arfollowup.core.port.ItemLedger;
import io.arfollowup.core.port.ItemStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** ItemStore and ItemLedger in memory; counts calls so tests can check that reads stay bounded. */
public final class InMemoryItemStore implements ItemStore, ItemLedger {
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, DunningProgress> progress = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> payments = new ConcurrentHashMap<>();
    private int openItemsCalls;
    private int scenarioItemsCalls;

    private static String key(String customerId, String number) {
        return customerId + "#" + number;
    }

    @Override
    public List<Item> openItems(String customerId) {
        openItemsCalls++;
        return items.values().stream().filter(i -> i.customerId().equals(customerId) && !i.isPaid())
                .sorted(Comparator.comparing(Item::number)).toList();
    }

    @Override
    public Optional<Item> get(String customerId, String number) {
        return Optional.ofNullable(items.get(key(customerId, number)));
    }

    @Override
    public void put(Item item) {
        items.put(key(item.customerId(), item.number()), item);
    }

    @Override
    public synchronized void qualify(String customerId, String number, String status, String comment, String owner,
                                     Hold hold) {
        items.computeIfPresent(key(customerId, number), (k, i) -> i.withQualification(status, comment, owner, hold));
    }

    public List<Item> all() {
        return List.copyOf(items.values());
    }

    public int openItemsCalls() {
        return openItemsCalls;
    }

    public int scenarioItemsCalls() {
        return scenarioItemsCalls;
    }

    // ------------------------------------------------------------------ ItemLedger

    @Override
    public Optional<Item> byNumber(String number) {
        String n = Item.normalizeNumber(number);
        return items.values().stream().filter(i -> Item.normalizeNumber(i.number()).equals(n)).findFirst();
    }

    @Override
    public synchronized boolean create(Item item) {
        return items.putIfAbsent(key(item.customerId(), item.number()), item) == null;
    }

    @Override
    public synchronized void updateFacts(Item f) {
        items.computeIfPresent(key(f.customerId(), f.number()), (k, i) -> new Item(i.customerId(), i.number(),
                f.kind(), f.amount(), f.openAmount(), f.currency(), f.issueDate(), f.dueDate(), i.status(),
                i.comment(), i.owner(), i.hold(), i.documentKey()));
    }

    @Override
    public synchronized PaymentOutcome applyPayment(String customerId, String number, String reference,
                                                    BigDecimal expectedOpen, BigDecimal newOpen) {
        Item i = items.get(key(customerId, number));
        if (i == null) {
            return PaymentOutcome.NOT_FOUND;
        }
        Set<String> refs = payments.computeIfAbsent(key(customerId, number), k -> new HashSet<>());
        if (refs.contains(reference)) {
            return PaymentOutcome.ALREADY_APPLIED;
        }
        if (i.openAmount() == null || i.openAmount().compareTo(expectedOpen) != 0) {
            return PaymentOutcome.CONCURRENT_CHANGE;
        }
        refs.add(reference);
        Item paid = i.withOpenAmount(newOpen);
        if (newOpen.signum() == 0) {
            paid = paid.withQualification(paid.status(), paid.comment(), paid.owner(), null);
        }
        items.put(key(customerId, number), paid);
        return PaymentOutcome.APPLIED;
    }

    @Override
    public synchronized void attachDocument(String customerId, String number, String key) {
        items.computeIfPresent(key(customerId, number), (k, i) -> new Item(i.customerId(), i.number(), i.kind(),
                i.amount(), i.openAmount(), i.currency(), i.issueDate(), i.dueDate(), i.status(), i.comment(),
                i.owner(), i.hold(), key));
    }

    @Override
    public synchronized Optional<Hold> releaseHold(String customerId, String number, Hold expected) {
        Item i = items.get(key(customerId, number));
        if (i == null || i.hold() == null || (expected != null && !Objects.equals(i.hold(), expected))) {
            return Optional.empty();
        }
        items.put(key(customerId, number), i.withQualification(i.status(), i.comment(), i.owner(), null));
        return Optional.of(i.hold());
    }

    @Override
    public List<ScenarioItem> scenarioItems(String customerId) {
        scenarioItemsCalls++;
        return openItems(customerId).stream().map(i -> new ScenarioItem(i, progress(customerId, i.number())))
                .toList();
    }

    @Override
    public synchronized boolean recordStep(String customerId, String number, int offsetDays, String stepId,
                                           LocalDate sentOn) {
        DunningProgress p = progress(customerId, number);
        if (p.lastOffset() != null && p.lastOffset() >= offsetDays) {
            return false;
        }
        progress.put(key(customerId, number), new DunningProgress(offsetDays, stepId, sentOn));
        return true;
    }

    @Override
    public DunningProgress progress(String customerId, String number) {
        return progress.getOrDefault(key(customerId, number), DunningProgress.NONE);
    }
}
