package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.InternalAnswer;
import io.arfollowup.core.domain.InternalAnswerChoice;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.BlobStore;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.InternalAnswerStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.ThreadNote;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * F6, a colleague answers an internal interactive e-mail through a signed link ({@code /i/{token}}). The link is
 * verified before anything is read or written; it names one follow-up and either one answer or the answer page.
 * Recording is single use: the answer is created under the link's token id with a conditional write, so a second
 * click or a replay records nothing and gets a friendly "already answered". The answer goes on each item's history
 * and into the response card's Slack thread; RESOLVED moves the items to DISPUTE_RESOLVED and releases their hold,
 * at once when the status rule says so, otherwise when the collector validates it from the thread ({@link #apply}).
 */
public final class InternalAnswers {

    public static final String KIND = "internal";
    public static final String PAGE_SCOPE = "page";
    /** Uploads through the page: Lambda's payload limit leaves 4 MB (DESIGN §8). */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** The Slack action id of the thread's "validate" button. */
    public static final String APPLY_ACTION = "fu_answer_apply";

    /** What the page shows for a valid, unused link. */
    public record View(String tokenId, FollowUp followUp, Customer customer, List<Item> items,
                       InternalAnswerChoice preselected, String customerWords) {
    }

    /** A file attached on the page: name, declared type, bytes. */
    public record Upload(String filename, String contentType, byte[] content) {
    }

    /** The outcome of opening or posting a link. */
    public sealed interface Outcome permits Open, Recorded, AlreadyAnswered, Closed, Expired, Invalid {
    }

    public record Open(View view) implements Outcome {
    }

    public record Recorded(InternalAnswer answer, boolean applied) implements Outcome {
    }

    public record AlreadyAnswered(InternalAnswer answer) implements Outcome {
    }

    /** The follow-up was cancelled or re-qualified since: nothing to answer any more. */
    public record Closed(String reason) implements Outcome {
    }

    public record Expired() implements Outcome {
    }

    /** Forged, mangled, not an internal link, or a form error ({@code field} names it). */
    public record Invalid(String reason, String field, View view) implements Outcome {
    }

    private final LinkSigner links;
    private final FollowUpStore followUps;
    private final CustomerStore customers;
    private final ItemStore items;
    private final ResponseStore responses;
    private final RuleCatalog rules;
    private final InternalAnswerStore answers;
    private final AuditLog audit;
    private final ChatNotifier chat;
    private final BlobStore blobs;
    private final ColleagueDirectory directory;
    private final Clock clock;

    public InternalAnswers(LinkSigner links, FollowUpStore followUps, CustomerStore customers, ItemStore items,
                           ResponseStore responses, RuleCatalog rules, InternalAnswerStore answers, AuditLog audit,
                           ChatNotifier chat, BlobStore blobs, ColleagueDirectory directory, Clock clock) {
        this.links = links;
        this.followUps = followUps;
        this.customers = customers;
        this.items = items;
        this.responses = responses;
        this.rules = rules;
        this.answers = answers;
        this.audit = audit;
        this.chat = chat;
        this.blobs = blobs;
        this.directory = directory;
        this.clock = clock;
    }

    /** GET: what the page shows for this link (nothing written). */
    public Outcome open(String token) {
        return check(token);
    }

    /**
     * POST: records the answer. {@code choice} comes from the form (ignored when the link itself names one);
     * {@code upload} may be null.
     */
    public Outcome answer(String token, String choice, String comment, Upload upload) {
        Outcome checked = check(token);
        if (!(checked instanceof Open open)) {
            return checked;
        }
        View view = open.view();
        InternalAnswerChoice picked = view.preselected() != null ? view.preselected()
                : InternalAnswerChoice.parse(choice).orElse(null);
        if (picked == null) {
            return new Invalid("choose an answer", "choice", view);
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > InternalAnswer.MAX_COMMENT) {
            return new Invalid("comment too long", "comment", view);
        }
        String fileKey = null;
        String fileName = null;
        if (upload != null && upload.content() != null && upload.content().length > 0) {
            String type = FileTypes.sniff(upload.content());
            if (upload.content().length > MAX_FILE_BYTES) {
                return new Invalid("file too large", "file", view);
            }
            if (type == null) {
                return new Invalid("file type not accepted", "file", view);
            }
            fileName = FileTypes.safeName(upload.filename(), type);
            fileKey = "internal-answers/" + view.followUp().id() + "/" + view.tokenId() + "/" + fileName;
            try {
                blobs.put(fileKey, upload.content(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        FollowUp f = view.followUp();
        InternalAnswer answer = new InternalAnswer(view.tokenId(), f.id(), f.customerId(), f.itemNumbers(), picked,
                text, fileKey, fileName, answeredBy(f, view.customer()), clock.instant(), false);
        if (!answers.create(answer)) {
            return new AlreadyAnswered(answers.get(view.tokenId()).orElse(answer));
        }
        for (String number : f.itemNumbers()) {
            audit.record(new ItemEvent(f.customerId(), number, answer.at(), answer.answeredBy(), "internal answer",
                    null, picked.name() + (text.isEmpty() ? "" : ": " + cut(text, 300)), "follow-up " + f.id()),
                    answer.id() + "/" + number);
        }
        StatusRule rule = rules.rule(f.statusCode()).orElse(null);
        boolean auto = picked == InternalAnswerChoice.RESOLVED && rule != null && rule.autoApplyInternalAnswers();
        if (auto) {
            applyToItems(answer, answer.answeredBy());
            answers.markApplied(answer.id());
        }
        CardRef thread = threadOf(f);
        if (thread != null) {
            chat.postInThread(thread, note(answer, auto, view.customer()));
        }
        return new Recorded(auto ? answer.asApplied() : answer, auto);
    }

    /** The collector validates a RESOLVED answer from the thread: the items' effect, once. */
    public Outcome apply(String answerId, String actor) {
        Optional<InternalAnswer> found = answers.get(answerId);
        if (found.isEmpty()) {
            return new Invalid("no such answer", null, null);
        }
        InternalAnswer a = found.get();
        if (a.applied() || a.choice() != InternalAnswerChoice.RESOLVED) {
            return new AlreadyAnswered(a);
        }
        applyToItems(a, actor);
        if (!answers.markApplied(a.id())) {
            return new AlreadyAnswered(a);
        }
        FollowUp f = followUps.get(a.followUpId()).orElse(null);
        CardRef thread = f == null ? null : threadOf(f);
        if (thread != null) {
            String who = FollowUpDecisions.mention(actor);
            chat.postInThread(thread, ThreadNote.of("✅ Validé par " + who + " : " + String.join(", ", a.itemNumbers())
                    + " → litige résolu, blocage levé", "✅ Validated by " + who + ": "
                    + String.join(", ", a.itemNumbers()) + " → dispute resolved, hold released"));
        }
        return new Recorded(a.asApplied(), true);
    }

    /** DISPUTE_RESOLVED on disputes (the items re-enter the scenario); for other statuses the hold is released. */
    private void applyToItems(InternalAnswer a, String actor) {
        StatusRule rule = rules.rule(a.followUpId() == null ? "" : followUps.get(a.followUpId())
                .map(FollowUp::statusCode).orElse("")).orElse(null);
        boolean dispute = rule == null || rule.type() == StatusType.DISPUTE;
        Instant now = clock.instant();
        for (String number : a.itemNumbers()) {
            Item item = items.get(a.customerId(), number).orElse(null);
            if (item == null || item.isPaid()) {
                continue;
            }
            String status = dispute && rules.rule("DISPUTE_RESOLVED").isPresent() ? "DISPUTE_RESOLVED" : item.status();
            String comment = a.comment().isEmpty() ? item.comment() : a.comment();
            items.qualify(a.customerId(), number, status, comment, item.owner(), null);
            audit.record(new ItemEvent(a.customerId(), number, now, actor, "status", item.status(), status,
                    "internal answer " + a.id()), a.id() + "/apply/" + number);
        }
    }

    private Outcome check(String token) {
        LinkSigner.Verification v = links.verify(token);
        if (v instanceof LinkSigner.Expired) {
            return new Expired();
        }
        if (!(v instanceof LinkSigner.Valid valid)) {
            return new Invalid(((LinkSigner.Invalid) v).reason(), null, null);
        }
        LinkClaims claims = valid.claims();
        if (!KIND.equals(claims.kind())) {
            return new Invalid("not an internal link", null, null);
        }
        InternalAnswerChoice preselected = null;
        if (!PAGE_SCOPE.equals(claims.scope())) {
            preselected = InternalAnswerChoice.parse(claims.scope()).orElse(null);
            if (preselected == null) {
                return new Invalid("unknown scope", null, null);
            }
        }
        String tokenId = LinkSigner.tokenId(token);
        Optional<InternalAnswer> used = answers.get(tokenId);
        if (used.isPresent()) {
            return new AlreadyAnswered(used.get());
        }
        FollowUp f = followUps.get(claims.subject()).orElse(null);
        if (f == null) {
            return new Invalid("unknown follow-up", null, null);
        }
        if (f.state() == FollowUpState.CANCELLED) {
            return new Closed("cancelled");
        }
        Customer customer = customers.get(f.customerId()).orElse(null);
        if (customer == null) {
            return new Closed("customer gone");
        }
        List<Item> concerned = f.itemNumbers().stream().map(n -> items.get(customer.id(), n))
                .flatMap(Optional::stream).toList();
        String words = f.responseId() == null ? "" : responses.get(f.responseId()).map(Response::newText).orElse("");
        return new Open(new View(tokenId, f, customer, concerned, preselected, words));
    }

    private String answeredBy(FollowUp f, Customer customer) {
        ActionTemplate t = rules.template(f.templateId()).orElse(null);
        if (t == null) {
            return "colleague";
        }
        List<String> to = directory.addresses(t.recipients(), customer);
        return to.isEmpty() ? t.recipients().name().toLowerCase(Locale.ROOT) : to.get(0);
    }

    private CardRef threadOf(FollowUp f) {
        if (f.responseId() != null) {
            CardRef card = responses.get(f.responseId()).map(Response::card).orElse(null);
            if (card != null) {
                return card;
            }
        }
        return f.card();
    }

    private ThreadNote note(InternalAnswer a, boolean applied, Customer customer) {
        String items = String.join(", ", a.itemNumbers());
        String comment = a.comment().isEmpty() ? "" : "\n> " + cut(a.comment(), 1500).replace("\n", "\n> ");
        String fileFr = a.fileName() == null ? "" : "\n📎 " + a.fileName() + " (" + a.fileKey() + ")";
        String fr = "💬 Réponse de " + a.answeredBy() + " sur " + items + " : *" + a.choice().label(
                io.arfollowup.core.domain.Language.FR) + "*" + comment + fileFr
                + (applied ? "\n✅ Appliquée : litige résolu, blocage levé." : "");
        String en = "💬 Answer from " + a.answeredBy() + " on " + items + ": *" + a.choice().label(
                io.arfollowup.core.domain.Language.EN) + "*" + comment + fileFr
                + (applied ? "\n✅ Applied: dispute resolved, hold released." : "");
        if (!applied && a.choice() == InternalAnswerChoice.RESOLVED) {
            return new ThreadNote(new Labels(fr, en), APPLY_ACTION,
                    new Labels("Valider : litige résolu", "Validate: dispute resolved"), a.id());
        }
        return new ThreadNote(new Labels(fr, en), null, null, null);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Upload types accepted on the page, by their first bytes (never by the declared type or the name). */
    static final class FileTypes {
        private FileTypes() {
        }

        static String sniff(byte[] b) {
            if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
                return "application/pdf";
            }
            if (starts(b, 0xFF, 0xD8, 0xFF)) {
                return "image/jpeg";
            }
            if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
                return "image/png";
            }
            return null;
        }

        static String safeName(String name, String type) {
            String ext = switch (type) {
                case "application/pdf" -> ".pdf";
                case "image/jpeg" -> ".jpg";
                default -> ".png";
            };
            String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
            int dot = base.lastIndexOf('.');
            base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^0-9A-Za-z._-]", "_");
            base = base.isEmpty() ? "file" : base.substring(0, Math.min(60, base.length()));
            return base + ext;
        }

        private static boolean starts(byte[] b, int... magic) {
            if (b.length < magic.length) {
                return false;
            }
            return Arrays.equals(Arrays.copyOf(b, magic.length), toBytes(magic));
        }

        private static byte[] toBytes(int[] v) {
            byte[] out = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (byte) v[i];
            }
            return out;
        }
    }
}
