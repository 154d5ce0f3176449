package io.arfollowup.core.suggest;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learned part of the suggester: a multinomial Naive Bayes over binary features, kept as plain counts so a
 * decision is a handful of +1 (and forgetting it the same -1). The vocabulary is capped so the model stays small
 * whatever the number of decisions; features of the domain lexicon ({@code c:}, {@code f:}) always get in.
 */
final class CountModel {

    static final String DOCS = "#docs";
    static final int MAX_FEATURES = 20_000;
    /** (status, feature) counts kept at most: about 18 bytes each serialized, so the model stays under 350 KB. */
    static final int MAX_ENTRIES = 16_000;
    private static final double ALPHA = 0.5;

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final Map<String, Integer> featureUse = new HashMap<>();
    private int documents;
    private int entries;

    synchronized void add(String status, Collection<String> features, int sign) {
        Map<String, Integer> byFeature = counts.computeIfAbsent(status, s -> new HashMap<>());
        bump(byFeature, DOCS, sign);
        documents = Math.max(0, documents + sign);
        for (String f : features) {
            boolean domain = f.startsWith("c:") || f.startsWith("c!:") || f.startsWith("f:");
            if (sign > 0 && !domain && !byFeature.containsKey(f)
                    && (entries >= MAX_ENTRIES || (!featureUse.containsKey(f) && featureUse.size() >= MAX_FEATURES))) {
                continue;
            }
            if (sign < 0 && !byFeature.containsKey(f)) {
                continue;
            }
            int before = byFeature.size();
            bump(byFeature, f, sign);
            entries += byFeature.size() - before;
            bump(totals, status, sign);
            bump(featureUse, f, sign);
        }
    }

    /** Loads counts kept elsewhere (a LearningStore's folded counts). */
    synchronized void addCounts(Map<String, Map<String, Integer>> more) {
        for (Map.Entry<String, Map<String, Integer>> e : more.entrySet()) {
            Map<String, Integer> byFeature = counts.computeIfAbsent(e.getKey(), s -> new HashMap<>());
            for (Map.Entry<String, Integer> c : e.getValue().entrySet()) {
                int before = byFeature.size();
                bump(byFeature, c.getKey(), c.getValue());
                entries += byFeature.size() - before;
                if (c.getKey().equals(DOCS)) {
                    documents += c.getValue();
                } else {
                    bump(totals, e.getKey(), c.getValue());
                    bump(featureUse, c.getKey(), c.getValue());
                }
            }
        }
    }

    private static void bump(Map<String, Integer> map, String key, int delta) {
        int v = map.getOrDefault(key, 0) + delta;
        if (v <= 0) {
            map.remove(key);
        } else {
            map.put(key, v);
        }
    }

    /** Log-likelihood of the features under each status (log prior included), for the given statuses. */
    synchronized double[] logScores(List<String> statuses, Collection<String> features) {
        double[] out = new double[statuses.size()];
        int vocabulary = Math.max(1, featureUse.size());
        for (int i = 0; i < statuses.size(); i++) {
            Map<String, Integer> byFeature = counts.getOrDefault(statuses.get(i), Map.of());
            int docs = byFeature.getOrDefault(DOCS, 0);
            double denominator = Math.log(totals.getOrDefault(statuses.get(i), 0) + ALPHA * vocabulary);
            double s = 0.3 * Math.log((docs + 1.0) / (documents + statuses.size()));
            for (String f : features) {
                if (!featureUse.containsKey(f)) {
                    continue;
                }
                s += Math.log(byFeature.getOrDefault(f, 0) + ALPHA) - denominator;
            }
            out[i] = s;
        }
        return out;
    }

    synchronized int documents() {
        return documents;
    }

    synchronized int entries() {
        return entries;
    }

    synchronized int vocabulary() {
        return featureUse.size();
    }

    /** The model as text (one line per status and feature): what a snapshot in S3 would hold. */
    synchronized String serialize() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(counts).entrySet()) {
            sb.append('[').append(e.getKey()).append("]\n");
            for (Map.Entry<String, Integer> c : new TreeMap<>(e.getValue()).entrySet()) {
                sb.append(c.getKey()).append('\t').append(c.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    synchronized int sizeInBytes() {
        return serialize().getBytes(StandardCharsets.UTF_8).length;
    }
}
