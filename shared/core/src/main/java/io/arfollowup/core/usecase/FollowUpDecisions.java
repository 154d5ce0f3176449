package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.TaskOutcome;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.FollowUpScheduler;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.time.FollowUpPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The owner's buttons on a follow-up card. Confirmation cards: Send now, Edit &amp; send, Postpone +N days, Cancel;
 * task cards (call, task, print and post): an outcome (reached — promise, reached — dispute, no answer, done) or
 * Postpone. Every button is one conditional write on the follow-up's state, so a double click or a retried worker
 * changes nothing the second time:
 * <ul>
 * <li>Send now / Edit &amp; send: AWAITING_CONFIRMATION → PLANNED in mode AUTOMATIC, due now (with the edited text),
 * then the runner's own leased claim sends it. A crash in between leaves a due PLANNED follow-up that a retry or the
 * daily catch-up sends; it never sends twice.</li>
 * <li>Postpone: a new due date (+N days from today, rolled to a business day) and UpdateSchedule.</li>
 * <li>Cancel: CANCELLED and DeleteSchedule (404 = already gone = fine).</li>
 * </ul>
 */
public final class FollowUpDecisions {

    public enum Action { SEND_NOW, EDIT_AND_SEND, POSTPONE, CANCEL, OUTCOME }

