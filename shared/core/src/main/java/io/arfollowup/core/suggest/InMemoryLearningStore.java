package io.arfollowup.core.suggest;

import io.arfollowup.core.port.LearningStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link LearningStore} in memory: tests, {@code make eval}, the local runtime. */
public final class InMemoryLearningStore implements LearningStore {

    private final Map<String, Example> examples = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();

    @Override
    public synchronized List<Example> recent(int limit) {
        List<Example> all = new ArrayList<>(examples.values());
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    @Override
    public synchronized Optional<Example> example(String responseId) {
        return Optional.ofNullable(examples.get(responseId));
    }

    @Override
    public synchronized void add(Example example) {
        remove(example.responseId());
        examples.put(example.responseId(), example);
        apply(example, 1);
    }

    @Override
    public synchronized boolean remove(String responseId) {
        Example previous = examples.remove(responseId);
        if (previous == null) {
            return false;
        }
        apply(previous, -1);
        return true;
    }

    @Override
    public synchronized Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        counts.forEach((s, m) -> copy.put(s, Map.copyOf(m)));
        return copy;
    }

    private void apply(Example example, int sign) {
        Map<String, Integer> byFeature = counts.computeIfAbsent(example.statusCode(), s -> new HashMap<>());
        byFeature.merge(CountModel.DOCS, sign, Integer::sum);
        for (String f : example.features()) {
            byFeature.merge(f, sign, Integer::sum);
        }
        byFeature.values().removeIf(v -> v <= 0);
    }
}
