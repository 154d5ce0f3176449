package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.mail.MailAddress;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.BlobStore;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.MailReader;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.token.ReplyAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * F1, e-mail in: reads a stored raw message, links it to a customer (reply token, then sender address, then sender
 * domain), keeps its attachments, stores a {@link Response} and posts its card. Idempotent on the message: the
 * response id is derived from the SES message id (or the S3 key), the write is conditional, and a redelivery only
 * finishes what a crashed run left undone (the card).
 */
public final class ReceiveEmail {

    /** What SES tells us about a received message; all optional (a bare S3 event has none). */
    public record Verdicts(String spam, String virus, String spf, String dkim, String dmarc) {
        public static final Verdicts UNKNOWN = new Verdicts(null, null, null, null, null);

        static boolean failed(String verdict) {
            return "FAIL".equalsIgnoreCase(verdict);
        }
    }

    /** {@code mailKey}: the raw MIME's key in the mail bucket; {@code messageId}: SES's id, when known. */
    public record Command(String mailKey, String messageId, List<String> envelopeRecipients, Verdicts verdicts,
                          Instant receivedAt) {
        public Command {
            Objects.requireNonNull(mailKey, "mailKey");
            envelopeRecipients = envelopeRecipients == null ? List.of() : List.copyOf(envelopeRecipients);
            verdicts = verdicts == null ? Verdicts.UNKNOWN : verdicts;
        }
    }

    public enum Outcome { STORED, DUPLICATE, CARD_RESUMED }

    public record Result(String responseId, Outcome outcome, String customerId, Set<ResponseFlag> flags,
                         String linkedBy) {
    }

    /**
     * How long a delivery holds the right to post a card: longer than posting takes (one Slack call, seconds), shorter
     * than Lambda's first asynchronous retry (one minute), so a delivery that died is taken over by that retry.
     */
    static final java.time.Duration CARD_CLAIM = java.time.Duration.ofSeconds(45);

