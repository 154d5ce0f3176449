package io.arfollowup.bench;

import java.util.List;

/**
 * One benchmark of {@code make bench}. It prints its details itself, then returns one {@link BenchResult} per budget
 * it measures. Implementations register in META-INF/services/io.arfollowup.bench.Benchmark.
 */
public interface Benchmark {
    String name();

    List<BenchResult> run(BenchContext context) throws Exception;
}
