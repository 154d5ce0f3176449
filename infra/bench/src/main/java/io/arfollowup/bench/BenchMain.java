package io.arfollowup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * {@code make bench [BENCH=name,name]}: runs every registered {@link Benchmark} (or the named ones), prints their
 * details as they go, then one summary line per budget so runs can be compared line by line.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = args.length == 0 || args[0].isBlank() ? Set.of() : Set.of(args[0].split(","));
        BenchContext context = BenchContext.fromSystemProperties();
        List<BenchResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Benchmark b : ServiceLoader.load(Benchmark.class)) {
            if (!only.isEmpty() && !only.contains(b.name())) {
                continue;
            }
            System.out.println("== " + b.name());
            try {
                results.addAll(b.run(context));
            } catch (Exception | AssertionError e) {
                failures.add(b.name() + ": " + e);
                e.printStackTrace(System.out);
            }
        }
        System.out.println();
        System.out.println("== summary");
        results.forEach(r -> System.out.println(r.line()));
        failures.forEach(f -> System.out.println("bench: FAILED " + f));
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }
}
