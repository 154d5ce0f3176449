package io.arfollowup.core.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples the product ships ({@code config/suggester/seed-examples.txt}): short replies written for the
 * product, one per line as {@code STATUS :: lang :: text} ({@code \n} for a line break). They give the learned model
 * a start before a deployment's own decisions arrive.
 */
final class SeedExamples {

    static final String RESOURCE = "config/suggester/seed-examples.txt";

    record Seed(String status, String language, String text) {
    }

    private SeedExamples() {
    }

    static List<Seed> fromClassPath() {
        InputStream in = SeedExamples.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCE);
        }
        List<Seed> seeds = new ArrayList<>();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = br.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" :: ", 3);
                if (parts.length == 3) {
                    seeds.add(new Seed(parts[0].trim(), parts[1].trim(), parts[2].replace("\\n", "\n")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }
}
