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
        bump(byFeature, CountModel.DOCS, sign);
        for (String f : example.features()) {
            bump(byFeature, f, sign);
        }
    }

    private static void bump(Map<String, Integer> map, String key, int delta) {
        // merge() removes the entry when the function returns null: a count that falls to zero leaves the map
        map.merge(key, delta, (a, b) -> a + b <= 0 ? null : a + b);
        if (delta < 0 && map.getOrDefault(key, 0) <= 0) {
            map.remove(key);
        }
    }
}
