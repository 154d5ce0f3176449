package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.token.ReplyAddresses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * F5, run a follow-up on its day: claim it with a lease (a second invocation is a no-op; a crash after the claim
 * is taken over once the lease expires), drop items paid or re-qualified since planning (cancel when none is left),
 * then act by mode: send the e-mail, open a task card, or ask the owner to confirm.
 */
public final class RunFollowUp {

    public static final Duration LEASE = Duration.ofMinutes(5);

    public record Command(String followUpId) {
        public Command {
            Objects.requireNonNull(followUpId, "followUpId");
        }
    }

    public enum Status { DONE, AWAITING_CONFIRMATION, CANCELLED, ALREADY_HANDLED, FAILED }

    public record Result(String followUpId, Status status, String detail) {
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
    private final io.arfollowup.core.port.FollowUpGuard guard;

    public RunFollowUp(FollowUpStore followUps, CustomerStore customers, ItemStore items, ResponseStore responses,
                       ReplyTokenStore tokens, RuleCatalog rules, TemplateRenderer renderer, Mailer mailer,
                       ChatNotifier chat, ColleagueDirectory directory, ReplyAddresses replyAddresses,
                       OutboundSettings outbound, Clock clock) {
        this(followUps, customers, items, responses, tokens, rules, renderer, mailer, chat, directory, replyAddresses,
                outbound, clock, io.arfollowup.core.port.FollowUpGuard.NONE);
    }

    public RunFollowUp(FollowUpStore followUps, CustomerStore customers, ItemStore items, ResponseStore responses,
                       ReplyTokenStore tokens, RuleCatalog rules, TemplateRenderer renderer, Mailer mailer,
                       ChatNotifier chat, ColleagueDirectory directory, ReplyAddresses replyAddresses,
                       OutboundSettings outbound, Clock clock, io.arfollowup.core.port.FollowUpGuard guard) {
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
        this.guard = guard == null ? io.arfollowup.core.port.FollowUpGuard.NONE : guard;
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
        var guarded = guard.before(followUp, customer);
        if (guarded.isPresent()) {
            FollowUpState end = guarded.get().state();
            return finish(followUp, end, end == FollowUpState.CANCELLED ? Status.CANCELLED
                    : end == FollowUpState.FAILED ? Status.FAILED : Status.DONE, guarded.get().detail());
        }
        List<Item> still = items.openItems(customer.id()).stream()
                .filter(i -> followUp.itemNumbers().contains(i.number()))
                .filter(i -> !i.isPaid())
                .filter(i -> followUp.statusCode().equals(i.status()))
                .toList();
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

        ActionChannel channel = template.channel();
        if (followUp.mode() == FollowUpMode.AUTOMATIC_WITH_CONFIRMATION) {
            RenderedMessage preview = renderer.render(template, customer.language(), FollowUpMessages.model(ctx, null));
            chat.postFollowUpCard(new FollowUpCard(FollowUpCard.Kind.CONFIRMATION, followUp, customer, still, preview,
                    recipientsFor(template, customer).stream().findFirst().orElse(null)));
            return finish(followUp, FollowUpState.AWAITING_CONFIRMATION, Status.AWAITING_CONFIRMATION,
                    "confirmation asked to " + followUp.owner());
        }
        if (channel.isEmail()) {
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
            RenderedMessage message = renderer.render(template, customer.language(),
                    FollowUpMessages.model(ctx, replyTo));
            mailer.send(new OutgoingEmail(outbound.from(), to, List.of(), replyTo, message.subject(),
                    message.text(), message.html(), FollowUpMessages.messageId(followUp, replyAddresses),
                    response == null ? null : response.messageId(),
                    response == null || response.messageId() == null ? List.of() : List.of(response.messageId()),
                    replyTo, List.of(), java.util.Map.of("X-AR-FollowUp", followUp.id())));
            return finish(followUp, FollowUpState.DONE, Status.DONE, "e-mail sent to " + to.size() + " recipient(s)");
        }
        RenderedMessage task = renderer.render(template, customer.language(), FollowUpMessages.model(ctx, null));
        chat.postFollowUpCard(new FollowUpCard(FollowUpCard.Kind.TASK, followUp, customer, still, task, null));
        return finish(followUp, FollowUpState.DONE, Status.DONE, channel.name().toLowerCase() + " task opened");
    }

    private List<String> recipientsFor(ActionTemplate template, Customer customer) {
        return switch (template.recipients()) {
            case CLIENT -> customer.primaryContact().map(Contact::email).map(List::of).orElse(List.of());
            default -> directory.addresses(template.recipients(), customer);
        };
    }

    private Result finish(FollowUp followUp, FollowUpState to, Status status, String detail) {
        followUps.finish(followUp.id(), FollowUpState.RUNNING, to, detail);
        return new Result(followUp.id(), status, detail);
    }

    static Instant now(Clock clock) {
        return clock.instant();
    }
}
