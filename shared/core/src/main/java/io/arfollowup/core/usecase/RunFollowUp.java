package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.InternalAnswerChoice;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.PhoneNumber;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.BlobStore;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.FollowUpGuard;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.LetterRenderer;
import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.Markup;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.SmsSender;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.port.ThreadNote;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import io.arfollowup.core.token.ReplyAddresses;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * F5, run a follow-up on its day: claim it with a lease (a second invocation is a no-op; a crash after the claim
 * is taken over once the lease expires), let the guard settle it (promise checks), drop items paid or re-qualified
 * since planning (cancel when none is left), then act by mode and channel:
 * <ul>
 * <li>AUTOMATIC: EMAIL to the client (fresh reply token, threading, feedback forwarding, documents attached when the
 * template says so), SMS (E.164), LETTER (a PDF in S3 and a print-and-post task), CALL/TASK (a task card whose
 * outcome the owner records);</li>
 * <li>AUTOMATIC_WITH_CONFIRMATION: a card with the rendered message for the owner: nothing is sent until confirmed
 * ({@link FollowUpDecisions});</li>
 * <li>INTERNAL_INTERACTIVE_EMAIL: an e-mail to the colleague the template's recipients rule picks from the
 * directory, with signed single-use answer links ({@link RecordInternalAnswer}).</li>
 * </ul>
 * A failure before the effect releases the claim (RUNNING → PLANNED) and is rethrown, so Lambda's own retry can run
 * it again at once instead of waiting for the lease.
 */
public final class RunFollowUp {

    public static final Duration LEASE = Duration.ofMinutes(5);
    /** How long an internal answer link stays valid (the dispute holds last 45 to 60 days). */
    public static final Duration INTERNAL_LINK_LIFETIME = Duration.ofDays(45);
    /** SMS beyond three segments are cut: a reminder, not a letter. */
    public static final int MAX_SMS = 459;
    /** SES accepts 40 MB per raw message; documents beyond this total stay out and the result says so. */
    public static final long MAX_ATTACHMENTS_BYTES = 10L * 1024 * 1024;

    public record Command(String followUpId) {
        public Command {
            Objects.requireNonNull(followUpId, "followUpId");
        }
    }

    public enum Status { DONE, AWAITING_CONFIRMATION, CANCELLED, ALREADY_HANDLED, FAILED }

    public record Result(String followUpId, Status status, String detail) {
    }

    /** The channels beyond e-mail and Slack, and the signer of internal answer links. */
    public record Channels(BlobStore blobs, SmsSender sms, LetterRenderer letters, LinkSigner links) {
        public static final Channels NONE = new Channels(null, SmsSender.NONE, LetterRenderer.NONE, null);

        public Channels {
            sms = sms == null ? SmsSender.NONE : sms;
            letters = letters == null ? LetterRenderer.NONE : letters;
        }
    }

    private final FollowUpStore followUps;
    private final CustomerStore customers;
    private final ItemStore items;
    private final ResponseStore responses;
    private final ReplyTokenStore tokens;
    private final RuleCatalog rules;
    private final TemplateRenderer renderer;
    private final Mailer mailer;
    private final ChatNotifier chat;
    private final ColleagueDirectory directory;
    private final ReplyAddresses replyAddresses;
    private final OutboundSettings outbound;
    private final Clock clock;
    private final FollowUpGuard guard;
    private final Channels channels;

    public RunFollowUp(FollowUpStore followUps, CustomerStore customers, ItemStore items, ResponseStore responses,
                       ReplyTokenStore tokens, RuleCatalog rules, TemplateRenderer renderer, Mailer mailer,
                       ChatNotifier chat, ColleagueDirectory directory, ReplyAddresses replyAddresses,
                       OutboundSettings outbound, Clock clock) {
        this(followUps, customers, items, responses, tokens, rules, renderer, mailer, chat, directory, replyAddresses,
                outbound, clock, FollowUpGuard.NONE);
    }

    public RunFollowUp(FollowUpStore followUps, CustomerStore customers, ItemStore items, ResponseStore responses,
                       ReplyTokenStore tokens, RuleCatalog rules, TemplateRenderer renderer, Mailer mailer,
                       ChatNotifier chat, ColleagueDirectory directory, ReplyAddresses replyAddresses,
                       OutboundSettings outbound, Clock clock, FollowUpGuard guard) {
        this(followUps, customers, items, responses, tokens, rules, renderer, mailer, chat, directory, replyAddresses,
                outbound, clock, guard, Channels.NONE);
    }

