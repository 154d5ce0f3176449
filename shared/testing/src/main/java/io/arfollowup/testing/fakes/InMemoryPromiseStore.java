package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseState;
import io.arfollowup.core.port.PromiseStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** PromiseStore in memory, with the conditional state change of the DynamoDB one. */
public final class InMemoryPromiseStore implements PromiseStore {
    private final Map<String, Promise> promises = new ConcurrentHashMap<>();

    @Override
    public boolean create(Promise p) {
        return promises.putIfAbsent(p.id(), p) == null;
    }

    @Override
    public Optional<Promise> get(String customerId, String promiseId) {
        return Optional.ofNullable(promises.get(promiseId)).filter(p -> p.customerId().equals(customerId));
    }

    @Override
    public synchronized boolean settle(String customerId, String promiseId, PromiseState to, List<String> kept,
                                       List<String> broken, Instant at) {
        Promise p = promises.get(promiseId);
        if (p == null || p.state() != PromiseState.OPEN) {
            return false;
        }
        promises.put(promiseId, p.settled(to, kept, broken, at));
        return true;
    }

    @Override
    public synchronized boolean claimOwnerAlert(String customerId, String promiseId) {
        Promise p = promises.get(promiseId);
        if (p == null || p.ownerAlerted()) {
            return false;
        }
        promises.put(promiseId, alerted(p, true));
        return true;
    }

    @Override
    public synchronized void releaseOwnerAlert(String customerId, String promiseId) {
        promises.computeIfPresent(promiseId, (k, p) -> alerted(p, false));
    }

    private static Promise alerted(Promise p, boolean alerted) {
        return new Promise(p.id(), p.customerId(), p.responseId(), p.followUpId(), p.itemNumbers(), p.promisedDate(),
                p.checkDate(), p.amount(), p.currency(), p.source(), p.state(), p.collector(), p.createdAt(),
                p.settledAt(), p.keptItems(), p.brokenItems(), alerted);
    }

    @Override
    public List<Promise> ofCustomer(String customerId, int limit) {
        return promises.values().stream().filter(p -> p.customerId().equals(customerId))
                .sorted(Comparator.comparing(Promise::id)).limit(limit).toList();
    }

    @Override
    public List<Promise> settledFor(String collector, int limit) {
        return promises.values().stream().filter(p -> p.state().isSettled() && collector.equals(p.collector()))
                .sorted(Comparator.comparing(Promise::settledAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<Promise> openDue(LocalDate day, int limit) {
        return promises.values().stream().filter(p -> p.state() == PromiseState.OPEN && p.checkDate() != null
                && !p.checkDate().isAfter(day)).sorted(Comparator.comparing(Promise::checkDate)).limit(limit).toList();
    }

    public List<Promise> all() {
        return List.copyOf(promises.values());
    }
}
