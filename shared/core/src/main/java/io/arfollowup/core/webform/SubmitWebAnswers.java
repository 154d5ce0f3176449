package io.arfollowup.core.webform;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.BlobStore;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.port.WebUploadStore;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.webform.AnswerForm.FieldError;
import io.arfollowup.core.webform.CustomerAccess.Access;
import io.arfollowup.core.webform.CustomerAccess.Expired;
import io.arfollowup.core.webform.CustomerAccess.Granted;
import io.arfollowup.core.webform.CustomerAccess.Refused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * F2, POST: the customer's answers from the page become a {@link Response} (channel WEB_FORM) with structured
 * per-item answers, the comment and the uploaded files, and the same qualify card as an e-mail gets — with a
 * suggestion read from the answers.
 * <p>Order of checks: the link (signature, expiry, customer), the form's CSRF value (bound to the link), the items
 * (an item outside the customer's open invoices refuses the whole post) — nothing is written before these pass.
 * Then files are kept (S3 + a draft list keyed by the response id, so they survive a validation error), the values
 * are checked, and the response is created with a conditional write under an id derived from the link and the
 * form's nonce: a double submit finds it and only shows the confirmation again.
 * <p>"Send me a copy" of an invoice whose PDF is stored is answered at once: those items are qualified
 * COPY_REQUEST through {@link QualifyResponse} (the runner sends the copy on J+0). When the page also says other
 * things, the copy part is its own small response, qualified automatically, so the collector still qualifies the
 * rest freely. Without a {@code qualify} (no scheduler configured) copies stay in the suggestion.
 */
public final class SubmitWebAnswers {

    /** Limits of the page. */
    public record Settings(int promiseHorizonDays, int maxFiles, long maxRequestBytes) {
        public static final Settings DEFAULT = new Settings(90, 10, 4L * 1024 * 1024);
    }

    /** A file as posted: the name the browser claimed (shown, never trusted) and the bytes. */
    public record Upload(String claimedName, byte[] content) {
        public Upload {
            content = content == null ? new byte[0] : content;
        }
    }

    /**
     * {@code requestTooLarge}: the request was over {@link Settings#maxRequestBytes()}, so its files were dropped
     * (the other fields were read and are kept).
     */
    public record Command(String token, String csrf, AnswerForm form, List<Upload> uploads, boolean requestTooLarge) {
        public Command {
            Objects.requireNonNull(form, "form");
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
        }
    }

    public sealed interface Result permits Submitted, Invalid, OutOfScope, FormExpired, LinkExpired, LinkRefused {
    }

    /**
     * The answer is stored and the card posted ({@code duplicate}: it already was, by an earlier post of the same
     * form). {@code copiesSent}: invoices whose copy goes out automatically.
     */
    public record Submitted(Response response, Statement statement, List<String> copiesSent, boolean duplicate)
            implements Result {
    }

    /** The form comes back with every entry, a message per wrong field, and the files already kept. */
    public record Invalid(Statement statement, AnswerForm form, List<FieldError> errors, List<AttachmentRef> files,
                          String csrf) implements Result {
    }

    /** An item number that is not one of the customer's open invoices: refused, nothing written. */
    public record OutOfScope(List<String> itemNumbers) implements Result {
    }

    /** The CSRF value is missing, forged, for another link or too old: the page must be reloaded. */
    public record FormExpired() implements Result {
    }

    public record LinkExpired(String csrf) implements Result {
    }

    public record LinkRefused(String reason) implements Result {
    }

    public static final String ACTOR = "web-form";
    /**
     * How long the request that stored an answer holds the right to post its card (claimed in the same write): a
     * double click arriving meanwhile does not post a second one; a resubmit after a request died posts it.
     */
    static final Duration CARD_GRACE = Duration.ofSeconds(10);

    private final CustomerAccess access;
    private final ItemStore items;
    private final ResponseStore responses;
    private final WebUploadStore uploads;
    private final BlobStore blobs;
    private final ChatNotifier chat;
    private final Suggester suggester;
    private final QualifyResponse qualify;
    private final FollowUpPlanner planner;
    private final Settings settings;
    private final AnswerValidator validator;
    private final Clock clock;

    public SubmitWebAnswers(CustomerAccess access, ItemStore items, ResponseStore responses, WebUploadStore uploads,
                            BlobStore blobs, ChatNotifier chat, Suggester suggester, QualifyResponse qualify,
                            FollowUpPlanner planner, Settings settings, Clock clock) {
        this.access = access;
        this.items = items;
        this.responses = responses;
        this.uploads = uploads;
        this.blobs = blobs;
        this.chat = chat;
        this.suggester = suggester == null ? Suggester.NONE : suggester;
        this.qualify = qualify;
        this.planner = planner;
        this.settings = settings == null ? Settings.DEFAULT : settings;
        this.validator = new AnswerValidator(this.settings.promiseHorizonDays());
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public Result handle(Command command) {
        Access a = access.check(command.token());
        if (a instanceof Refused r) {
            return new LinkRefused(r.reason());
        }
        if (a instanceof Expired e) {
            return new LinkExpired(access.issueForm(e.linkId(), null));
        }
        Granted granted = (Granted) a;
        Customer customer = granted.customer();
        Optional<String> nonce = access.formNonce(granted.linkId(), command.csrf());
        if (nonce.isEmpty()) {
            return new FormExpired();
        }
        String responseId = CustomerAccess.responseId(granted.linkId(), nonce.get());
        Statement statement = new Statement(customer, items.openItems(customer.id()),
                planner.today(customer.zone()));

        Optional<Response> existing = responses.get(responseId);
        if (existing.isPresent()) {
            return finishExisting(existing.get(), customer, statement);
        }

        Map<String, Item> answerable = statement.answerableByNumber();
        List<String> outside = command.form().entries().stream()
                .filter(e -> !e.choice().isEmpty() && !answerable.containsKey(e.itemNumber()))
                .map(AnswerForm.Entry::itemNumber).distinct().toList();
        if (!outside.isEmpty()) {
            return new OutOfScope(outside);
        }

        List<FieldError> errors = new ArrayList<>(keepFiles(responseId, command));
        List<AttachmentRef> files = uploads.list(responseId);
        AnswerValidator.Checked checked = validator.check(command.form(), answerable, statement.today(),
                !files.isEmpty());
        errors.addAll(checked.errors());
        if (!errors.isEmpty()) {
            return new Invalid(statement, command.form(), errors, files, command.csrf());
        }

        List<ItemAnswer> answers = checked.answers();
        List<ItemAnswer> copies = qualify == null ? List.of() : answers.stream()
                .filter(x -> x.choice() == AnswerChoice.SEND_COPY)
                .filter(x -> answerable.get(x.itemNumber()).documentKey() != null)
                .toList();
        boolean onlyCopies = !copies.isEmpty() && copies.size() == answers.size() && checked.comment().isEmpty()
                && files.isEmpty();
        List<ItemAnswer> forCollector = onlyCopies ? answers
                : answers.stream().filter(x -> !copies.contains(x)).toList();

        Instant now = clock.instant();
        Response response = new Response(responseId, ResponseChannel.WEB_FORM, customer.id(), null, null, now, null,
                checked.comment(), command.form().language(), null, null, files,
                answers.stream().map(ItemAnswer::itemNumber).distinct().toList(), answers, null, granted.linkId(),
                null, ResponseState.NEW, null, null);
        Optional<Suggestion> suggestion = suggest(response, forCollector, customer, statement.items());
        if (suggestion.isPresent()) {
            response = response.withSuggestion(suggestion.get());
        }
        if (!responses.create(response, clock.instant().plus(CARD_GRACE))) {
            return finishExisting(responses.get(responseId).orElseThrow(), customer, statement);
        }
        response = postCard(response, customer, statement);

        if (onlyCopies) {
            answerCopies(response, copies);
        } else if (!copies.isEmpty()) {
            Response copyPart = new Response(copyResponseId(responseId), ResponseChannel.WEB_FORM, customer.id(),
                    null, null, now, null, "", command.form().language(), null, null, List.of(),
                    copies.stream().map(ItemAnswer::itemNumber).toList(), copies, null, granted.linkId(), null,
                    ResponseState.NEW, null, null);
            Optional<Suggestion> s = suggest(copyPart, copies, customer, statement.items());
            if (s.isPresent()) {
                copyPart = copyPart.withSuggestion(s.get());
            }
            if (responses.create(copyPart)) {
                copyPart = postCard(copyPart, customer, statement);
            }
            answerCopies(copyPart, copies);
        }
        return new Submitted(response, statement, copies.stream().map(ItemAnswer::itemNumber).toList(), false);
    }

    /** Validates and stores each posted file; returns a message per refused file. */
    private List<FieldError> keepFiles(String draftId, Command command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.requestTooLarge()) {
            errors.add(FieldError.of("files", "request_too_large"));
            return errors;
        }
        int kept = uploads.list(draftId).size();
        int index = kept;
        for (Upload u : command.uploads()) {
            if (u.content().length == 0) {
                if (u.claimedName() != null && !u.claimedName().isBlank()) {
                    errors.add(new FieldError("files", "file_empty", Text.plain(u.claimedName(), 80)));
                }
                continue;
            }
            String shown = Text.plain(u.claimedName(), 80);
            Optional<FileKind> kind = FileKind.of(u.content());
            if (kind.isEmpty()) {
                errors.add(new FieldError("files", "file_type", shown));
                continue;
            }
            if (u.content().length > settings.maxRequestBytes()) {
                errors.add(new FieldError("files", "file_too_big", shown));
                continue;
            }
            if (index >= settings.maxFiles()) {
                errors.add(new FieldError("files", "too_many_files", shown));
                continue;
            }
            index++;
            String fileId = sha256(u.content()).substring(0, 24);
            String key = "web/" + draftId + "/" + fileId + "." + kind.get().extension();
            try {
                blobs.put(key, u.content(), kind.get().contentType());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store upload " + key, e);
            }
            uploads.add(draftId, fileId, new AttachmentRef(Text.fileName(u.claimedName(), kind.get(), index),
                    kind.get().contentType(), u.content().length, key, false));
        }
        return errors;
    }

    private Result finishExisting(Response existing, Customer customer, Statement statement) {
        java.time.Instant now = clock.instant();
        if (existing.card() == null && responses.claimCard(existing.id(), now, now.plus(CARD_GRACE))) {
            existing = postCard(existing, customer, statement);
        }
        Map<String, Item> answerable = statement.answerableByNumber();
        List<ItemAnswer> copies = qualify == null ? List.of() : existing.answers().stream()
                .filter(x -> x.choice() == AnswerChoice.SEND_COPY)
                .filter(x -> answerable.containsKey(x.itemNumber())
                        && answerable.get(x.itemNumber()).documentKey() != null)
                .toList();
        if (!copies.isEmpty()) {
            boolean onlyCopies = copies.size() == existing.answers().size() && existing.newText().isEmpty()
                    && existing.attachments().isEmpty();
            Optional<Response> holder = onlyCopies ? Optional.of(existing)
                    : responses.get(copyResponseId(existing.id()));
            // finish what a crashed first post left undone; a qualified holder is left alone
            holder.filter(h -> h.state() == ResponseState.NEW).ifPresent(h -> answerCopies(h, copies));
        }
        return new Submitted(existing, statement, copies.stream().map(ItemAnswer::itemNumber).toList(), true);
    }

    private Response postCard(Response response, Customer customer, Statement statement) {
        CardRef card = chat.postResponseCard(new CardView(response, customer, statement.items(), null));
        responses.recordCard(response.id(), card);
        return response.withCard(card);
    }

    private void answerCopies(Response holder, List<ItemAnswer> copies) {
        List<String> numbers = copies.stream().map(ItemAnswer::itemNumber).distinct().toList();
        qualify.handle(new QualifyResponse.Command(holder.id(), "web-copy-" + holder.id(),
                List.of(new QualificationGroup(numbers, "COPY_REQUEST",
                        "Duplicata demandé sur la page client, envoi automatique / Copy requested on the customer "
                                + "page, sent automatically", null, null, null, null)),
                Notify.NOBODY, ACTOR, false));
    }

    private Optional<Suggestion> suggest(Response r, List<ItemAnswer> answers, Customer customer, List<Item> open) {
        try {
            return suggester.suggest(new SuggestionRequest(r.id(), ResponseChannel.WEB_FORM, null, r.newText(),
                    r.language(), answers, open, r.itemRefs(), r.receivedAt(), customer.zone(), customer.country(),
                    false));
        } catch (RuntimeException e) {
            // a suggestion is a help, never a reason to lose an answer
            return Optional.empty();
        }
    }

    static String copyResponseId(String responseId) {
        return Ids.derived("wf-", responseId, "copy");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
