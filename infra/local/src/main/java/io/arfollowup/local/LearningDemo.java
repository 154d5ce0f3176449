package io.arfollowup.local;

import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.StatusScore;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.port.SuggestionRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code make demo}, step (m): the suggester learns from a collector's decision. A reply written in a customer's
 * own idiom (events/emails-learning/01_…) gets a suggestion the collector overrides, through the same signed Slack
 * path as step (c); a similar reply from another customer (02_…), ingested afterwards, gets the collector's status.
 * What the same deployment would have suggested for it before the correction is printed beside it.
 */
final class LearningDemo {

    /** What step (m) showed, for the console and {@code LearningDemoIT}. */
    record Result(String firstFile, String firstSuggested, String decided, String firstState, String laterFile,
                  String laterResponseId, String laterBefore, String laterAfter) {
    }

    private final Demo demo;
    private final Components c;
    private final Path dir;
    private final PrintStream out;

    LearningDemo(Demo demo, Components c, Path dir, PrintStream out) {
        this.demo = demo;
        this.c = c;
        this.dir = dir;
        this.out = out;
    }

    Result run() {
        out.println();
        out.println("(m) learning from a correction (" + dir + ")");
        List<Path> files = emails();
        if (files.size() < 2) {
            out.println("  skipped: this folder needs the corrected reply and a later, similar one");
            return null;
        }
        Path firstFile = files.get(0);
        Path laterFile = files.get(1);
        Map<String, List<DemoData.Decision>> decisions = new DemoData(dir, LocalDate.now(ZoneId.of("Europe/Paris")))
                .decisions();
        List<DemoData.Decision> decision = decisions.get(firstFile.getFileName().toString());
        if (decision == null || decision.isEmpty()) {
            out.println("  skipped: no decision for " + firstFile.getFileName() + " in " + dir.resolve("decisions.csv"));
            return null;
        }

        // what the deployment suggests for the later reply now, before the correction (read, not ingested)
        ReadMail later = new AngusMailReader().read(laterFile, AttachmentSink.DISCARD);
        Suggestion before = c.suggester().suggest(new SuggestionRequest(null, ResponseChannel.EMAIL, later.subject(),
                later.newText(), later.language(), List.of(), List.of(), later.refCandidates(), later.sentAt(),
                ZoneId.of("Europe/Paris"), Country.FR, later.autoReply())).orElse(null);

        Demo.EmailRun first = demo.ingest(firstFile);
        String suggested = main(first.response() == null ? null : first.response().suggestion());
        out.printf("  %-44s « %s »%n", first.file(), excerpt(first.response() == null ? "" : first.response().newText()));
        out.printf("      suggestion: %s; the collector qualifies it %s instead (signed Slack interactions):%n",
                label(first.response() == null ? null : first.response().suggestion()), decision.get(0).status());
        Demo.EmailRun qualified = demo.qualify(first, decision);

        Demo.EmailRun second = demo.ingest(laterFile);
        Suggestion after = second.response() == null ? null : second.response().suggestion();
        out.printf("  %-44s « %s »%n", second.file(), excerpt(second.response() == null ? later.newText()
                : second.response().newText()));
        out.printf("      suggestion before the correction: %s%n", label(before));
        out.printf("      suggestion now, ingested after it: %s%s%n", label(after),
                main(after) != null && !main(after).equals(main(before)) ? "  ← learned from the collector's decision"
                        : "");
        return new Result(first.file(), suggested, decision.get(0).status(),
                qualified.response() == null ? null : qualified.response().state().name(), second.file(),
                second.responseId(), main(before), main(after));
    }

    private List<Path> emails() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String main(Suggestion s) {
        return s == null ? null : s.main().map(g -> g.statusCode()).orElse(null);
    }

    private static String label(Suggestion s) {
        if (s == null || s.top().isEmpty()) {
            return "none";
        }
        StatusScore top = s.top().get(0);
        return top.statusCode() + " (" + Math.round(top.confidence() * 100) + " %)";
    }

    private static String excerpt(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() > 110 ? t.substring(0, 110) + "…" : t;
    }
}
