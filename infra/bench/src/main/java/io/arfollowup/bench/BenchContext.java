package io.arfollowup.bench;

import java.nio.file.Path;

/** Where things are: the repository root (jars, events) and the shared material (../shared). */
public record BenchContext(Path root, Path shared) {

    public static BenchContext fromSystemProperties() {
        Path root = Path.of(System.getProperty("arfollowup.root.dir", ".")).toAbsolutePath().normalize();
        Path shared = Path.of(System.getProperty("arfollowup.shared.dir", root.resolve("../shared").toString()))
                .toAbsolutePath().normalize();
        return new BenchContext(root, shared);
    }
}
