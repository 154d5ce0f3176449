package io.arfollowup.core.suggest;

import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusScore;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.LearningStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.time.FollowUpPlanner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The product's own suggester: a domain lexicon (FR/EN, usable DE/ES/IT) read on the customer's own words only,
 * extraction of references, promised date and amount, a small Naive Bayes learned from the shipped seed examples
 * plus every decision of the deployment, and a memory of recent decisions for replies that look like one already
 * qualified. Offline, under a millisecond per reply, and it says which phrase drove the proposal.
 */
public final class BuiltInSuggester implements Suggester {

    /** The statuses a customer reply can get (TAXONOMY.md), in catalogue order. */
    public static final List<String> REPLY_STATUSES = List.of(
            "ADMIN_DISPUTE", "COMMERCIAL_DISPUTE", "DELIVERY_DISPUTE", "CREDIT_NOTE_EXPECTED", "PAYMENT_PROMISE",
            "PAYMENT_PLAN_REQUEST", "ALREADY_PAID", "PAYMENT_IN_PROGRESS", "COPY_REQUEST", "DOCUMENT_REQUEST",
            "WRONG_CONTACT", "FINANCIAL_DIFFICULTY", "OUT_OF_OFFICE", "NO_ACTION");
    private static final Set<String> AMOUNT_STATUSES = Set.of("ADMIN_DISPUTE", "COMMERCIAL_DISPUTE",
            "DELIVERY_DISPUTE", "CREDIT_NOTE_EXPECTED", "PAYMENT_PROMISE", "PAYMENT_PLAN_REQUEST", "ALREADY_PAID");
    private static final Set<String> DATE_STATUSES = Set.of("PAYMENT_PROMISE", "PAYMENT_PLAN_REQUEST");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(reponse automatique|automatic reply|auto-?reply|autoreply|out of (the )?office|absence|abwesen"
                    + "|respuesta automatica|risposta automatica|accuse de reception|ticket|case|\\[#)");
    private static final Pattern READ_SUBJECT = Pattern.compile("^(lu|read|gelesen|leido|letto)\\s?:"
            + "|accuse de reception \\((affiche|lu)\\)|\\(displayed\\)|read receipt|return receipt|lesebestatigung");
    private static final String SOURCE = "built-in";
    private static final Pattern PAYMENT_WORD = Pattern.compile(
            "\\b(virement|paiement|reglement|regler|payer|paie|paye|cheque|payment|paying|pay|transfer|funds|bacs|wire"
                    + "|settle|zahlung|pago|pagamento|bonifico|transferencia|uberweisung)");
    private static final Pattern ACKNOWLEDGEMENT = Pattern.compile(
            "\\b(merci|thanks?|thank you|cheers|noted|note|ok|okay|d'accord|recu|received|parfait|great|got it|bien"
                    + "|danke|gracias|grazie)\\b");

    /** How much the learned model weighs against the lexicon. */
    static final double LEARNED_WEIGHT = 0.2;
    /** The most the learned model can take from a status. */
    static final double LEARNED_CAP = 4;

    static final double MEMORY_MIN_SIMILARITY = 0.5;
    static final double MEMORY_WEIGHT = 8;

    private final RuleCatalog rules;
    private final FollowUpPlanner planner;
    private final LearningStore store;
    private final Lexicon lexicon;
    private final java.time.Clock clock;
    private final java.time.Duration refresh;
    private volatile CountModel model;
    private volatile Memory memory;
    private volatile java.time.Instant loadedAt;
    private final List<String> statuses;

    private static volatile SeedModel.Shipped shipped;
    private static final Typos TYPOS = new Typos();

    /**
     * The customer's own words. Quotes are stripped once, by the production extractor
     * ({@code core/mail/ReplyExtractor}), before the text reaches the suggester: ReceiveEmail stores its result as
     * the response's new text, and {@code make eval} runs it on the corpus' raw bodies the same way. What arrives
     * here only goes through {@link ReplyCleaner}, the suggester's safety net for what must never drive a status (a
     * quote the extractor kept, a closing formula's signature, a disclaimer, a mobile footer). Running the extractor
     * again here changed no figure and cost a quarter of a millisecond per reply (docs/decisions).
     */
    static String ownWords(String text) {
        return ReplyCleaner.clean(text);
    }

    public BuiltInSuggester(RuleCatalog rules, FollowUpPlanner planner, LearningStore store) {
        this(rules, planner, store, null, null);
    }

