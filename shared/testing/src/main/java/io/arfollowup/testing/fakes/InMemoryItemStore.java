package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.port.ItemStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ItemStore in memory; counts calls so tests can check that reads stay bounded. */
public final class InMemoryItemStore implements ItemStore {
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private int openItemsCalls;

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
}
