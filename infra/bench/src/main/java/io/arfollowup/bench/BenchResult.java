package io.arfollowup.bench;

import java.util.Locale;

/** One measured budget: printed as {@code bench: <name> <value> <unit> budget <limit> <ok|over>}. */
public record BenchResult(String name, double value, String unit, double budget, boolean lowerIsBetter) {

    public boolean ok() {
        return lowerIsBetter ? value <= budget : value >= budget;
    }

    public String line() {
        return String.format(Locale.ROOT, "bench: %s %s %s budget %s %s", name, fmt(value), unit, fmt(budget),
                ok() ? "ok" : "over");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