    /**
     * With a refresh period: a warm instance reloads what the store holds (other instances' decisions) when its
     * copy is older than {@code refresh} — the inbound function suggests but never learns itself.
     */
    public BuiltInSuggester(RuleCatalog rules, FollowUpPlanner planner, LearningStore store, java.time.Clock clock,
                            java.time.Duration refresh) {
        this.rules = rules;
        this.planner = planner;
        this.store = store;
        this.clock = clock;
        this.refresh = clock == null ? null : refresh;
        this.lexicon = shipped().lexicon();
        List<String> codes = new ArrayList<>(REPLY_STATUSES);
        if (rules != null) {
            for (StatusRule r : rules.rules()) {
                if (r.active() && !codes.contains(r.code()) && !"DISPUTE_RESOLVED".equals(r.code())
                        && !"PROMISE_KEPT".equals(r.code()) && !"PROMISE_BROKEN".equals(r.code())) {
                    codes.add(r.code());
                }
            }
        }
        this.statuses = List.copyOf(codes);
        try {
            reload();
        } catch (RuntimeException storeDown) {
            if (this.refresh == null) {
                throw storeDown;
            }
            // a suggestion is a help: start from the shipped seeds, the next refresh reads the store again
            model = shipped().seeds().copy();
            memory = new Memory();
            loadedAt = clock.instant().minus(this.refresh);
        }
    }

    /**
     * Rebuilds the learned parts from the shipped seeds and what the store holds now: counts (one bounded read)
     * and the most recent examples. Called at construction, and by the refresh period.
     */
    public void reload() {
        CountModel m = shipped().seeds().copy();
        m.addCounts(store.counts());
        Memory mem = new Memory();
        store.recent(Memory.CAPACITY).forEach(mem::put);
        model = m;
        memory = mem;
        loadedAt = clock == null ? null : clock.instant();
    }

    private void refreshIfStale() {
        java.time.Instant at = loadedAt;
        if (refresh == null || at == null || !clock.instant().isAfter(at.plus(refresh))) {
            return;
        }
        loadedAt = clock.instant(); // one reload per period, even when it fails
        try {
            reload();
        } catch (RuntimeException storeDown) {
            // keep suggesting from what this instance already knows; the next period tries again
        }
    }

    /** The lexicon and the seeds' counts are the same for every instance: read them once per JVM. */
    private static SeedModel.Shipped shipped() {
        SeedModel.Shipped s = shipped;
        if (s == null) {
            synchronized (BuiltInSuggester.class) {
                s = shipped;
                if (s == null) {
                    s = SeedModel.load();
                    shipped = s;
                }
            }
        }
        return s;
    }

    /** Whether this JVM's seed model came precomputed from the build (false: computed from the seeds at start). */
    public static boolean seedModelPrecomputed() {
        return shipped().precomputed();
    }

    /** Number of examples the learned model holds (seeds + decisions). */
    public int examples() {
        return model.documents();
    }

    /** Size of the learned model serialized as text, in bytes (the 350 KB budget). */
    public int modelSizeInBytes() {
        return model.sizeInBytes();
    }

