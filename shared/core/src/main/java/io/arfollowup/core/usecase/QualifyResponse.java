package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpScheduler;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * F3/F4, qualify: stores the collector's decision, updates the items (status, comment, owner, hold), plans and
 * schedules each group's follow-up from its status rule, then rewrites the card with the outcome.
 * <p>No transactions (dynalite has none, DESIGN §4): the steps are single-item conditional writes in an order a
 * retry can finish. The decision is written first under (response, version) with the Slack submission id; a retry
 * of the same submission replays every later step idempotently (items overwritten with the same values, audit
 * events and follow-ups created if absent, schedules created with the follow-up id as ClientToken). A different
 * submission on a qualified response is refused: "already qualified by @x".
 */
public final class QualifyResponse {

    /** A collector's decision. {@code submissionId} identifies the Slack submission (view id + hash). */
    public record Command(String responseId, String submissionId, List<QualificationGroup> groups, Notify notification,
                          String actor, boolean requalify) {
        public Command {
            Objects.requireNonNull(responseId, "responseId");
            Objects.requireNonNull(submissionId, "submissionId");
            Objects.requireNonNull(actor, "actor");
            groups = groups == null ? List.of() : List.copyOf(groups);
            notification = notification == null ? Notify.NOBODY : notification;
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("a qualification needs at least one group");
            }
        }
    }

    public enum Status { QUALIFIED, ALREADY_QUALIFIED, NOT_FOUND, DELETED, INVALID }

    /**
     * {@code response} and {@code customer}: as this qualification read them (null unless QUALIFIED), so the steps
     * after it (TrackQualification) need not read them again (DESIGN §11's call budget).
     */
    public record Result(Status status, Qualification qualification, List<FollowUp> followUps, String detail,
                         Response response, Customer customer) {
        public Result {
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }

        public Result(Status status, Qualification qualification, List<FollowUp> followUps, String detail) {
            this(status, qualification, followUps, detail, null, null);
        }
    }

    private final ResponseStore responses;
    private final QualificationStore qualifications;
    private final CustomerStore customers;
    private final ItemStore items;
    private final FollowUpStore followUps;
    private final FollowUpScheduler scheduler;
    private final RuleCatalog rules;
    private final AuditLog audit;
    private final ChatNotifier chat;
    private final Suggester suggester;
    private final FollowUpPlanner planner;
    private final Clock clock;

    public QualifyResponse(ResponseStore responses, QualificationStore qualifications, CustomerStore customers,
                           ItemStore items, FollowUpStore followUps, FollowUpScheduler scheduler, RuleCatalog rules,
                           AuditLog audit, ChatNotifier chat, Suggester suggester, FollowUpPlanner planner,
                           Clock clock) {
        this.responses = responses;
        this.qualifications = qualifications;
        this.customers = customers;
        this.items = items;
        this.followUps = followUps;
        this.scheduler = scheduler;
        this.rules = rules;
        this.audit = audit;
        this.chat = chat;
        this.suggester = suggester == null ? Suggester.NONE : suggester;
        this.planner = planner;
        this.clock = clock;
    }

    public Result handle(Command command) {
        Optional<Response> found = responses.get(command.responseId());
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, null, List.of(), "no response " + command.responseId());
        }
        Response response = found.get();
        if (response.state() == ResponseState.DELETED || response.state() == ResponseState.QUARANTINED) {
            return new Result(Status.DELETED, null, List.of(), "response is " + response.state());
        }
        if (response.customerId() == null) {
            return new Result(Status.INVALID, null, List.of(), "pick the customer first");
        }
        for (QualificationGroup g : command.groups()) {
            if (rules.rule(g.statusCode()).isEmpty()) {
                return new Result(Status.INVALID, null, List.of(), "unknown status " + g.statusCode());
            }
        }

        Optional<Qualification> latest = qualifications.latest(response.id());
        Qualification decision;
        if (latest.isPresent() && latest.get().submissionId().equals(command.submissionId())) {
            decision = latest.get(); // a retry of this very submission: finish what it started
        } else if (response.state() == ResponseState.QUALIFIED && !command.requalify()) {
            return alreadyQualified(latest.orElse(null));
        } else {
            int version = latest.map(q -> q.version() + 1).orElse(1);
            decision = new Qualification(response.id(), version, command.submissionId(), command.groups(),
                    command.notification(), command.actor(), clock.instant(),
                    outcome(response.suggestion(), command.groups()));
            if (latest.isPresent() && command.requalify()) {
                // before the new decision is written: a crash here is finished by the retry, which comes this way
                // again (the latest is still the previous version), whereas a retry of a written decision does not
                cancelFollowUps(latest.get());
            }
            if (!qualifications.create(decision)) {
                Optional<Qualification> winner = qualifications.latest(response.id());
                if (winner.isPresent() && winner.get().submissionId().equals(command.submissionId())) {
                    decision = winner.get();
                } else {
                    return alreadyQualified(winner.orElse(null));
                }
            }
        }

        Customer customer = customers.get(response.customerId())
                .orElseThrow(() -> new IllegalStateException("customer " + response.customerId() + " is gone"));
        Instant now = decision.decidedAt();
        List<FollowUp> planned = new ArrayList<>();
        for (int g = 0; g < decision.groups().size(); g++) {
            QualificationGroup group = decision.groups().get(g);
            StatusRule rule = rules.rule(group.statusCode()).orElseThrow();
            if (rule.type() != StatusType.NONE) {
                Hold hold = rule.holdsItems()
                        ? new Hold(rule.code(), now, rule.holdDays() == null ? null
                                : now.plus(Duration.ofDays(rule.holdDays())))
                        : null;
                for (String number : group.itemNumbers()) {
                    items.qualify(customer.id(), number, rule.code(), group.comment(), group.owner(), hold);
                    audit.record(new ItemEvent(customer.id(), number, now, decision.decidedBy(), "status", null,
                            rule.code(), "response " + response.id()),
                            response.id() + "/" + decision.version() + "/" + number);
                }
            }
            plan(response, customer, decision, g, group, rule).ifPresent(planned::add);
        }

        responses.transition(response.id(), EnumSet.of(ResponseState.NEW, ResponseState.VALIDATED,
                ResponseState.QUALIFIED), ResponseState.QUALIFIED, decision.decidedBy());
        learn(response, customer, decision);
        if (response.card() != null) {
            List<Item> open = items.openItems(customer.id());
            chat.updateResponseCard(response.card(), new CardView(response.withState(ResponseState.QUALIFIED),
                    customer, open, new CardView.Outcome(decision.decidedBy(), decision.decidedAt(), decision,
                    planned)));
        }
        return new Result(Status.QUALIFIED, decision, planned, null, response.withState(ResponseState.QUALIFIED),
                customer);
    }

    private Optional<FollowUp> plan(Response response, Customer customer, Qualification decision, int index,
                                    QualificationGroup group, StatusRule rule) {
        FollowUpOverride override = group.followUp();
        if (override.cancelled() || !rule.plansFollowUp() || group.itemNumbers().isEmpty()) {
            return Optional.empty();
        }
        Instant due = override.date() != null
                ? planner.at(override.date(), customer.zone())
                : planner.due(rule.delay(), customer.zone(), customer.country(), promisedDate(response, group));
        String templateId = override.templateId() != null ? override.templateId() : rule.templateId();
        FollowUpMode mode = override.mode() != null ? override.mode() : rule.mode();
        String id = Ids.followUpId(response.id(), decision.version(), index);
        FollowUp followUp = new FollowUp(id, customer.id(), response.id(), group.itemNumbers(), rule.code(),
                templateId, mode, due, customer.zone(), FollowUpState.PLANNED, id,
                group.owner() != null ? group.owner() : customer.collector(), group.comment(), null, null);
        if (!followUps.create(followUp)) {
            followUp = followUps.get(id).orElse(followUp);
        }
        if (followUp.state() == FollowUpState.PLANNED) {
            scheduler.schedule(followUp);
        }
        return Optional.of(followUp);
    }

    /**
     * The promised date a promise check counts from: the collector's, else the suggestion's for the same status,
     * else the date the customer gave on the web page for these items.
     */
    static java.time.LocalDate promisedDate(Response response, QualificationGroup group) {
        if (group.promisedDate() != null) {
            return group.promisedDate();
        }
        if (response.suggestion() != null) {
            for (SuggestedGroup s : response.suggestion().groups()) {
                if (s.statusCode().equals(group.statusCode()) && s.promisedDate() != null) {
                    return s.promisedDate();
                }
            }
        }
        return response.answers().stream()
                .filter(a -> a.choice() == io.arfollowup.core.domain.AnswerChoice.WILL_PAY && a.date() != null)
                .filter(a -> group.itemNumbers().contains(a.itemNumber()))
                .map(io.arfollowup.core.domain.ItemAnswer::date)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /**
     * Re-qualification re-plans: the previous version's follow-ups still PLANNED (their schedule is deleted, 404 =
     * already gone) or waiting for their owner (the card's buttons then answer "already handled") are cancelled.
     */
    private void cancelFollowUps(Qualification previous) {
        for (int g = 0; g < previous.groups().size(); g++) {
            String id = Ids.followUpId(previous.responseId(), previous.version(), g);
            Optional<FollowUp> f = followUps.get(id);
            if (f.isEmpty() || f.get().state().isFinal()) {
                continue;
            }
            FollowUpState from = f.get().state();
            if ((from == FollowUpState.PLANNED || from == FollowUpState.AWAITING_CONFIRMATION)
                    && followUps.finish(id, from, FollowUpState.CANCELLED, "re-qualified")) {
                scheduler.cancel(f.get().scheduleName() == null ? id : f.get().scheduleName());
                if (f.get().card() != null) {
                    chat.updateFollowUpCard(f.get().card(), new io.arfollowup.core.port.FollowUpCard(
                            io.arfollowup.core.port.FollowUpCard.Kind.CONFIRMATION, f.get().withState(
                            FollowUpState.CANCELLED, "re-qualified"), null, List.of(), null, null),
                            new io.arfollowup.core.domain.Labels("🚫 Annulée : réponse requalifiée",
                                    "🚫 Cancelled: the reply was re-qualified"));
                }
            }
        }
    }

    private void learn(Response response, Customer customer, Qualification decision) {
        try {
            suggester.learn(new SuggestionRequest(response.id(), response.channel(), response.subject(),
                    response.newText(), response.language(), response.answers(), List.of(), response.itemRefs(),
                    response.receivedAt(), customer.zone(), customer.country(), false), decision);
        } catch (RuntimeException e) {
            // learning is best effort: the decision is what matters
        }
    }

    private static Result alreadyQualified(Qualification by) {
        return new Result(Status.ALREADY_QUALIFIED, by, List.of(),
                by == null ? "already qualified" : "already qualified by " + by.decidedBy());
    }

    /** Accepted = same statuses on the same items; edited = same main status; rejected otherwise. */
    static SuggestionOutcome outcome(Suggestion suggestion, List<QualificationGroup> groups) {
        if (suggestion == null || suggestion.groups().isEmpty()) {
            return SuggestionOutcome.NO_SUGGESTION;
        }
        SuggestedGroup main = suggestion.groups().get(0);
        if (!main.statusCode().equals(groups.get(0).statusCode())) {
            return SuggestionOutcome.REJECTED;
        }
        if (suggestion.groups().size() != groups.size()) {
            return SuggestionOutcome.EDITED;
        }
        for (int i = 0; i < groups.size(); i++) {
            SuggestedGroup s = suggestion.groups().get(i);
            QualificationGroup q = groups.get(i);
            if (!s.statusCode().equals(q.statusCode())
                    || !new HashSet<>(s.itemNumbers()).equals(Set.copyOf(q.itemNumbers()))) {
                return SuggestionOutcome.EDITED;
            }
        }
        return SuggestionOutcome.ACCEPTED;
    }
}
