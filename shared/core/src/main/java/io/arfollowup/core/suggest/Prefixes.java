package io.arfollowup.core.suggest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cheap pre-filter for the lexicon's regular expressions: the literal beginnings (up to three characters) any
 * match of a cue must start with, read from the cue's own pattern. A reply whose word beginnings share none of
 * them cannot match, so the regex is not run (most cues of the lexicon, on most replies). Only the common shapes
 * are understood (literals, groups, alternatives, optional parts); for anything else the answer is "unknown" and
 * the cue always runs.
 */
final class Prefixes {

    static final int LENGTH = 7;
    private static final int MAX_STATES = 400;

    /** A partial prefix, and whether the pattern may still add characters to it. */
    private record State(String text, boolean open) {
    }

    private final String p;
    private int i;

    private Prefixes(String pattern) {
        this.p = pattern;
    }

    /** The possible starts of a match, or null when they cannot be told (then the cue always runs). */
    static Set<String> of(String pattern) {
        if (!pattern.startsWith("\\b")) {
            return null;
        }
        try {
            Prefixes parser = new Prefixes(pattern);
            parser.i = 2;
            List<State> states = parser.sequence();
            if (states == null) {
                return null;
            }
            Set<String> out = new HashSet<>();
            for (State s : states) {
                if (s.text().isEmpty()) {
                    return null;
                }
                out.add(s.text());
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Word-boundary beginnings of a text (lengths 1 to 3), to test cue prefixes against. Runs of white space count
     * as one space, as a space in a cue stands for any run of white space.
     */
    static Set<String> starts(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean space = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    collapsed.append(' ');
                }
                space = true;
            } else {
                collapsed.append(c);
                space = false;
            }
        }
        String folded = collapsed.toString();
        Set<String> out = new HashSet<>();
        for (int k = 0; k < folded.length(); k++) {
            boolean word = isWord(folded.charAt(k));
            boolean before = k > 0 && isWord(folded.charAt(k - 1));
            if (word != before) {
                for (int len = 1; len <= LENGTH && k + len <= folded.length(); len++) {
                    out.add(folded.substring(k, k + len));
                }
            }
        }
        return out;
    }

    static boolean mayMatch(Set<String> prefixes, Set<String> starts) {
        if (prefixes == null) {
            return true;
        }
        for (String prefix : prefixes) {
            if (starts.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Parses alternatives up to ')' or the end; returns the states they can produce. */
    private List<State> sequence() {
        List<State> result = new ArrayList<>();
        List<State> current = List.of(new State("", true));
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ')') {
                break;
            }
            if (c == '|') {
                i++;
                result.addAll(current);
                current = List.of(new State("", true));
                continue;
            }
            List<State> atom = atom();
            atom = quantified(atom);
            current = concat(current, atom);
            if (current == null || current.size() > MAX_STATES) {
                return null;
            }
        }
        result.addAll(current);
        return result;
    }

    private List<State> atom() {
        char c = p.charAt(i);
        if (c == '(') {
            i++;
            if (i < p.length() && p.charAt(i) == '?') {
                if (p.startsWith("?:", i)) {
                    i += 2;
                } else {
                    skipGroup();
                    return List.of(new State("", false));
                }
            }
            List<State> inner = sequence();
            if (i >= p.length() || p.charAt(i) != ')') {
                throw new IllegalArgumentException("unbalanced");
            }
            i++;
            if (inner == null) {
                return List.of(new State("", false));
            }
            return inner;
        }
        if (c == '\\') {
            char e = p.charAt(i + 1);
            i += 2;
            if (Character.isLetterOrDigit(e)) {
                if (e == 'p' || e == 'P') {
                    skipBraces();
                }
                return List.of(new State("", false));
            }
            return List.of(new State(String.valueOf(e), true));
        }
        if (c == '[') {
            skipClass();
            return List.of(new State("", false));
        }
        i++;
        if (c == '.' || c == '^' || c == '$') {
            return List.of(new State("", false));
        }
        return List.of(new State(String.valueOf(c), true));
    }

    private List<State> quantified(List<State> atom) {
        if (i >= p.length()) {
            return atom;
        }
        char q = p.charAt(i);
        List<State> out = new ArrayList<>();
        boolean optional;
        boolean repeats;
        if (q == '?') {
            optional = true;
            repeats = false;
            i++;
        } else if (q == '*') {
            optional = true;
            repeats = true;
            i++;
        } else if (q == '+') {
            optional = false;
            repeats = true;
            i++;
        } else if (q == '{') {
            int close = p.indexOf('}', i);
            String range = p.substring(i + 1, close);
            i = close + 1;
            optional = range.startsWith("0");
            repeats = true;
        } else {
            return atom;
        }
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;
        }
        for (State s : atom) {
            out.add(repeats ? new State(s.text(), false) : s);
        }
        if (optional) {
            out.add(new State("", true));
        }
        return out;
    }

    private static List<State> concat(List<State> left, List<State> right) {
        List<State> out = new ArrayList<>();
        Set<State> seen = new HashSet<>();
        for (State l : left) {
            if (!l.open() || l.text().length() >= LENGTH) {
                add(out, seen, new State(cut(l.text()), false));
                continue;
            }
            for (State r : right) {
                String t = l.text() + r.text();
                boolean open = r.open() && t.length() < LENGTH;
                add(out, seen, new State(cut(t), open));
            }
        }
        return out;
    }

    private static void add(List<State> out, Set<State> seen, State s) {
        if (seen.add(s)) {
            out.add(s);
        }
    }

    private static String cut(String s) {
        return s.length() > LENGTH ? s.substring(0, LENGTH) : s;
    }

    private void skipGroup() {
        int depth = 1;
        while (i < p.length() && depth > 0) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                skipClass();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
    }

    private void skipClass() {
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            if (p.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        i++;
    }

    private void skipBraces() {
        if (i < p.length() && p.charAt(i) == '{') {
            i = p.indexOf('}', i) + 1;
        }
    }
}