    /** Size of the lexicon resource, in bytes. */
    public static int lexiconSizeInBytes() {
        try (var in = BuiltInSuggester.class.getClassLoader().getResourceAsStream(Lexicon.RESOURCE)) {
            return in == null ? 0 : in.readAllBytes().length;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public Optional<Suggestion> suggest(SuggestionRequest request) {
        refreshIfStale();
        Reading r = read(request);
        double[] scores = r.scores;
        Integer[] order = new Integer[statuses.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        double max = scores[order[0]];
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s - max);
        }
        List<StatusScore> top = new ArrayList<>();
        for (int k = 0; k < Math.min(3, order.length); k++) {
            top.add(new StatusScore(statuses.get(order[k]), round(Math.exp(scores[order[k]] - max) / sum)));
        }
        String main = statuses.get(order[0]);
        double confidence = top.get(0).confidence();

        List<String> refs = refs(request, r.analysis);
        if (refs.isEmpty() && defaultType(main) != StatusType.NONE) {
            // the reply names no invoice: it answers the reminder, which listed the customer's overdue items
            for (Item item : request.openItems()) {
                if (item.kind() == io.arfollowup.core.domain.ItemKind.INVOICE && !item.isPaid()) {
                    refs.add(item.number());
                }
            }
        }
        LocalDate date = "PAYMENT_PLAN_REQUEST".equals(main) ? planDate(r.analysis)
                : DATE_STATUSES.contains(main) ? promisedDate(r.analysis) : null;
        AmountFinder.Found amount = AMOUNT_STATUSES.contains(main) ? amountFor(r.analysis, main) : null;

        List<SuggestedGroup> groups = new ArrayList<>();
        if (!request.answers().isEmpty()) {
            groups.addAll(formGroups(request, r, main, confidence));
            main = groups.get(0).statusCode();
            date = groups.get(0).promisedDate() != null ? groups.get(0).promisedDate() : date;
        } else {
            Map<String, List<String>> split = MultiGroup.split(r.analysis, lexicon, refs, main);
            for (Map.Entry<String, List<String>> e : split.entrySet()) {
                boolean isMain = e.getKey().equals(main);
                groups.add(group(request, e.getKey(), isMain ? confidence : round(confidence * 0.8), e.getValue(),
                        isMain || DATE_STATUSES.contains(e.getKey()) ? date : null,
                        isMain ? amount : null));
            }
        }
        String reason = reason(r.analysis, main);
        boolean french = r.analysis.language.equals("fr");
        SuggestedGroup first = groups.get(0);
        String summary = Summarizer.summarize(french, main, first.itemNumbers().isEmpty() ? refs : first.itemNumbers(),
                first.amount(), first.currency(), first.promisedDate(), reason);
        return Optional.of(new Suggestion(groups, top, summary, evidence(r.analysis, main), SOURCE));
    }

    @Override
    public void learn(SuggestionRequest request, Qualification decision) {
        if (decision.groups().isEmpty() || request.responseId() == null) {
            return;
        }
        String status = decision.groups().get(0).statusCode();
        Reading r = read(request);
        LearningStore.Example example = new LearningStore.Example(request.responseId(), status, r.analysis.features);
        Optional<LearningStore.Example> previous = store.put(example); // no read first: DESIGN §11's call budget
        if (previous.isPresent() && previous.get().equals(example)) {
            return; // the same decision again (a retry, a double click): already learned
        }
        CountModel m = model;
        previous.ifPresent(p -> m.add(p.statusCode(), p.features(), -1));
        m.add(status, example.features(), 1);
        memory.put(example);
    }

    @Override
    public void forget(String responseId) {
        Optional<LearningStore.Example> previous = store.example(responseId);
        if (previous.isPresent()) {
            model.add(previous.get().statusCode(), previous.get().features(), -1);
            store.remove(responseId);
        }
        memory.remove(responseId);
    }

    /** The lexicon's and the learned model's scores, per status (same order as {@link #statuses}). */
    private record Reading(Analysis analysis, double[] scores) {
    }

    private Reading read(SuggestionRequest request) {
        ZoneId zone = request.zone() == null ? ZoneId.of("Europe/Paris") : request.zone();
        LocalDate today = request.receivedAt() == null ? LocalDate.now(zone)
                : request.receivedAt().atZone(zone).toLocalDate();
        String clean = TYPOS.correct(ownWords(request.newText()));
        String subject = Fold.fold(request.subject() == null ? "" : request.subject());
        List<String> facts = new ArrayList<>();
        boolean autoSubject = AUTO_SUBJECT.matcher(subject).find();
        boolean readReceipt = READ_SUBJECT.matcher(subject).find();
        if (!autoSubject && !readReceipt && ownSubject(subject)) {
            // a subject the customer wrote ("Demande d'échéancier", "Rebate not applied") is their words too
            clean = TYPOS.correct(request.subject().strip()) + "\n\n" + clean;
        }
        if (request.autoReply() || autoSubject) {
            facts.add("f:auto");
        }
        if (request.channel() == ResponseChannel.WEB_FORM) {
            facts.add("f:web");
        }
        Analysis a = new Analysis(clean, lexicon, today, request.language(), true, facts);
        dropConditionsOfOtherSentences(a);
        double[] s = new double[statuses.size()];
        List<List<Lexicon.Hit>> counted = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            counted.add(new ArrayList<>());
        }
        List<Lexicon.Hit> strongestFirst = new ArrayList<>(a.hits);
        strongestFirst.sort((x, y) -> Double.compare(y.cue().weight(), x.cue().weight()));
        for (Lexicon.Hit h : strongestFirst) {
            if (h.negated() || (h.cue().pastOnly() && futureSentence(a, h.start()))) {
                continue;
            }
            for (String st : h.cue().statuses()) {
                int i = statuses.indexOf(st);
                // two cues of a status reading the same words count once (the stronger one)
                if (i >= 0 && (h.cue().weight() < 0 || counted.get(i).stream()
                        .noneMatch(c -> c.cue().weight() > 0 && c.start() < h.end() && h.start() < c.end()))) {
                    s[i] += h.cue().weight();
                    counted.get(i).add(h);
                }
            }
        }
        add(s, "OUT_OF_OFFICE", request.autoReply() ? 6 : autoSubject ? 3 : 0);
        add(s, "NO_ACTION", readReceipt ? 6 : 0);
        if (a.tokenCount == 0) {
            add(s, "NO_ACTION", 8);
        }
        boolean promiseCue = cue(a, "PAYMENT_PROMISE") > 0 || cue(a, "PAYMENT_PLAN_REQUEST") > 0;
        if (!a.hasFutureDate() && cue(a, "PAYMENT_PROMISE") > 0) {
            // a commitment without a date is a vague horizon: payment in progress until a date is given (TAXONOMY)
            add(s, "PAYMENT_PROMISE", -2);
            add(s, "PAYMENT_IN_PROGRESS", 1.5);
        }
        if (a.hasFutureDate()) {
            boolean paymentWord = PAYMENT_WORD.matcher(a.folded).find();
            // a date next to a payment word is a promise, unless the reply says the payment is waiting on something
            double waiting = cue(a, "PAYMENT_IN_PROGRESS");
            add(s, "PAYMENT_PROMISE", promiseCue ? 2.5 : paymentWord && waiting < 3 ? 2 : 0.5);
            add(s, "PAYMENT_IN_PROGRESS", -1);
        }
        if (a.hasPastDate() && cue(a, "ALREADY_PAID") > 0) {
            add(s, "ALREADY_PAID", 1);
        }
        double dispute = Math.max(Math.max(cue(a, "ADMIN_DISPUTE"), cue(a, "COMMERCIAL_DISPUTE")),
                Math.max(cue(a, "DELIVERY_DISPUTE"), cue(a, "CREDIT_NOTE_EXPECTED")));
        double contest = Math.max(Math.max(cue(a, "ADMIN_DISPUTE"), cue(a, "COMMERCIAL_DISPUTE")),
                cue(a, "DELIVERY_DISPUTE"));
        if (contest >= 4 && cue(a, "ALREADY_PAID") > 0) {
            // "we paid the rest / the original": the disputed part is what the collector acts on (TAXONOMY)
            add(s, "ALREADY_PAID", -3.5);
        }
        boolean datedPromise = a.dates.stream().anyMatch(d -> !d.date().isBefore(a.today)
                && MultiGroup.sentenceHas(a, d.start(), "PAYMENT_PROMISE"));
        if (promiseCue && datedPromise && dispute >= 3 && cue(a, "PAYMENT_PROMISE") > 0) {
            // a dated promise on the undisputed part leads; the dispute is the second situation (TAXONOMY)
            add(s, "PAYMENT_PROMISE", 3.5);
        }
        long futureDates = a.dates.stream().filter(d -> !d.date().isBefore(a.today)).count();
        if (futureDates >= 2 && a.amounts.size() >= 2) {
            // several amounts on several dates: a schedule being proposed
            add(s, "PAYMENT_PLAN_REQUEST", 2);
        }
        if (a.tokenCount > 14) {
            // thanks and "c'est noté" inside a longer reply are politeness, not the message
            add(s, "NO_ACTION", -2);
        }
        boolean anyCue = a.hits.stream().anyMatch(h -> !h.negated() && h.cue().weight() > 0);
        if (!anyCue && a.tokenCount < 15) {
            // a short reply that says nothing of the domain: an acknowledgement, if it thanks or acknowledges
            add(s, "NO_ACTION", ACKNOWLEDGEMENT.matcher(a.folded).find() ? 2 : 0.5);
        }
        if (a.amounts.size() >= 2 && a.hasFutureDate() && a.folded.indexOf('?') >= 0) {
            // several amounts, a date and a question: the customer proposes how to split the payment
            add(s, "PAYMENT_PLAN_REQUEST", 1.5);
        } else if (cue(a, "PAYMENT_PLAN_REQUEST") > 0 && a.hasFutureDate() && a.folded.indexOf('?') >= 0) {
            // a part on a date, "then the rest later", asked rather than announced: a split being proposed
            add(s, "PAYMENT_PLAN_REQUEST", 1.5);
        }
        if (model.documents() > 0) {
            double[] nb = model.logScores(statuses, a.features);
            double best = Double.NEGATIVE_INFINITY;
            for (double v : nb) {
                best = Math.max(best, v);
            }
            for (int i = 0; i < s.length; i++) {
                // the learned model breaks ties and nudges; it cannot bury what the reply plainly says
                s[i] += Math.max(-LEARNED_CAP, LEARNED_WEIGHT * (nb[i] - best));
            }
        }
        // a reply much like one the team already qualified gets that decision's status
        for (Map.Entry<String, Double> e : memory.similar(a.features).entrySet()) {
            if (e.getValue() >= MEMORY_MIN_SIMILARITY) {
                add(s, e.getKey(), MEMORY_WEIGHT * e.getValue());
            }
        }
        return new Reading(a, s);
    }

