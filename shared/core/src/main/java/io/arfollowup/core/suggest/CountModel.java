package io.arfollowup.core.suggest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    static final String DOCS = io.arfollowup.core.port.LearningStore.DOCS;
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

    /**
     * Loads counts kept elsewhere (a LearningStore's folded counts). The cap holds here too: the domain features
     * and the documents always get in, then the most used words first, until the model is full.
     */
    synchronized void addCounts(Map<String, Map<String, Integer>> more) {
        List<Object[]> words = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(more).entrySet()) {
            for (Map.Entry<String, Integer> c : new TreeMap<>(e.getValue()).entrySet()) {
                String f = c.getKey();
                if (f.equals(DOCS) || f.startsWith("c:") || f.startsWith("c!:") || f.startsWith("f:")) {
                    addCount(e.getKey(), f, c.getValue());
                } else {
                    words.add(new Object[] {e.getKey(), f, c.getValue()});
                }
            }
        }
        words.sort((x, y) -> Integer.compare((Integer) y[2], (Integer) x[2]));
        for (Object[] w : words) {
            String status = (String) w[0];
            String f = (String) w[1];
            boolean known = counts.getOrDefault(status, Map.of()).containsKey(f);
            if (!known && (entries >= MAX_ENTRIES || (!featureUse.containsKey(f) && featureUse.size() >= MAX_FEATURES))) {
                continue;
            }
            addCount(status, f, (Integer) w[2]);
        }
    }

    private void addCount(String status, String feature, int n) {
        Map<String, Integer> byFeature = counts.computeIfAbsent(status, s -> new HashMap<>());
        int before = byFeature.size();
        int had = byFeature.getOrDefault(feature, 0);
        bump(byFeature, feature, n);
        int delta = byFeature.getOrDefault(feature, 0) - had;
        if (feature.equals(DOCS)) {
            documents += delta;
        } else {
            // as in add(): the document count is no (status, feature) entry
            entries += byFeature.size() - before;
            bump(totals, status, delta);
            bump(featureUse, feature, delta);
        }
    }

    /**
     * Drops the word pairs (bigrams) seen in a single example: a pair met once in the seeds says more about that
     * one sentence than about its status, and the room ({@link #MAX_ENTRIES}) is kept for the deployment's own
     * decisions. Single words and the domain features all stay.
     */
    synchronized void pruneSingleBigrams() {
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            e.getValue().entrySet().removeIf(c -> {
                if (c.getKey().indexOf('_') < 0 || featureUse.getOrDefault(c.getKey(), 0) > 1) {
                    return false;
                }
                entries--;
                bump(totals, e.getKey(), -c.getValue());
                return true;
            });
        }
        featureUse.entrySet().removeIf(f -> f.getKey().indexOf('_') >= 0 && f.getValue() <= 1);
    }

    /** A copy that learns on its own (the shipped seeds' model is shared by every instance of a JVM). */
    synchronized CountModel copy() {
        CountModel c = new CountModel();
        counts.forEach((s, m) -> c.counts.put(s, new HashMap<>(m)));
        c.totals.putAll(totals);
        c.featureUse.putAll(featureUse);
        c.documents = documents;
        c.entries = entries;
        return c;
    }

    /** Reads what {@link #serialize()} wrote. */
    static CountModel parse(java.io.BufferedReader in) throws java.io.IOException {
        CountModel m = new CountModel();
        String status = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                status = line.substring(1, line.length() - 1);
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (status == null || tab < 0) {
                throw new IllegalArgumentException("seed model: unexpected line " + line);
            }
            m.addCount(status, line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
        }
        return m;
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
