package io.arfollowup.core.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several situations in one reply ("je vous règle la FA-1 le 15, mais la FA-2 est contestée"): each sentence that
 * names invoices gets the status its own cues point to; when references fall under different statuses with
 * enough weight, each status becomes a group.
 */
final class MultiGroup {

    private static final double MIN_SENTENCE_WEIGHT = 3.0;

    private MultiGroup() {
    }

    /** status → references, the main status first; one entry when the reply is one situation. */
    static Map<String, List<String>> split(Analysis a, Lexicon lexicon, List<String> refs, String main) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(main, new ArrayList<>());
        if (refs.size() < 2) {
            groups.get(main).addAll(refs);
            return groups;
        }
        Map<String, String> statusOfRef = new LinkedHashMap<>();
        for (String ref : refs) {
            int at = a.text.indexOf(ref);
            if (at < 0) {
                continue;
            }
            int[] span = sentence(a.folded, at);
            String best = null;
            double bestWeight = 0;
            Map<String, Double> weights = new LinkedHashMap<>();
            for (Lexicon.Hit h : a.hits) {
                if (h.negated() || h.start() < span[0] || h.start() >= span[1] || h.cue().statuses().size() > 1) {
                    continue;
                }
                String s = h.cue().statuses().get(0);
                double w = weights.merge(s, h.cue().weight(), Double::sum);
                if (w > bestWeight) {
                    bestWeight = w;
                    best = s;
                }
            }
            if (best != null && bestWeight >= MIN_SENTENCE_WEIGHT) {
                statusOfRef.put(ref, best);
            }
        }
        for (String ref : refs) {
            String s = statusOfRef.getOrDefault(ref, main);
            groups.computeIfAbsent(s, k -> new ArrayList<>()).add(ref);
        }
        if (groups.get(main).isEmpty()) {
            // every named invoice fell under other statuses: the first of them is the reply's main situation
            groups.remove(main);
            Map<String, List<String>> reordered = new LinkedHashMap<>();
            boolean first = true;
            for (Map.Entry<String, List<String>> e : groups.entrySet()) {
                reordered.put(first ? main : e.getKey(), e.getValue());
                first = false;
            }
            return reordered;
        }
        return groups;
    }

    static boolean sentenceHas(Analysis a, int pos, String status) {
        int[] span = sentence(a.folded, pos);
        for (Lexicon.Hit h : a.hits) {
            if (!h.negated() && h.start() >= span[0] && h.start() < span[1] && h.cue().statuses().contains(status)) {
                return true;
            }
        }
        return false;
    }

    /** [start, end) of the sentence around a position. */
    static int[] sentence(String text, int pos) {
        int start = pos;
        while (start > 0 && !boundary(text, start - 1)) {
            start--;
        }
        int end = pos;
        while (end < text.length() && !boundary(text, end)) {
            end++;
        }
        return new int[] {start, Math.min(text.length(), end + (end < text.length() ? 1 : 0))};
    }

    private static boolean boundary(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '!' || c == '?' || c == ';') {
            return true;
        }
        if (c == '.') {
            boolean digitBefore = i > 0 && Character.isDigit(text.charAt(i - 1));
            boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
            return !(digitBefore && digitAfter) && (i + 1 >= text.length() || text.charAt(i + 1) == ' '
                    || text.charAt(i + 1) == '\n');
        }
        return false;
    }
}