    private static final Pattern NOT_OWN_SUBJECT = Pattern.compile(
            "(^|[\\s\\]\\[(])(re|tr|fw|fwd|aw|wg|rv|r|sv|vs|antw|rif|rp|ref)\\s?:|\\b(relance|rappel|reminder|overdue"
                    + "|past due|impayee?s?|mise en demeure|dunning|final notice|sollecito|mahnung|recordatorio|avis de"
                    + " retard|payment due|outstanding invoices?|statement of account)\\b");

    /**
     * Whether a subject is the customer's own (not "RE:" on the reminder, not the reminder's own words): it then
     * reads as the first line of the reply.
     */
    static boolean ownSubject(String foldedSubject) {
        return !foldedSubject.isBlank() && !NOT_OWN_SUBJECT.matcher(foldedSubject).find();
    }

    /**
     * "We'll wire 7720415 by the end of next week. ... Happy to pay the rest of 7720438 once you take it off": the
     * condition belongs to the disputed part, not to the dated promise made in another sentence. The condition's
     * hit is dropped from this reading's hits, so the scores and every rule that reads the cues agree.
     */
    private static void dropConditionsOfOtherSentences(Analysis a) {
        List<Lexicon.Hit> dropped = new ArrayList<>();
        for (Lexicon.Hit neg : a.hits) {
            if (neg.negated() || neg.cue().weight() >= 0 || !neg.cue().statuses().contains("PAYMENT_PROMISE")) {
                continue;
            }
            int[] condition = MultiGroup.sentence(a.folded, neg.start());
            for (Lexicon.Hit pos : a.hits) {
                if (pos.negated() || pos.cue().weight() <= 0 || !pos.cue().statuses().contains("PAYMENT_PROMISE")) {
                    continue;
                }
                int[] sentence = MultiGroup.sentence(a.folded, pos.start());
                if (sentence[0] == condition[0]) {
                    continue;
                }
                boolean dated = a.dates.stream().anyMatch(d -> !d.date().isBefore(a.today)
                        && d.start() >= sentence[0] && d.start() < sentence[1]);
                if (dated) {
                    dropped.add(neg);
                    break;
                }
            }
        }
        a.hits.removeAll(dropped);
    }