    /** One click. {@code card} is where the click came from (rewritten once done). */
    public record Command(String followUpId, Action action, Integer days, String subject, String body,
                          TaskOutcome outcome, String actor, CardRef card) {
        public Command {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actor, "actor");
        }
    }

    public enum Status { SENT, POSTPONED, CANCELLED, RECORDED, ALREADY_HANDLED, NOT_FOUND, INVALID }

    public record Result(Status status, String detail) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    public static final int MAX_SUBJECT = 250;
    public static final int MAX_BODY = 10_000;

    private final FollowUpStore followUps;
    private final CustomerStore customers;
    private final RuleCatalog rules;
    private final FollowUpScheduler scheduler;
    private final FollowUpTrigger runner;
    private final AuditLog audit;
    private final ChatNotifier chat;
    private final FollowUpPlanner planner;
    private final Clock clock;

    public FollowUpDecisions(FollowUpStore followUps, CustomerStore customers, RuleCatalog rules,
                             FollowUpScheduler scheduler, RunFollowUp runner, AuditLog audit, ChatNotifier chat,
                             FollowUpPlanner planner, Clock clock) {
        this(followUps, customers, rules, scheduler, runner == null ? null : FollowUpTrigger.inProcess(runner), audit,
                chat, planner, clock);
    }

    public FollowUpDecisions(FollowUpStore followUps, CustomerStore customers, RuleCatalog rules,
                             FollowUpScheduler scheduler, FollowUpTrigger runner, AuditLog audit, ChatNotifier chat,
                             FollowUpPlanner planner, Clock clock) {
        this.followUps = followUps;
        this.customers = customers;
        this.rules = rules;
        this.scheduler = scheduler;
        this.runner = runner;
        this.audit = audit;
        this.chat = chat;
        this.planner = planner;
        this.clock = clock;
    }

    public Result handle(Command c) {
        Optional<FollowUp> found = followUps.get(c.followUpId());
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, "no follow-up " + c.followUpId());
        }
        FollowUp f = found.get();
        return switch (c.action()) {
            case SEND_NOW, EDIT_AND_SEND -> send(f, c);
            case POSTPONE -> postpone(f, c);
            case CANCEL -> cancel(f, c);
            case OUTCOME -> outcome(f, c);
        };
    }

    private Result send(FollowUp f, Command c) {
        if (isTask(f)) {
            return new Result(Status.INVALID, "a task has no message to send");
        }
        TemplateContent edited = null;
        if (c.action() == Action.EDIT_AND_SEND) {
            String subject = c.subject() == null ? "" : c.subject().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
            String body = c.body() == null ? "" : c.body().strip();
            if (subject.isEmpty() || body.isEmpty() || subject.length() > MAX_SUBJECT || body.length() > MAX_BODY) {
                return new Result(Status.INVALID, "subject and body are required (at most " + MAX_SUBJECT + " / "
                        + MAX_BODY + " characters)");
            }
            edited = new TemplateContent(subject, body);
        }
        if (f.state() == FollowUpState.AWAITING_CONFIRMATION && f.mode() == FollowUpMode.AUTOMATIC_WITH_CONFIRMATION) {
            FollowUp confirmed = f.withMode(FollowUpMode.AUTOMATIC).withDue(clock.instant())
                    .withState(FollowUpState.PLANNED, "confirmed by " + c.actor());
            if (edited != null) {
                confirmed = confirmed.withEdited(edited);
            }
            followUps.replace(confirmed, FollowUpState.AWAITING_CONFIRMATION);
            f = followUps.get(f.id()).orElse(f);
        }
        if (f.state() != FollowUpState.PLANNED || f.mode() != FollowUpMode.AUTOMATIC) {
            return already(f, c);
        }
        Optional<RunFollowUp.Result> ran = runner.runNow(f.id());
        String who = mention(c.actor());
        if (ran.isEmpty()) {
            // handed to the runner function: its claim sends it, its notice lands in the response's thread
            updateCard(f, c, new Labels("✅ Confirmée par " + who + " — envoi en cours",
                    "✅ Confirmed by " + who + " — sending"));
            return new Result(Status.SENT, "handed to the runner");
        }
        RunFollowUp.Result run = ran.get();
        if (run.status() == RunFollowUp.Status.ALREADY_HANDLED) {
            return already(f, c);
        }
        updateCard(f, c, new Labels("✅ Envoyé par " + who + " — " + run.detail(),
                "✅ Sent by " + who + " — " + run.detail()));
        return new Result(Status.SENT, run.detail());
    }

    private Result postpone(FollowUp f, Command c) {
        int days = c.days() == null ? 0 : c.days();
        if (days < 1 || days > 365) {
            return new Result(Status.INVALID, "postpone by 1 to 365 days");
        }
        if (f.state() != FollowUpState.AWAITING_CONFIRMATION && f.state() != FollowUpState.PLANNED) {
            return already(f, c);
        }
        Customer customer = customers.get(f.customerId()).orElse(null);
        ZoneId zone = customer == null ? f.zone() : customer.zone();
        Instant due = planner.postponed(days, zone, customer == null ? null : customer.country());
        FollowUp postponed = f.withDue(due).withState(FollowUpState.PLANNED, "postponed +" + days + " d by "
                + c.actor());
        if (!followUps.replace(postponed, f.state())) {
            return already(followUps.get(f.id()).orElse(f), c);
        }
        // UpdateSchedule replaces the whole definition; a schedule that already fired is created anew
        scheduler.reschedule(postponed);
        String when = DAY.format(due.atZone(zone));
        record(f, "postponed", "+" + days + " d → " + when, c.actor());
        String who = mention(c.actor());
        updateCard(f, c, new Labels("⏭️ Reporté au " + when + " par " + who, "⏭️ Postponed to " + when + " by " + who));
        return new Result(Status.POSTPONED, when);
    }

    private Result cancel(FollowUp f, Command c) {
        for (FollowUpState from : List.of(FollowUpState.AWAITING_CONFIRMATION, FollowUpState.PLANNED)) {
            if (f.state() == from && followUps.finish(f.id(), from, FollowUpState.CANCELLED,
                    "cancelled by " + c.actor())) {
                if (f.scheduleName() != null) {
                    scheduler.cancel(f.scheduleName());
                }
                record(f, "cancelled", "cancelled", c.actor());
                String who = mention(c.actor());
                updateCard(f, c, new Labels("🚫 Annulée par " + who, "🚫 Cancelled by " + who));
                return new Result(Status.CANCELLED, "cancelled");
            }
        }
        return already(followUps.get(f.id()).orElse(f), c);
    }

    private Result outcome(FollowUp f, Command c) {
        if (c.outcome() == null) {
            return new Result(Status.INVALID, "no outcome");
        }
        String detail = "outcome " + c.outcome().name() + " by " + c.actor();
        if (f.state() != FollowUpState.AWAITING_CONFIRMATION
                || !followUps.finish(f.id(), FollowUpState.AWAITING_CONFIRMATION, FollowUpState.DONE, detail)) {
            return already(followUps.get(f.id()).orElse(f), c);
        }
        record(f, "outcome", c.outcome().name(), c.actor());
        String who = mention(c.actor());
        updateCard(f, c, new Labels("☑️ " + c.outcome().label(io.arfollowup.core.domain.Language.FR) + " — " + who,
                "☑️ " + c.outcome().label(io.arfollowup.core.domain.Language.EN) + " — " + who));
        return new Result(Status.RECORDED, detail);
    }

    private void record(FollowUp f, String what, String after, String actor) {
        Instant now = clock.instant();
        for (String number : f.itemNumbers()) {
            audit.record(new ItemEvent(f.customerId(), number, now, actor, "follow-up " + what, f.state().name(),
                    after, "follow-up " + f.id()), f.id() + "/" + what + "/" + after + "/" + number);
        }
    }

    private Result already(FollowUp f, Command c) {
        return new Result(Status.ALREADY_HANDLED, "follow-up is " + f.state()
                + (f.result() == null ? "" : " (" + f.result() + ")"));
    }

    private boolean isTask(FollowUp f) {
        ActionChannel ch = rules.template(f.templateId()).map(t -> t.channel()).orElse(ActionChannel.EMAIL);
        return ch == ActionChannel.CALL || ch == ActionChannel.TASK
                || f.result() != null && f.result().startsWith("letter ");
    }

    private void updateCard(FollowUp f, Command c, Labels outcome) {
        CardRef where = c.card() != null ? c.card() : f.card();
        if (where == null) {
            return;
        }
        Customer customer = customers.get(f.customerId()).orElse(null);
        ActionChannel ch = rules.template(f.templateId()).map(t -> t.channel()).orElse(null);
        FollowUpCard.Kind kind = isTask(f) ? FollowUpCard.Kind.TASK : FollowUpCard.Kind.CONFIRMATION;
        chat.updateFollowUpCard(where, new FollowUpCard(kind, followUps.get(f.id()).orElse(f), customer, List.of(),
                null, null, ch, null), outcome);
    }

    static String mention(String actor) {
        return actor != null && actor.matches("[UW][A-Z0-9]{2,}") ? "<@" + actor + ">" : String.valueOf(actor);
    }

    static final Set<FollowUpState> OPEN = Set.of(FollowUpState.PLANNED, FollowUpState.AWAITING_CONFIRMATION);
}
