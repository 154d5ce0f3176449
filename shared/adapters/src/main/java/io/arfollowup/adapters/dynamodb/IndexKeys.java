package io.arfollowup.adapters.dynamodb;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Keys of the index items and index attributes added for the collectors' screens (see {@link SingleTable}). */
final class IndexKeys {

    /** Fixed-width UTC instants: they sort and compare as text the way they do as instants. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    static final int MAX_NAME_TOKENS = 8;

    private IndexKeys() {
    }

    static String instant(Instant at) {
        return SORTABLE.format(at);
    }

    /**
     * Range bounds over sort keys that start with an instant, whatever its text form ({@code Instant.toString()} or
     * fixed width): the second it falls in, and for the upper bound the same second followed by '~' (after every
     * character those keys use), so [from, to] is covered to the second.
     */
    static String lower(Instant from) {
        return SECOND.format(from);
    }

    static String upper(Instant to) {
        return SECOND.format(to) + "~";
    }

    /** Words of a customer's name as the picker matches them: lower case, no accents, letters and digits, ≥ 2. */
    static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    /** The partition of a name token: its first two characters. */
    static String namePartition(String token) {
        return "NAME#" + token.substring(0, 2);
    }
}