    /** A payment "made" in a sentence that only names days to come ("virement fait demain") is not made yet. */
    private static boolean futureSentence(Analysis a, int pos) {
        int[] span = MultiGroup.sentence(a.folded, pos);
        boolean future = false;
        for (DateFinder.Found d : a.dates) {
            if (d.start() >= span[0] && d.start() < span[1]) {
                if (!d.date().isAfter(a.today)) {
                    return false;
                }
                future = true;
            }
        }
        return future;
    }

    private void add(double[] s, String status, double v) {
        int i = statuses.indexOf(status);
        if (i >= 0) {
            s[i] += v;
        }
    }

    private static double cue(Analysis a, String status) {
        double w = 0;
        for (Lexicon.Hit h : a.hits) {
            if (!h.negated() && h.cue().statuses().contains(status)) {
                w += h.cue().weight();
            }
        }
        return w;
    }

    /**
     * The amount of the proposed status: one in a sentence that says that status ("the £2,310 will be paid on
     * Friday week" for a promise, not "we won't pay that £180" beside it), else the best by its own context.
     */
    static AmountFinder.Found amountFor(Analysis a, String status) {
        if ("PAYMENT_PLAN_REQUEST".equals(status)) {
            AmountFinder.Found first = AmountFinder.firstInstalment(a.folded, a.amounts, a.dates);
            if (first != null) {
                return first; // a plan's amount is its first instalment (the corpus README's rule)
            }
        }
        List<AmountFinder.Found> weighed = new ArrayList<>();
        for (AmountFinder.Found f : a.amounts) {
            weighed.add(MultiGroup.sentenceHas(a, f.start(), status)
                    ? new AmountFinder.Found(f.value(), f.currency(), f.start(), f.end(), f.score() + 1.5) : f);
        }
        return AmountFinder.best(weighed);
    }

    /** A plan's date: the day of its first instalment ("1 500 € : le 15 novembre"), else the promised date. */
    static LocalDate planDate(Analysis a) {
        AmountFinder.Found first = AmountFinder.firstInstalment(a.folded, a.amounts, a.dates);
        if (first != null) {
            for (DateFinder.Found d : a.dates) {
                if (d.start() >= first.end() && d.start() <= first.end() + 12 && !d.date().isBefore(a.today)) {
                    return d.date();
                }
            }
        }
        return promisedDate(a);
    }

