package io.arfollowup.core.domain;

import java.util.Collection;

/**
 * The promise-kept rate of a customer or a collector over the promises read (a bounded window of the latest ones):
 * kept / (kept + broken). A partly kept promise counts as broken and is also counted in {@code partlyKept}.
 */
public record PromiseStats(int kept, int broken, int partlyKept, int open, int cancelled) {

    public static PromiseStats of(Collection<Promise> promises) {
        int kept = 0;
        int broken = 0;
        int partly = 0;
        int open = 0;
        int cancelled = 0;
        for (Promise p : promises) {
            switch (p.state()) {
                case KEPT -> kept++;
                case BROKEN -> {
                    broken++;
                    if (p.partlyKept()) {
                        partly++;
                    }
                }
                case OPEN -> open++;
                case CANCELLED -> cancelled++;
            }
        }
        return new PromiseStats(kept, broken, partly, open, cancelled);
    }

    public int settled() {
        return kept + broken;
    }

    /** Between 0 and 1; empty when no promise was settled yet. */
    public java.util.OptionalDouble keptRate() {
        return settled() == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) kept / settled());
    }
}
