package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.port.QualificationStore;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** QualificationStore in memory: one entry per (response, version). */
public final class InMemoryQualificationStore implements QualificationStore {
    private final Map<String, Qualification> byKey = new ConcurrentHashMap<>();

    @Override
    public boolean create(Qualification q) {
        return byKey.putIfAbsent(q.responseId() + "#" + q.version(), q) == null;
    }

    @Override
    public Optional<Qualification> latest(String responseId) {
        return byKey.values().stream().filter(q -> q.responseId().equals(responseId))
                .max(Comparator.comparingInt(Qualification::version));
    }

    public java.util.List<Qualification> all() {
        return java.util.List.copyOf(byKey.values());
    }

    public int size() {
        return byKey.size();
    }
}