    /** The promised date: a future date in a sentence that promises, else the first future date. */
    static LocalDate promisedDate(Analysis a) {
        for (DateFinder.Found d : a.dates) {
            // "au plus tard le 31 janvier", "no later than the 14th": the commitment, whatever else the reply dates
            if (!d.date().isBefore(a.today) && DEADLINE_BEFORE.matcher(
                    a.folded.substring(Math.max(0, d.start() - 22), d.start())).find()
                    && !refusedDay(a.folded, d) && !thirdPartyDay(a.folded, d)) {
                return d.date();
            }
        }
        LocalDate first = null;
        for (DateFinder.Found d : a.dates) {
            if (d.date().isBefore(a.today)) {
                continue;
            }
            if (refusedDay(a.folded, d)) {
                continue; // "mañana no puedo, pero el viernes…", "pas demain mais lundi": not that day
            }
            if (thirdPartyDay(a.folded, d)) {
                continue; // "funds are due in from our client on Friday, so… Monday": their day, not the promise
            }
            if (first == null) {
                first = d.date();
            }
            if (MultiGroup.sentenceHas(a, d.start(), "PAYMENT_PROMISE")
                    || MultiGroup.sentenceHas(a, d.start(), "PAYMENT_PLAN_REQUEST")) {
                return d.date();
            }
        }
        return first;
    }