    private static final Set<String> FREE_MAIL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "hotmail.com", "hotmail.fr", "live.com",
            "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "icloud.com", "me.com", "orange.fr", "wanadoo.fr",
            "free.fr", "sfr.fr", "laposte.net", "gmx.com", "gmx.fr", "aol.com", "proton.me", "protonmail.com");

    private final BlobStore blobs;
    private final MailReader reader;
    private final ResponseStore responses;
    private final ReplyTokenStore tokens;
    private final CustomerStore customers;
    private final ItemStore items;
    private final ChatNotifier chat;
    private final Suggester suggester;
    private final ReplyAddresses replyAddresses;
    private final Clock clock;

    public ReceiveEmail(BlobStore blobs, MailReader reader, ResponseStore responses, ReplyTokenStore tokens,
                        CustomerStore customers, ItemStore items, ChatNotifier chat, Suggester suggester,
                        ReplyAddresses replyAddresses, Clock clock) {
        this.blobs = blobs;
        this.reader = reader;
        this.responses = responses;
        this.tokens = tokens;
        this.customers = customers;
        this.items = items;
        this.chat = chat;
        this.suggester = suggester == null ? Suggester.NONE : suggester;
        this.replyAddresses = replyAddresses;
        this.clock = clock;
    }

    public Result handle(Command command) {
        String responseId = Ids.responseIdForMail(command.messageId() != null ? command.messageId()
                : command.mailKey());
        ReadMail mail = read(command, responseId);

        Link link = link(command, mail);
        Customer customer = link.customer;
        List<Item> openItems = customer == null ? List.of() : items.openItems(customer.id());

        Set<ResponseFlag> flags = EnumSet.noneOf(ResponseFlag.class);
        flags.addAll(mail.flags());
        if (mail.autoReply()) {
            flags.add(ResponseFlag.AUTO_REPLY);
        }
        if (mail.bounce()) {
            flags.add(ResponseFlag.BOUNCE);
        }
        if (customer == null) {
            flags.add(ResponseFlag.UNMATCHED);
        }
        Verdicts v = command.verdicts();
        if (Verdicts.failed(v.spam())) {
            flags.add(ResponseFlag.SPAM);
        }
        if (Verdicts.failed(v.virus())) {
            flags.add(ResponseFlag.VIRUS);
        }
        if (Verdicts.failed(v.dmarc()) || (Verdicts.failed(v.spf()) && Verdicts.failed(v.dkim()))) {
            flags.add(ResponseFlag.AUTH_FAILED);
        }
        if (mail.attachments().stream().anyMatch(a -> a.executable())) {
            flags.add(ResponseFlag.EXECUTABLE_ATTACHMENT);
        }

        String newText = mail.newText();
        String fullTextKey = null;
        if (newText.length() > Response.MAX_NEW_TEXT || mail.fullText().length() > Response.MAX_NEW_TEXT) {
            fullTextKey = "text/" + responseId + ".txt";
            putText(fullTextKey, mail.fullText().isEmpty() ? newText : mail.fullText());
            if (newText.length() > Response.MAX_NEW_TEXT) {
                newText = newText.substring(0, Response.MAX_NEW_TEXT);
                flags.add(ResponseFlag.TRUNCATED);
            }
        }

        List<String> refs = customer == null ? mail.refCandidates() : matchRefs(mail.refCandidates(), openItems);
        Instant receivedAt = command.receivedAt() != null ? command.receivedAt() : clock.instant();
        MailAddress from = mail.from();
        ResponseState state = flags.contains(ResponseFlag.VIRUS) ? ResponseState.QUARANTINED : ResponseState.NEW;

        Response response = new Response(responseId, ResponseChannel.EMAIL, customer == null ? null : customer.id(),
                from == null ? null : from.lowerCase(), from == null ? null : from.displayName(), receivedAt,
                mail.subject(), newText, mail.language(), command.mailKey(), fullTextKey, mail.attachments(), refs,
                List.of(), flags, link.token, mail.messageId(), state, null, null);

        if (customer != null && state != ResponseState.QUARANTINED) {
            Optional<Suggestion> suggestion = suggestSafely(response, customer, openItems, mail);
            if (suggestion.isPresent()) {
                response = response.withSuggestion(suggestion.get());
            }
        }

        Instant now = clock.instant();
        if (!responses.create(response, now.plus(CARD_CLAIM))) {
            return resume(responseId, customer, mail, link, now);
        }
        learnContacts(customer, mail, link);
        if (state != ResponseState.QUARANTINED) {
            CardRef card = chat.postResponseCard(new CardView(response, customer, openItems, null));
            responses.recordCard(responseId, card);
        }
        return new Result(responseId, Outcome.STORED, response.customerId(), flags, link.by);
    }

    /**
     * What a mail teaches about the customer's contacts: a bounce marks the failed recipients, a reply through the
     * customer's token from a new address adds that address. Idempotent, so a redelivery re-applies it: a delivery
     * that crashed after storing the response still gets it done.
     */
    private void learnContacts(Customer customer, ReadMail mail, Link link) {
        if (customer == null) {
            return;
        }
        if (mail.bounce()) {
            for (String failed : mail.bouncedRecipients()) {
                customers.markContactFailing(customer, failed);
            }
        }
        MailAddress from = mail.from();
        if (from != null && link.byToken && !mail.autoReply() && !mail.bounce()
                && !customer.hasContact(from.address())) {
            customers.addContact(customer, Contact.of(from.address(), from.displayName()));
        }
    }

    private ReadMail read(Command command, String responseId) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("mail-", ".eml");
            blobs.download(command.mailKey(), tmp);
            return reader.read(tmp, new StoringAttachmentSink(blobs, responseId));
        } catch (IOException e) {
            // The object is unreadable (missing, I/O): let the invocation fail so Lambda retries; nothing is lost.
            throw new UncheckedIOException("cannot read mail object " + command.mailKey(), e);
        } catch (RuntimeException e) {
            // The reader promises never to throw; if it does, the message is still stored and shown.
            return new ReadMail(null, null, null, List.of(), null, null, "", "", null, false, false, List.of(),
                    List.of(), List.of(), Set.of(ResponseFlag.MALFORMED));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private record Link(Customer customer, String token, boolean byToken, String by) {
    }

    private Link link(Command command, ReadMail mail) {
        List<String> addresses = new ArrayList<>(command.envelopeRecipients());
        for (MailAddress a : mail.recipients()) {
            if (a.address() != null) {
                addresses.add(a.address());
            }
        }
        Optional<String> token = replyAddresses.firstToken(addresses);
        if (token.isPresent()) {
            Optional<Customer> byToken = tokens.find(token.get())
                    .map(ReplyToken::customerId)
                    .flatMap(customers::get);
            if (byToken.isPresent()) {
                return new Link(byToken.get(), token.get(), true, "token");
            }
        }
        MailAddress from = mail.from();
        if (from != null && from.address() != null && !mail.bounce()) {
            Optional<Customer> bySender = customers.byContactEmail(from.lowerCase());
            if (bySender.isPresent()) {
                return new Link(bySender.get(), token.orElse(null), false, "sender");
            }
            String domain = from.domain();
            if (!domain.isEmpty() && !FREE_MAIL_DOMAINS.contains(domain)
                    && !replyAddresses.inboundDomains().contains(domain)) {
                List<Customer> byDomain = customers.byDomain(domain, 2);
                if (byDomain.size() == 1) {
                    return new Link(byDomain.get(0), token.orElse(null), false, "domain");
                }
            }
        }
        return new Link(null, token.orElse(null), false, "unmatched");
    }

    /** The customer's own items named by the mail, in order of first appearance; other references never link. */
    static List<String> matchRefs(List<String> candidates, List<Item> openItems) {
        Map<String, String> byNormalized = new LinkedHashMap<>();
        for (Item item : openItems) {
            byNormalized.put(Item.normalizeNumber(item.number()), item.number());
        }
        List<String> matched = new ArrayList<>();
        for (String candidate : candidates) {
            String number = byNormalized.get(Item.normalizeNumber(candidate));
            if (number != null && !matched.contains(number)) {
                matched.add(number);
            }
        }
        return matched;
    }

    private Optional<Suggestion> suggestSafely(Response response, Customer customer, List<Item> openItems,
                                               ReadMail mail) {
        try {
            return suggester.suggest(new SuggestionRequest(response.id(), ResponseChannel.EMAIL, response.subject(),
                    response.newText(), response.language(), List.of(), openItems, response.itemRefs(),
                    response.receivedAt(), customer.zone(), customer.country(), mail.autoReply()));
        } catch (RuntimeException e) {
            // A suggestion is a help, never a reason to lose an answer.
            return Optional.empty();
        }
    }

    private void putText(String key, String text) {
        try {
            blobs.put(key, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A redelivery of a stored mail (SES retried, or Lambda after a crash): the contacts are taught again (idempotent)
     * and the card is posted only if none was and no other delivery holds the right to post it. When another delivery
     * is posting it right now, this one fails with {@link CardInFlight}, so Lambda retries it later: by then the card
     * is recorded (nothing to do) or that delivery died and its claim expired (this one posts it). Never two cards.
     */
    private Result resume(String responseId, Customer linked, ReadMail mail, Link link, Instant now) {
        Response existing = responses.get(responseId)
                .orElseThrow(() -> new IllegalStateException("response " + responseId + " vanished"));
        if (linked != null && linked.id().equals(existing.customerId())) {
            learnContacts(linked, mail, link);
        }
        if (existing.card() == null && existing.state() != ResponseState.QUARANTINED) {
            if (!responses.claimCard(responseId, now, now.plus(CARD_CLAIM))) {
                Response again = responses.get(responseId).orElse(existing);
                if (again.card() != null) {
                    return new Result(responseId, Outcome.DUPLICATE, existing.customerId(), existing.flags(), null);
                }
                throw new CardInFlight(responseId);
            }
            Customer customer = existing.customerId() == null ? null
                    : customers.get(existing.customerId()).orElse(null);
            List<Item> openItems = customer == null ? List.of() : items.openItems(customer.id());
            CardRef card = chat.postResponseCard(new CardView(existing, customer, openItems, null));
            responses.recordCard(responseId, card);
            return new Result(responseId, Outcome.CARD_RESUMED, existing.customerId(), existing.flags(), null);
        }
        return new Result(responseId, Outcome.DUPLICATE, existing.customerId(), existing.flags(), null);
    }

    /** Another delivery of the same mail is posting its card now: retry later (Lambda does), nothing is lost. */
    public static final class CardInFlight extends RuntimeException {
        public CardInFlight(String responseId) {
            super("the card of " + responseId + " is being posted by another delivery; retry later");
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
