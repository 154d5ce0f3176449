package io.arfollowup.adapters.suggest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.mail.ReplyExtractor;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.suggest.BuiltInSuggester;
import io.arfollowup.core.suggest.InMemoryLearningStore;
import io.arfollowup.core.suggest.RefFinder;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code make eval [FILE=replies.jsonl]}: scores the built-in suggester on labelled replies (the format of
 * ../shared/corpus/dev/replies.jsonl). With a file: the shipped model (seed examples only) scores it — it never
 * trains on the file it scores. Without: k-fold cross-validation on the dev corpus (train on k-1 folds plus the
 * seeds, score the held-out fold), then the seed-only model on the whole corpus.
 */
public final class EvalMain {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** One labelled reply. */
    record Labelled(String id, String lang, String channel, String subject, String text, String status,
                    List<String> refs, LocalDate date, BigDecimal amount, String currency, Instant receivedAt) {
    }

    private EvalMain() {
    }

    public static void main(String[] args) throws IOException {
        String file = null;
        int k = 5;
        LocalDate reference = LocalDate.of(2025, 11, 5);
        boolean details = false;
        for (String a : args) {
            if (a.startsWith("--k=")) {
                k = Integer.parseInt(a.substring(4));
            } else if (a.startsWith("--reference-date=")) {
                reference = LocalDate.parse(a.substring(17));
            } else if (a.equals("--errors")) {
                // also prints each miss (status, date, amount) with its evidence
                details = true;
            } else if (!a.isBlank()) {
                file = a;
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (file != null) {
            List<Labelled> data = read(Path.of(file), reference);
            out.println("== " + file + " (" + data.size() + " replies), scored by the shipped model (seed examples only)");
            Scores s = score(data, List.of(), out, details);
            s.print(out);
            out.println(s.lastLine());
            return;
        }
        Path shared = Path.of(System.getProperty("arfollowup.shared.dir", "../shared"));
        Path dev = shared.resolve("corpus/dev/replies.jsonl");
        List<Labelled> data = read(dev, reference);
        out.println("== no FILE given: " + k + "-fold cross-validation on " + dev + " (" + data.size()
                + " replies)");

        out.println();
        out.println("== seed-only (the shipped model, never trained on this corpus)");
        Scores seedOnly = score(data, List.of(), out, false);
        seedOnly.print(out);

        out.println();
        out.println("== " + k + "-fold cross-validation (seeds + k-1 folds, scored on the held-out fold)");
        Scores cv = new Scores();
        for (int fold = 0; fold < k; fold++) {
            List<Labelled> train = new ArrayList<>();
            List<Labelled> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (i % k == fold ? test : train).add(data.get(i));
            }
            Scores f = score(test, train, out, details);
            out.printf(Locale.ROOT, "fold %d: top1=%.3f top3=%.3f n=%d%n", fold + 1, f.top1(), f.top3(), f.n);
            cv.merge(f);
        }
        cv.print(out);
        out.printf(Locale.ROOT, "seed-only: top1=%.3f top3=%.3f refF1=%.3f date=%.3f amount=%.3f n=%d%n",
                seedOnly.top1(), seedOnly.top3(), seedOnly.refF1(), seedOnly.dateAll(), seedOnly.amountAll(),
                seedOnly.n);
        out.println(cv.lastLine());
    }

    static Scores score(List<Labelled> test, List<Labelled> train, PrintStream out, boolean details) {
        BuiltInSuggester suggester = new BuiltInSuggester(null, null, new InMemoryLearningStore());
        for (Labelled t : train) {
            suggester.learn(request(t), new Qualification(t.id(), 1, t.id(),
                    List.of(new QualificationGroup(t.refs(), t.status(), null, null, null, null, null)), null,
                    "eval", Instant.EPOCH, SuggestionOutcome.NO_SUGGESTION));
        }
        Scores s = new Scores();
        for (Labelled t : test) {
            Suggestion suggestion = suggester.suggest(request(t)).orElseThrow();
            SuggestedGroup main = suggestion.main().orElseThrow();
            List<String> top = suggestion.top().stream().map(x -> x.statusCode()).toList();
            List<String> refs = RefFinder.find((t.subject() == null ? "" : t.subject() + "\n") + t.text());
            s.add(t, main.statusCode(), top, refs, main.promisedDate(), main.amount(), main.currency());
            if (details && !main.statusCode().equals(t.status())) {
                out.println("  miss " + t.id() + " gold=" + t.status() + " got=" + top + " | "
                        + suggestion.evidence());
            }
            if (details && !normalised(refs).equals(normalised(t.refs()))) {
                out.println("  refs " + t.id() + " gold=" + t.refs() + " got=" + refs);
            }
            if (details && !java.util.Objects.equals(t.date(), main.promisedDate())) {
                out.println("  date " + t.id() + " gold=" + t.date() + " got=" + main.promisedDate());
            }
            if (details && (t.amount() == null ? main.amount() != null
                    : main.amount() == null || t.amount().compareTo(main.amount()) != 0)) {
                out.println("  amount " + t.id() + " gold=" + t.amount() + " got=" + main.amount());
            }
        }
        return s;
    }

    /** References as the corpus README compares them (and the F1 below counts them): {@link RefFinder#normalize}. */
    static Set<String> normalised(List<String> refs) {
        Set<String> out = new TreeSet<>();
        refs.forEach(r -> out.add(RefFinder.normalize(r)));
        return out;
    }

    private static final ReplyExtractor EXTRACTOR = new ReplyExtractor();

    /**
     * The reply as the suggester gets it in production: an e-mail's body goes through the inbound pipeline's
     * extractor first (quotes, forwarded history, signature), as ReceiveEmail does before it stores the new text;
     * a web-form comment is the comment.
     */
    static SuggestionRequest request(Labelled t) {
        boolean web = "web_form".equals(t.channel());
        String text = web ? t.text() : EXTRACTOR.extract(t.text(), new ReplyExtractor.Context(t.subject(), null, null))
                .newText();
        return new SuggestionRequest(t.id(), web ? ResponseChannel.WEB_FORM : ResponseChannel.EMAIL, t.subject(), text,
                t.lang(), List.of(), List.of(), List.of(), t.receivedAt(), ZONE,
                "en".equals(t.lang()) ? Country.GB : Country.FR, false);
    }

    static List<Labelled> read(Path file, LocalDate reference) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject n = JsonParser.parseString(line).getAsJsonObject();
            List<String> refs = new ArrayList<>();
            if (n.has("invoice_refs") && n.get("invoice_refs").isJsonArray()) {
                n.getAsJsonArray("invoice_refs").forEach(r -> refs.add(r.getAsString()));
            }
            String receivedAt = text(n, "received_at");
            Instant received = receivedAt != null ? Instant.parse(receivedAt)
                    : reference.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
            String date = text(n, "promised_date");
            JsonElement amount = n.get("amount");
            out.add(new Labelled(text(n, "id"), orElse(text(n, "lang"), "fr"), orElse(text(n, "channel"), "email"),
                    text(n, "subject"), orElse(text(n, "text"), ""), text(n, "status"), refs,
                    date == null ? null : LocalDate.parse(date),
                    amount == null || amount.isJsonNull() ? null : amount.getAsBigDecimal(),
                    text(n, "currency"), received));
        }
        return out;
    }

    private static String text(JsonObject n, String field) {
        JsonElement e = n.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Accumulated figures. */
    static final class Scores {
        int n;
        int top1;
        int top3;
        int refTp;
        int refFp;
        int refFn;
        int dateOk;
        int dateGold;
        int dateGoldOk;
        int amountOk;
        int amountGold;
        int amountGoldOk;
        final Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();

        void add(Labelled t, String predicted, List<String> top, List<String> refs, LocalDate date, BigDecimal amount,
                 String currency) {
            n++;
            if (predicted.equals(t.status())) {
                top1++;
            }
            if (top.contains(t.status())) {
                top3++;
            }
            confusion.computeIfAbsent(t.status(), x -> new LinkedHashMap<>()).merge(predicted, 1, Integer::sum);
            Set<String> gold = new HashSet<>();
            t.refs().forEach(r -> gold.add(RefFinder.normalize(r)));
            Set<String> got = new HashSet<>();
            refs.forEach(r -> got.add(RefFinder.normalize(r)));
            for (String g : got) {
                if (gold.contains(g)) {
                    refTp++;
                } else {
                    refFp++;
                }
            }
            for (String g : gold) {
                if (!got.contains(g)) {
                    refFn++;
                }
            }
            boolean dOk = t.date() == null ? date == null : t.date().equals(date);
            dateOk += dOk ? 1 : 0;
            if (t.date() != null) {
                dateGold++;
                dateGoldOk += dOk ? 1 : 0;
            }
            boolean aOk = t.amount() == null ? amount == null
                    : amount != null && t.amount().compareTo(amount) == 0
                    && (t.currency() == null || t.currency().equals(currency));
            amountOk += aOk ? 1 : 0;
            if (t.amount() != null) {
                amountGold++;
                amountGoldOk += aOk ? 1 : 0;
            }
        }

        void merge(Scores o) {
            n += o.n;
            top1 += o.top1;
            top3 += o.top3;
            refTp += o.refTp;
            refFp += o.refFp;
            refFn += o.refFn;
            dateOk += o.dateOk;
            dateGold += o.dateGold;
            dateGoldOk += o.dateGoldOk;
            amountOk += o.amountOk;
            amountGold += o.amountGold;
            amountGoldOk += o.amountGoldOk;
            o.confusion.forEach((g, m) -> m.forEach((p, c) ->
                    confusion.computeIfAbsent(g, x -> new LinkedHashMap<>()).merge(p, c, Integer::sum)));
        }

        double top1() {
            return n == 0 ? 0 : (double) top1 / n;
        }

        double top3() {
            return n == 0 ? 0 : (double) top3 / n;
        }

        double refF1() {
            double p = refTp + refFp == 0 ? 1 : (double) refTp / (refTp + refFp);
            double r = refTp + refFn == 0 ? 1 : (double) refTp / (refTp + refFn);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double dateAll() {
            return n == 0 ? 0 : (double) dateOk / n;
        }

        double amountAll() {
            return n == 0 ? 0 : (double) amountOk / n;
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "status top-1 accuracy: %.3f (%d/%d)%n", top1(), top1, n);
            out.printf(Locale.ROOT, "status top-3 accuracy: %.3f (%d/%d)%n", top3(), top3, n);
            Set<String> codes = new TreeSet<>(confusion.keySet());
            confusion.values().forEach(m -> codes.addAll(m.keySet()));
            out.println("per status:                 recall   precision   n");
            for (String c : codes) {
                int gold = confusion.getOrDefault(c, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
                int tp = confusion.getOrDefault(c, Map.of()).getOrDefault(c, 0);
                int predicted = confusion.values().stream().mapToInt(m -> m.getOrDefault(c, 0)).sum();
                out.printf(Locale.ROOT, "  %-24s %6.3f   %6.3f   %3d%n", c, gold == 0 ? 0 : (double) tp / gold,
                        predicted == 0 ? 0 : (double) tp / predicted, gold);
            }
            List<String> cols = new ArrayList<>(codes);
            out.println("confusion (rows = expected, columns = proposed):");
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-6s", ""));
            for (String c : cols) {
                header.append(String.format(Locale.ROOT, " %5s", abbreviate(c)));
            }
            out.println(header);
            for (String g : cols) {
                if (!confusion.containsKey(g)) {
                    continue;
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-6s", abbreviate(g)));
                for (String p : cols) {
                    int v = confusion.get(g).getOrDefault(p, 0);
                    row.append(String.format(Locale.ROOT, " %5s", v == 0 ? "." : Integer.toString(v)));
                }
                out.println(row);
            }
            out.println("  (" + String.join(", ", cols.stream().map(c -> abbreviate(c) + "=" + c).toList()) + ")");
            double p = refTp + refFp == 0 ? 1 : (double) refTp / (refTp + refFp);
            double r = refTp + refFn == 0 ? 1 : (double) refTp / (refTp + refFn);
            out.printf(Locale.ROOT, "invoice-reference F1: %.3f (precision %.3f, recall %.3f)%n", refF1(), p, r);
            out.printf(Locale.ROOT, "promised-date exact match: %.3f over all (%d/%d), %.3f where a date is expected"
                    + " (%d/%d)%n", dateAll(), dateOk, n, dateGold == 0 ? 1 : (double) dateGoldOk / dateGold,
                    dateGoldOk, dateGold);
            out.printf(Locale.ROOT, "amount exact match: %.3f over all (%d/%d), %.3f where an amount is expected"
                    + " (%d/%d)%n", amountAll(), amountOk, n, amountGold == 0 ? 1 : (double) amountGoldOk / amountGold,
                    amountGoldOk, amountGold);
        }

        String lastLine() {
            return String.format(Locale.ROOT, "eval: top1=%.3f top3=%.3f n=%d", top1(), top3(), n);
        }

        private static String abbreviate(String code) {
            String[] parts = code.split("_");
            StringBuilder sb = new StringBuilder();
            for (String part : parts) {
                sb.append(part, 0, Math.min(part.length(), parts.length == 1 ? 5 : 2));
            }
            return sb.length() > 5 ? sb.substring(0, 5) : sb.toString();
        }
    }
}
