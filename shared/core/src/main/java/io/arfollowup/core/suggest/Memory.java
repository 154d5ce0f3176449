package io.arfollowup.core.suggest;

import io.arfollowup.core.port.LearningStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The team's recent decisions, to recognise a reply that looks like one a collector already qualified: the words of
 * the new reply are compared (Jaccard) with those of each remembered reply sharing at least one word, through an
 * inverted index. Bounded: the oldest decisions leave first.
 */
final class Memory {

    static final int CAPACITY = 3000;

    private record Entry(String status, Set<String> words) {
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Set<String>> index = new HashMap<>();

    synchronized void put(LearningStore.Example example) {
        remove(example.responseId());
        Set<String> words = words(example.features());
        entries.put(example.responseId(), new Entry(example.statusCode(), words));
        for (String w : words) {
            index.computeIfAbsent(w, k -> new HashSet<>()).add(example.responseId());
        }
        if (entries.size() > CAPACITY) {
            remove(entries.keySet().iterator().next());
        }
    }

    synchronized void remove(String responseId) {
        Entry e = entries.remove(responseId);
        if (e == null) {
            return;
        }
        for (String w : e.words()) {
            Set<String> ids = index.get(w);
            if (ids != null) {
                ids.remove(responseId);
                if (ids.isEmpty()) {
                    index.remove(w);
                }
            }
        }
    }

    /** status → best similarity (0..1) of a remembered reply with that status. */
    synchronized Map<String, Double> similar(Iterable<String> features) {
        Set<String> words = words(features);
        Map<String, Integer> overlap = new HashMap<>();
        for (String w : words) {
            Set<String> ids = index.get(w);
            if (ids != null) {
                for (String id : ids) {
                    overlap.merge(id, 1, Integer::sum);
                }
            }
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> o : overlap.entrySet()) {
            Entry e = entries.get(o.getKey());
            double jaccard = (double) o.getValue() / (words.size() + e.words().size() - o.getValue());
            best.merge(e.status(), jaccard, Math::max);
        }
        return best;
    }

    private static Set<String> words(Iterable<String> features) {
        Set<String> out = new HashSet<>();
        for (String f : features) {
            if (!f.startsWith("c:") && !f.startsWith("c!:") && !f.startsWith("f:")) {
                out.add(f);
            }
        }
        return out;
    }
}