    public RunFollowUp(FollowUpStore followUps, CustomerStore customers, ItemStore items, ResponseStore responses,
                       ReplyTokenStore tokens, RuleCatalog rules, TemplateRenderer renderer, Mailer mailer,
                       ChatNotifier chat, ColleagueDirectory directory, ReplyAddresses replyAddresses,
                       OutboundSettings outbound, Clock clock, FollowUpGuard guard, Channels channels) {
        this.followUps = followUps;
        this.customers = customers;
        this.items = items;
        this.responses = responses;
        this.tokens = tokens;
        this.rules = rules;
        this.renderer = renderer;
        this.mailer = mailer;
        this.chat = chat;
        this.directory = directory;
        this.replyAddresses = replyAddresses;
        this.outbound = outbound;
        this.clock = clock;
        this.guard = guard == null ? FollowUpGuard.NONE : guard;
        this.channels = channels == null ? Channels.NONE : channels;
    }

    public Result handle(Command command) {
        Optional<FollowUp> claimed = followUps.claim(command.followUpId(), clock.instant(), LEASE);
        if (claimed.isEmpty()) {
            return new Result(command.followUpId(), Status.ALREADY_HANDLED, "not PLANNED or claimed by another run");
        }
        FollowUp followUp = claimed.get();
        Customer customer = customers.get(followUp.customerId()).orElse(null);
        if (customer == null) {
            return finish(followUp, FollowUpState.CANCELLED, Status.CANCELLED, "customer no longer exists");
        }
        // read once, for the guard and for the items still concerned (DESIGN §11: runner ≤ 6 calls)
        List<Item> open = items.openItems(customer.id());
        var guarded = guard.before(followUp, customer, open);
        if (guarded.isPresent()) {
            FollowUpState end = guarded.get().state();
            return finish(followUp, end, end == FollowUpState.CANCELLED ? Status.CANCELLED
                    : end == FollowUpState.FAILED ? Status.FAILED : Status.DONE, guarded.get().detail());
        }
        List<Item> still = stillConcerned(followUp, open);
        if (still.isEmpty()) {
            return finish(followUp, FollowUpState.CANCELLED, Status.CANCELLED,
                    "items paid or re-qualified since planning");
        }
        ActionTemplate template = rules.template(followUp.templateId()).orElse(null);
        if (template == null) {
            return finish(followUp, FollowUpState.FAILED, Status.FAILED, "unknown template " + followUp.templateId());
        }
        Response response = followUp.responseId() == null ? null
                : responses.get(followUp.responseId()).orElse(null);
        FollowUpMessages.Context ctx = new FollowUpMessages.Context(followUp, customer, still, response,
                rules.rule(followUp.statusCode()).orElse(null), outbound);
        try {
            return act(followUp, customer, still, response, template, ctx);
        } catch (RuntimeException e) {
            // nothing went out (or the one effect failed): let Lambda's retry claim it again now
            followUps.finish(followUp.id(), FollowUpState.RUNNING, FollowUpState.PLANNED,
                    "failed, will retry: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The follow-up's items still open, unpaid and in the status it was planned for. */
    List<Item> stillConcerned(FollowUp followUp, Customer customer) {
        return stillConcerned(followUp, items.openItems(customer.id()));
    }

    static List<Item> stillConcerned(FollowUp followUp, List<Item> open) {
        return open.stream()
                .filter(i -> followUp.itemNumbers().contains(i.number()))
                .filter(i -> !i.isPaid())
                .filter(i -> followUp.statusCode().equals(i.status()))
                .toList();
    }

    private Result act(FollowUp followUp, Customer customer, List<Item> still, Response response,
                       ActionTemplate template, FollowUpMessages.Context ctx) {
        ActionChannel channel = template.channel();
        boolean task = channel == ActionChannel.CALL || channel == ActionChannel.TASK;
        if (followUp.mode() == FollowUpMode.AUTOMATIC_WITH_CONFIRMATION && !task) {
            RenderedMessage preview = render(template, followUp, customer, FollowUpMessages.model(ctx, null));
            return park(followUp, new FollowUpCard(FollowUpCard.Kind.CONFIRMATION, followUp, customer, still, preview,
                    recipientsFor(template, customer).stream().findFirst().orElse(null), channel, null),
                    "confirmation asked to " + followUp.owner());
        }
        return switch (channel) {
            case EMAIL, INTERNAL_EMAIL -> email(followUp, customer, still, response, template, ctx);
            case SMS -> sms(followUp, customer, response, template, ctx);
            case LETTER -> letter(followUp, customer, still, template, ctx);
            case CALL, TASK -> park(followUp, new FollowUpCard(FollowUpCard.Kind.TASK, followUp, customer, still,
                    render(template, followUp, customer, FollowUpMessages.model(ctx, null)), null, channel, null),
                    (channel == ActionChannel.CALL ? "call task" : "task") + " opened for " + followUp.owner());
        };
    }

    private Result email(FollowUp followUp, Customer customer, List<Item> still, Response response,
                         ActionTemplate template, FollowUpMessages.Context ctx) {
        ActionChannel channel = template.channel();
        List<String> to = recipientsFor(template, customer);
        if (to.isEmpty()) {
            return finish(followUp, FollowUpState.FAILED, Status.FAILED, "no recipient for " + template.recipients());
        }
        String replyTo = null;
        if (channel == ActionChannel.EMAIL) {
            String token = replyAddresses.newToken();
            tokens.put(new ReplyToken(token, customer.id(), followUp.id(), clock.instant()));
            replyTo = replyAddresses.address(token);
        }
        Map<String, Object> model = FollowUpMessages.model(ctx, replyTo);
        if (followUp.mode() == FollowUpMode.INTERNAL_INTERACTIVE_EMAIL && channels.links() != null) {
            model.putAll(answerLinks(followUp, customer));
        }
        RenderedMessage message = render(template, followUp, customer, model);
        List<OutgoingEmail.Attachment> attachments = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (template.attachDocuments()) {
            documents(still, attachments, missing);
        }
        mailer.send(new OutgoingEmail(outbound.from(), to, List.of(), replyTo, message.subject(),
                message.text(), message.html(), FollowUpMessages.messageId(followUp, replyAddresses),
                response == null ? null : response.messageId(),
                response == null || response.messageId() == null ? List.of() : List.of(response.messageId()),
                replyTo, attachments, Map.of("X-AR-FollowUp", followUp.id())));
        String detail = (channel == ActionChannel.INTERNAL_EMAIL ? "internal e-mail" : "e-mail") + " sent to "
                + to.size() + " recipient(s)" + (attachments.isEmpty() ? "" : ", " + attachments.size()
                + " document(s) attached") + (missing.isEmpty() ? "" : ", no document for " + String.join(" ", missing));
        notice(response, "📨 Relance envoyée (" + (channel == ActionChannel.INTERNAL_EMAIL ? "interne" : "client")
                        + ") : « " + message.subject() + " » → " + String.join(", ", to),
                "📨 Follow-up sent (" + (channel == ActionChannel.INTERNAL_EMAIL ? "internal" : "client") + "): “"
                        + message.subject() + "” → " + String.join(", ", to));
        return finish(followUp, FollowUpState.DONE, Status.DONE, detail);
    }

    private Result sms(FollowUp followUp, Customer customer, Response response, ActionTemplate template,
                       FollowUpMessages.Context ctx) {
        Optional<String> phone = customer.contacts().stream().filter(c -> !c.failing())
                .map(c -> PhoneNumber.e164(c.phone(), customer.country())).flatMap(Optional::stream).findFirst();
        if (phone.isEmpty()) {
            return finish(followUp, FollowUpState.FAILED, Status.FAILED, "no contact with a valid phone number (E.164)");
        }
        RenderedMessage message = render(template, followUp, customer, FollowUpMessages.model(ctx, null));
        String text = message.text().strip().replaceAll("[ \\t]+", " ").replaceAll("\\n{3,}", "\n\n");
        if (text.length() > MAX_SMS) {
            text = text.substring(0, MAX_SMS - 1) + "…";
        }
        String id = channels.sms().send(phone.get(), text, followUp.id());
        String masked = phone.get().substring(0, Math.min(4, phone.get().length())) + "…"
                + phone.get().substring(Math.max(0, phone.get().length() - 2));
        notice(response, "📱 SMS envoyé au " + masked, "📱 SMS sent to " + masked);
        return finish(followUp, FollowUpState.DONE, Status.DONE, "SMS sent to " + masked + " (" + id + ")");
    }

    private Result letter(FollowUp followUp, Customer customer, List<Item> still, ActionTemplate template,
                          FollowUpMessages.Context ctx) {
        if (channels.blobs() == null) {
            return finish(followUp, FollowUpState.FAILED, Status.FAILED, "no document store for letters");
        }
        RenderedMessage message = render(template, followUp, customer, FollowUpMessages.model(ctx, null));
        List<String> recipient = new ArrayList<>();
        recipient.add(customer.name());
        customer.primaryContact().map(Contact::name).filter(n -> n != null && !n.isBlank())
                .ifPresent(n -> recipient.add((customer.language() == io.arfollowup.core.domain.Language.FR
                        ? "À l'attention de " : "For the attention of ") + n));
        byte[] pdf = channels.letters().render(new LetterRenderer.Letter(outbound.companyName(), recipient,
                LocalDate.now(clock.withZone(customer.zone())), customer.language(), message.subject(), message.text(),
                followUp.id()));
        String key = letterKey(followUp);
        try {
            channels.blobs().put(key, pdf, "application/pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return park(followUp, new FollowUpCard(FollowUpCard.Kind.TASK, followUp, customer, still, message, null,
                ActionChannel.LETTER, key), "letter " + key + " to print and post (" + pdf.length + " bytes)");
    }

    public static String letterKey(FollowUp followUp) {
        return "letters/" + followUp.id() + ".pdf";
    }

    /** Posts the owner's card and parks the follow-up until the owner acts (confirms, records an outcome). */
    private Result park(FollowUp followUp, FollowUpCard card, String detail) {
        var ref = chat.postFollowUpCard(card);
        FollowUp parked = followUp.withCard(ref).withState(FollowUpState.AWAITING_CONFIRMATION, detail);
        if (!followUps.replace(parked, FollowUpState.RUNNING)) {
            followUps.finish(followUp.id(), FollowUpState.RUNNING, FollowUpState.AWAITING_CONFIRMATION, detail);
        }
        return new Result(followUp.id(), Status.AWAITING_CONFIRMATION, detail);
    }

    private RenderedMessage render(ActionTemplate template, FollowUp followUp, Customer customer,
                                   Map<String, Object> model) {
        return FollowUpMessages.render(renderer, template, followUp, customer.language(), model);
    }

    private Map<String, Object> answerLinks(FollowUp followUp, Customer customer) {
        Instant expires = clock.instant().plus(INTERNAL_LINK_LIFETIME);
        String base = outbound.webBaseUrl() == null ? "" : outbound.webBaseUrl().replaceAll("/+$", "");
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<ul>");
        for (InternalAnswerChoice choice : InternalAnswerChoice.values()) {
            String url = base + "/i/" + channels.links().sign(new LinkClaims("internal", followUp.id(),
                    choice.scope(), expires));
            String label = choice.label(customer.language());
            text.append("- ").append(label).append(" : ").append(url).append('\n');
            html.append("<li><a href=\"").append(FollowUpMessages.html(url)).append("\">")
                    .append(FollowUpMessages.html(label)).append("</a></li>");
        }
        html.append("</ul>");
        String page = base + "/i/" + channels.links().sign(new LinkClaims("internal", followUp.id(), "page",
                expires));
        return Map.of("answerLinks", new Markup(text.toString().stripTrailing(), html.toString()),
                "answerPage", page);
    }

    private void documents(List<Item> still, List<OutgoingEmail.Attachment> out, List<String> missing) {
        long total = 0;
        for (Item i : still) {
            if (i.documentKey() == null || channels.blobs() == null) {
                missing.add(i.number());
                continue;
            }
            try (InputStream in = channels.blobs().open(i.documentKey())) {
                byte[] pdf = in.readAllBytes();
                if (total + pdf.length > MAX_ATTACHMENTS_BYTES) {
                    missing.add(i.number());
                    continue;
                }
                total += pdf.length;
                out.add(new OutgoingEmail.Attachment(i.number().replaceAll("[^0-9A-Za-z._-]", "_") + ".pdf",
                        "application/pdf", pdf));
            } catch (FileNotFoundException gone) {
                missing.add(i.number());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void notice(Response response, String fr, String en) {
        if (response != null && response.card() != null) {
            chat.postInThread(response.card(), ThreadNote.of(fr, en));
        }
    }

    List<String> recipientsFor(ActionTemplate template, Customer customer) {
        return switch (template.recipients()) {
            case CLIENT -> customer.primaryContact().map(Contact::email).map(List::of).orElse(List.of());
            default -> directory.addresses(template.recipients(), customer);
        };
    }

    private Result finish(FollowUp followUp, FollowUpState to, Status status, String detail) {
        followUps.finish(followUp.id(), FollowUpState.RUNNING, to, detail);
        return new Result(followUp.id(), status, detail);
    }
}
