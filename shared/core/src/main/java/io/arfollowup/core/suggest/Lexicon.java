package io.arfollowup.core.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain vocabulary: cues (FR/EN, and common DE/ES/IT words) that point to statuses, each with a weight, read
 * from {@code config/suggester/lexicon.txt}. A negatable cue counts for nothing when a negation precedes it in the
 * same clause ("nous ne contestons pas", "not disputing"), a past-only cue when a future marker does ("it will be
 * paid on the 14th").
 */
final class Lexicon {

    static final String RESOURCE = "config/suggester/lexicon.txt";

    /**
     * One cue: the statuses it points to, how much, and the reason a summary may quote (fr/en, may be null). Its
     * {@code id} names it in the learned model's features ({@code c:<id>}): derived from its statuses and regex, not
     * from its line number, so what a deployment learned keeps its meaning when the lexicon is edited.
     */
    record Cue(String id, List<String> statuses, double weight, boolean negatable, boolean pastOnly, String reasonFr,
               String reasonEn, LazyPattern pattern, java.util.Set<String> prefixes) {
    }

    /**
     * A cue's regex, compiled the first time a reply gets past its prefix filter: most cues never run on most
     * replies, and compiling all of them was a good part of a cold start.
     */
    static final class LazyPattern {
        private final String regex;
        private volatile Pattern compiled;

        LazyPattern(String regex) {
            this.regex = regex;
        }

        Matcher matcher(CharSequence text) {
            Pattern p = compiled;
            if (p == null) {
                p = Pattern.compile(regex);
                compiled = p;
            }
            return p.matcher(text);
        }

        String regex() {
            return regex;
        }
    }

    /** A cue found in a text, at [start, end) of the folded (= original) text. */
    record Hit(Cue cue, int start, int end, boolean negated) {
    }

    private static final Pattern NEGATION = Pattern.compile(
            "(\\b(ne|pas|non|aucune?|jamais|sans|not|no|never|nor|nothing|nicht|kein\\w*|nunca|ningun\\w*|mai)\\b"
                    + "|\\bn'|n't\\b)");
    private static final Pattern FUTURE = Pattern.compile(
            "(\\b(will|shall|going to|sera|seront|serons|va|vont|allons|vais|wird|werden|sara|saranno)\\b|'ll\\b)");
    private static final Pattern CLAUSE_END = Pattern.compile("[.,;:!?\\n]|\\bmais\\b|\\bbut\\b|\\bhowever\\b|\\bpourtant\\b");

    private final List<Cue> cues;

    private Lexicon(List<Cue> cues) {
        this.cues = List.copyOf(cues);
    }

    static Lexicon fromClassPath() {
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCE);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon read(Reader reader) throws IOException {
        return read(reader, null);
    }

    /**
     * Reads the lexicon; {@code prefixes} (the i-th cue's prefix filter, {@code null} = unknown) is what the build
     * precomputed for this very text ({@link SeedModel}), sparing the parse of every regex at a cold start.
     */
    static Lexicon read(Reader reader, List<java.util.Set<String>> prefixes) throws IOException {
        List<Cue> cues = new ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = br.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" :: ", 5);
            if (parts.length != 5) {
                throw new IllegalArgumentException(RESOURCE + ":" + n + ": expected 5 columns");
            }
            List<String> statuses = List.of(parts[0].trim().split(","));
            double weight = Double.parseDouble(parts[1].trim());
            boolean negatable = parts[2].contains("N");
            boolean pastOnly = parts[2].contains("F");
            String reasonFr = null;
            String reasonEn = null;
            String reason = parts[3].trim();
            if (!reason.equals("-")) {
                int slash = reason.indexOf('/');
                reasonFr = reason.substring(0, slash);
                reasonEn = reason.substring(slash + 1);
            }
            String source = parts[4].trim();
            // a cue ends on a whole word: "pourri" must not fire inside "pourrions"
            LazyPattern p = new LazyPattern(source.replace(" ", "\\s+") + "(?![a-z0-9])");
            String id = Integer.toString(Math.floorMod((parts[0].trim() + " " + source).hashCode(), 1 << 30), 36);
            java.util.Set<String> starts = prefixes != null && cues.size() < prefixes.size() ? prefixes.get(cues.size())
                    : Prefixes.of(source);
            cues.add(new Cue(id, statuses, weight, negatable, pastOnly, reasonFr, reasonEn, p, starts));
        }
        return new Lexicon(cues);
    }

    int size() {
        return cues.size();
    }

    List<Cue> cues() {
        return cues;
    }

    /** Every cue found in the folded text, first occurrence per cue that is not negated (else the negated one). */
    List<Hit> scan(String folded) {
        List<Hit> hits = new ArrayList<>();
        java.util.Set<String> starts = Prefixes.starts(folded);
        for (Cue cue : cues) {
            if (!Prefixes.mayMatch(cue.prefixes(), starts)) {
                continue;
            }
            Matcher m = cue.pattern().matcher(folded);
            Hit negatedHit = null;
            Hit kept = null;
            while (m.find()) {
                boolean negated = (cue.negatable() && negated(folded, m.start()))
                        || (cue.pastOnly() && precededBy(FUTURE, folded, m.start()));
                if (!negated) {
                    kept = new Hit(cue, m.start(), m.end(), false);
                    break;
                }
                if (negatedHit == null) {
                    negatedHit = new Hit(cue, m.start(), m.end(), true);
                }
            }
            if (kept != null) {
                hits.add(kept);
            } else if (negatedHit != null) {
                hits.add(negatedHit);
            }
        }
        return hits;
    }

    static boolean negated(String folded, int start) {
        return precededBy(NEGATION, folded, start);
    }

    /** Whether the marker occurs before the position in the same clause (at most 40 characters back). */
    static boolean precededBy(Pattern marker, String folded, int start) {
        int from = Math.max(0, start - 40);
        String window = folded.substring(from, start);
        Matcher end = CLAUSE_END.matcher(window);
        int clause = 0;
        while (end.find()) {
            clause = end.end();
        }
        return marker.matcher(window.substring(clause)).find();
    }
}
