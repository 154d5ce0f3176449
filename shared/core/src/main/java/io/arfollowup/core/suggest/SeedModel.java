package io.arfollowup.core.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The learned model's starting point: the counts of the shipped seed examples. Reading ~760 seeds through the
 * lexicon costs more than a second on a cold JVM, so the build computes them once ({@link #main}, run by the
 * adapters module at process-classes) into {@value #RESOURCE}, a compact text a Lambda loads in milliseconds. The
 * file starts with a fingerprint of the sources it was computed from (lexicon, seeds, feature version): when it
 * is missing or does not match (an edited lexicon, a test class path without it), the counts are computed from
 * the seeds as before, so a stale file can never change a suggestion.
 */
public final class SeedModel {

    static final String RESOURCE = "config/suggester/seed-model.txt";
    /** Bump when {@link Analysis}' features change in a way the sources' fingerprint cannot see. */
    static final int FEATURE_VERSION = 5;
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 15);

    private SeedModel() {
    }

    /** The lexicon and the seeds' counts as this JVM uses them, and whether the build's precomputed file served. */
    record Shipped(Lexicon lexicon, CountModel seeds, boolean precomputed) {
    }

    private static final char SEPARATOR = '\u001f';

    /**
     * The lexicon (its cues' prefix filters taken from the precomputed file) and the seeds' counts: from the
     * resource when it matches the sources, else computed now.
     */
    static Shipped load() {
        String expected = header(fingerprint());
        // -Darfollowup.suggester.seed-model=compute: ignore the precomputed file (the benchmark's "before" run)
        InputStream in = "compute".equals(System.getProperty("arfollowup.suggester.seed-model")) ? null
                : SeedModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in != null) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                if (expected.equals(r.readLine())) {
                    List<Set<String>> prefixes = new ArrayList<>();
                    while (true) {
                        r.mark(1 << 16);
                        String line = r.readLine();
                        if (line == null || !line.startsWith("@")) {
                            r.reset();
                            break;
                        }
                        prefixes.add(line.equals("@-") ? null
                                : Set.of(line.substring(1).split(String.valueOf(SEPARATOR))));
                    }
                    Lexicon lexicon = lexiconFromClassPath(prefixes);
                    return new Shipped(lexicon, CountModel.parse(r), true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Lexicon lexicon = Lexicon.fromClassPath();
        return new Shipped(lexicon, compute(lexicon), false);
    }

    private static Lexicon lexiconFromClassPath(List<Set<String>> prefixes) throws IOException {
        try (InputStream in = SeedModel.class.getClassLoader().getResourceAsStream(Lexicon.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + Lexicon.RESOURCE);
            }
            return Lexicon.read(new InputStreamReader(in, StandardCharsets.UTF_8), prefixes);
        }
    }

    /** The seeds read through the lexicon, one example each (what {@link #main} writes). */
    static CountModel compute(Lexicon lexicon) {
        CountModel model = new CountModel();
        for (SeedExamples.Seed seed : SeedExamples.fromClassPath()) {
            Analysis a = new Analysis(BuiltInSuggester.ownWords(seed.text()), lexicon, REFERENCE, seed.language(), false,
                    List.of());
            model.add(seed.status(), a.features, 1);
        }
        model.pruneSingleBigrams();
        return model;
    }

    /** The text of the precomputed file: fingerprint line, each cue's prefix filter ({@code @}), then the counts. */
    static String text(Lexicon lexicon) {
        StringBuilder sb = new StringBuilder(header(fingerprint())).append('\n');
        for (Lexicon.Cue cue : lexicon.cues()) {
            if (cue.prefixes() == null) {
                sb.append("@-\n");
                continue;
            }
            List<String> sorted = new ArrayList<>(cue.prefixes());
            java.util.Collections.sort(sorted);
            for (String p : sorted) {
                if (p.isEmpty() || p.indexOf(SEPARATOR) >= 0 || p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
                    throw new IllegalStateException("cue prefix cannot be written: " + p);
                }
            }
            sb.append('@').append(String.join(String.valueOf(SEPARATOR), sorted)).append('\n');
        }
        return sb.append(compute(lexicon).serialize()).toString();
    }

    private static String header(String fingerprint) {
        return "# seed-model " + fingerprint;
    }

    /** CRC-32 of the lexicon and the seeds as shipped, plus the feature version. */
    static String fingerprint() {
        CRC32 crc = new CRC32();
        for (String resource : List.of(Lexicon.RESOURCE, SeedExamples.RESOURCE)) {
            try (InputStream in = SeedModel.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing class-path resource " + resource);
                }
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Long.toHexString(crc.getValue()) + "-v" + FEATURE_VERSION;
    }

    /** Build step: writes the precomputed seed model to the given file. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text(Lexicon.fromClassPath()), StandardCharsets.UTF_8);
    }
}
