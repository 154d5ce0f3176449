package io.arfollowup.bench;

import java.util.Locale;

/**
 * One measured budget: printed as {@code bench: <name> <value> <unit> budget <limit> <ok|over>}; a figure printed for
 * comparison only (a ratio to a baseline, the JVM defaults) has no budget: {@code budget none info}.
 */
public record BenchResult(String name, double value, String unit, double budget, boolean lowerIsBetter) {

    /** A figure without a budget of its own (printed so runs can be compared). */
    public static BenchResult info(String name, double value, String unit) {
        return new BenchResult(name, value, unit, Double.NaN, true);
    }

    public boolean ok() {
        return Double.isNaN(budget) || (lowerIsBetter ? value <= budget : value >= budget);
    }

    public String line() {
        if (Double.isNaN(budget)) {
            return String.format(Locale.ROOT, "bench: %s %s %s budget none info", name, fmt(value), unit);
        }
        return String.format(Locale.ROOT, "bench: %s %s %s budget %s %s", name, fmt(value), unit, fmt(budget),
                ok() ? "ok" : "over");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