    private static final Pattern DEADLINE_BEFORE = Pattern.compile(
            "\\b(au plus tard|at the latest|no later than|latest by|au plus tard d'ici)\\s*(le |the |on |by |on the )?$");
    private static final Pattern REFUSAL_AFTER = Pattern.compile(
            "^\\s*,?\\s*(no|not|pas|nicht|non)\\b[^,.;!?\\n]{0,20}\\b(puedo|podemos|possible|posible|possibile|moglich"
                    + "|can|could|pourrai|pourrons|peux|pouvons|geht|posso|possiamo)|^\\s*,?\\s*(c'est |it's |is )?"
                    + "(impossible|out)\\b");
    private static final Pattern REFUSAL_BEFORE = Pattern.compile(
            "(\\bpas|\\bnot|\\bnicht|\\bnon|n't|\\bno|\\bimpossible)\\s+((payer|regler|virer|verser|pay|settle|transfer"
                    + "|le faire|do it|make it|vous payer|vous regler|pay you|it|this)\\s+)?(before\\s+|avant\\s+|le\\s+|on\\s+)?$");

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;.!?\\n]|\\b(so|then|and then|donc|alors|puis|et"
            + " donc|which means|ce qui)\\b");
    private static final Pattern THIRD_PARTY_MONEY = Pattern.compile(
            "\\b((from|by) (our|a|the|my|one of our) (main )?(clients?|customers?|debtors?|buyers?)|(our|my) (clients?"
                    + "|customers?) (pays?|paid|will pay|settles?)|(notre|nos|mon|un) (gros )?clients? (nous )?(paie|paye"
                    + "|regle|reglera|paiera|aura paye|doit nous)|de (notre|nos|mon) clients?|paiement de (notre|nos) client"
                    + "|(subvention|grant|insurance payout|indemnisation|remboursement|refund) (arrive|is due|due|expected)"
                    // "la Région nous verse le solde fin novembre", "they pay us on the 30th": someone paying the customer
                    + "|\\bnous (verse|versera|paie|paiera|paye|payera|regle|reglera|doit)\\b|\\b(pays|will pay|owes|owe) us\\b"
                    + "|donneur d'ordre|(regle|paie|paye|pays) (ses|its|their) (sous-traitants|subcontractors|fournisseurs|suppliers))");

    /** A day that belongs to someone else's payment to the customer (the reason, not the promise). */
    static boolean thirdPartyDay(String folded, DateFinder.Found d) {
        int from = Math.max(0, d.start() - 80);
        String before = folded.substring(from, d.start());
        java.util.regex.Matcher br = CLAUSE_BREAK.matcher(before);
        int clause = 0;
        while (br.find()) {
            clause = br.end();
        }
        return THIRD_PARTY_MONEY.matcher(before.substring(clause)).find();
    }

    /** A day the reply turns down: "mañana no puedo", "pas demain", "not Friday". */
    static boolean refusedDay(String folded, DateFinder.Found d) {
        String after = folded.substring(d.end(), Math.min(folded.length(), d.end() + 30));
        String before = folded.substring(Math.max(0, d.start() - 24), d.start());
        return REFUSAL_AFTER.matcher(after).find() || REFUSAL_BEFORE.matcher(before).find();
    }

    /** References: the customer's items named in the text (when known), else what looks like invoice numbers. */
    private static List<String> refs(SuggestionRequest request, Analysis a) {
        List<String> candidates = new ArrayList<>(request.detectedRefs());
        candidates.addAll(RefFinder.find((request.subject() == null ? "" : request.subject() + "\n") + a.text));
        if (request.openItems().isEmpty()) {
            return distinct(candidates);
        }
        Map<String, String> byNumber = new LinkedHashMap<>();
        for (Item item : request.openItems()) {
            byNumber.put(Item.normalizeNumber(item.number()), item.number());
        }
        List<String> matched = new ArrayList<>();
        for (String c : candidates) {
            String number = byNumber.get(Item.normalizeNumber(c));
            if (number != null && !matched.contains(number)) {
                matched.add(number);
            }
        }
        // an item number written another way ("fa 2025 00412", a bare number) still counts
        for (Item item : request.openItems()) {
            if (!matched.contains(item.number()) && loosePattern(item.number()).matcher(a.text).find()) {
                matched.add(item.number());
            }
        }
        return matched;
    }

    /** The item number with any separator (or none) between its letter and digit groups, any case. */
    static Pattern loosePattern(String number) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String normalized = Item.normalizeNumber(number);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (i > 0) {
                regex.append("[\\s./-]?");
            }
            regex.append(Pattern.quote(String.valueOf(c)));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static List<String> distinct(List<String> refs) {
        Map<String, String> byNorm = new LinkedHashMap<>();
        for (String r : refs) {
            byNorm.putIfAbsent(RefFinder.normalize(r), r);
        }
        return new ArrayList<>(byNorm.values());
    }

    private List<SuggestedGroup> formGroups(SuggestionRequest request, Reading r, String textMain, double confidence) {
        Map<String, List<ItemAnswer>> byStatus = new LinkedHashMap<>();
        for (ItemAnswer answer : request.answers()) {
            String status = switch (answer.choice()) {
                case WILL_PAY -> "PAYMENT_PROMISE";
                case IN_PAYMENT -> "PAYMENT_IN_PROGRESS";
                case ALREADY_PAID -> "ALREADY_PAID";
                case SEND_COPY -> "COPY_REQUEST";
                case DISPUTE -> disputeStatus(answer, r);
            };
            byStatus.computeIfAbsent(status, k -> new ArrayList<>()).add(answer);
        }
        List<SuggestedGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<ItemAnswer>> e : byStatus.entrySet()) {
            List<String> numbers = new ArrayList<>();
            LocalDate date = null;
            BigDecimal amount = null;
            String currency = null;
            for (ItemAnswer a : e.getValue()) {
                numbers.add(a.itemNumber());
                if (date == null && a.date() != null) {
                    date = a.date();
                }
                if (amount == null && a.amount() != null) {
                    amount = a.amount();
                    currency = currencyOf(request, a.itemNumber());
                }
            }
            if (date == null && DATE_STATUSES.contains(e.getKey())) {
                date = promisedDate(r.analysis);
            }
            AmountFinder.Found found = amount == null && AMOUNT_STATUSES.contains(e.getKey())
                    ? AmountFinder.best(r.analysis.amounts) : null;
            double conf = e.getKey().equals(textMain) ? Math.max(confidence, 0.9) : 0.85;
            groups.add(buildGroup(request, e.getKey(), conf, numbers, DATE_STATUSES.contains(e.getKey()) ? date : null,
                    amount != null ? amount : found == null ? null : found.value(),
                    amount != null ? currency : found == null ? null : found.currency()));
        }
        // the structured choice that covers the most items (then the first) leads
        groups.sort((x, y) -> Integer.compare(y.itemNumbers().size(), x.itemNumbers().size()));
        return groups;
    }

    private String disputeStatus(ItemAnswer answer, Reading r) {
        if (answer.reason() != null && answer.reason() != io.arfollowup.core.domain.DisputeReason.OTHER) {
            return answer.reason().statusCode();
        }
        String best = "COMMERCIAL_DISPUTE";
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String s : List.of("ADMIN_DISPUTE", "COMMERCIAL_DISPUTE", "DELIVERY_DISPUTE", "CREDIT_NOTE_EXPECTED")) {
            double v = r.scores[statuses.indexOf(s)];
            if (v > bestScore) {
                bestScore = v;
                best = s;
            }
        }
        return best;
    }

    private static String currencyOf(SuggestionRequest request, String number) {
        for (Item item : request.openItems()) {
            if (item.number().equals(number)) {
                return item.currency();
            }
        }
        return "EUR";
    }

    private SuggestedGroup group(SuggestionRequest request, String status, double confidence, List<String> refs,
                                 LocalDate date, AmountFinder.Found amount) {
        return buildGroup(request, status, confidence, refs, date, amount == null ? null : amount.value(),
                amount == null ? null : amount.currency());
    }

    private SuggestedGroup buildGroup(SuggestionRequest request, String status, double confidence, List<String> refs,
                                      LocalDate date, BigDecimal amount, String currency) {
        StatusType type = StatusType.NONE;
        String template = null;
        LocalDate followUp = null;
        Optional<StatusRule> rule = rules == null ? Optional.empty() : rules.rule(status);
        if (rule.isPresent()) {
            type = rule.get().type();
            if (rule.get().plansFollowUp() && planner != null) {
                template = rule.get().templateId();
                ZoneId zone = request.zone() == null ? ZoneId.of("Europe/Paris") : request.zone();
                followUp = planner.dueDate(rule.get().delay(), zone,
                        request.country() == null ? io.arfollowup.core.domain.Country.FR : request.country(), date);
            }
        } else {
            type = defaultType(status);
        }
        return new SuggestedGroup(status, type, confidence, refs, date, amount, currency, template, followUp);
    }

    static StatusType defaultType(String status) {
        return switch (status) {
            case "ADMIN_DISPUTE", "COMMERCIAL_DISPUTE", "DELIVERY_DISPUTE", "CREDIT_NOTE_EXPECTED" -> StatusType.DISPUTE;
            case "PAYMENT_PROMISE", "PROMISE_BROKEN" -> StatusType.PROMISE;
            case "FINANCIAL_DIFFICULTY" -> StatusType.LITIGATION;
            case "OUT_OF_OFFICE", "NO_ACTION" -> StatusType.NONE;
            case "DISPUTE_RESOLVED" -> StatusType.DISPUTE_RESOLVED;
            default -> StatusType.IN_PROGRESS;
        };
    }

    private static String reason(Analysis a, String status) {
        Lexicon.Hit best = strongest(a, status, true);
        if (best == null) {
            return null;
        }
        return a.language.equals("fr") ? best.cue().reasonFr() : best.cue().reasonEn();
    }

    private static Lexicon.Hit strongest(Analysis a, String status, boolean withReason) {
        Lexicon.Hit best = null;
        for (Lexicon.Hit h : a.hits) {
            if (h.negated() || !h.cue().statuses().contains(status) || h.cue().weight() <= 0) {
                continue;
            }
            if (withReason && h.cue().reasonFr() == null) {
                continue;
            }
            if (best == null || h.cue().weight() > best.cue().weight()
                    || (h.cue().weight() == best.cue().weight() && h.start() < best.start())) {
                best = h;
            }
        }
        return best;
    }

    /** The phrase of the customer's text that weighed most for the status (cut from the original text). */
    private static String evidence(Analysis a, String status) {
        Lexicon.Hit best = strongest(a, status, false);
        int at;
        int end;
        if (best != null) {
            at = best.start();
            end = best.end();
        } else {
            // no cue: the sentence of the promised date, else the first sentence that is not a greeting
            DateFinder.Found date = DATE_STATUSES.contains(status)
                    ? a.dates.stream().filter(d -> !d.date().isBefore(a.today)).findFirst().orElse(null) : null;
            at = date != null ? date.start() : firstContent(a.folded);
            end = date != null ? date.end() : at;
        }
        if (a.text.isEmpty()) {
            return "";
        }
        int[] span = MultiGroup.sentence(a.folded, Math.min(at, a.text.length() - 1));
        int from = span[0];
        int to = span[1];
        if (to - from > 160) {
            from = Math.max(from, at - 60);
            to = Math.min(to, end + 80);
        }
        String s = a.text.substring(from, to).replaceAll("\\s+", " ").strip();
        return s.length() > 160 ? s.substring(0, 159) + "…" : s;
    }

    private static final Pattern GREETING = Pattern.compile(
            "(bonjour|bonsoir|hello|hi|dear|hey|morning|good morning|madame|monsieur|mesdames|guten tag|hallo"
                    + "|sehr geehrte|hola|estimad\\w*|buongiorno|salve|gentile|bjr|cher|chere)\\b[^\\n]{0,40}");

    private static int firstContent(String folded) {
        int i = 0;
        while (i < folded.length()) {
            int nl = folded.indexOf('\n', i);
            int lineEnd = nl < 0 ? folded.length() : nl;
            String line = folded.substring(i, lineEnd).strip();
            if (!line.isEmpty() && !(line.length() < 45 && GREETING.matcher(line).lookingAt())) {
                return i + (folded.substring(i, lineEnd).length() - folded.substring(i, lineEnd).stripLeading().length());
            }
            i = lineEnd + 1;
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
