package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpScheduler;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.port.ResponseStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The buttons of a qualified card: Change owner, Edit comment (for all the items or some) and Cancel follow-up.
 * Each change is a set of single-item writes that set a value (so a retry or a double submission writes the same
 * thing again), audited once per request and item, and the card is rewritten from what is stored afterwards.
 */
public final class AmendQualification {

    public enum Status { DONE, NOT_QUALIFIED, NOT_FOUND, NOTHING_TO_DO }

    /** {@code changed}: items (or follow-ups) whose value actually changed. */
    public record Result(Status status, int changed) {
    }

    private final ResponseStore responses;
    private final QualificationStore qualifications;
    private final ItemStore items;
    private final FollowUpStore followUps;
    private final FollowUpScheduler scheduler;
    private final AuditLog audit;
    private final CardRefresher cards;
    private final Clock clock;

    public AmendQualification(ResponseStore responses, QualificationStore qualifications, CustomerStore customers,
                              ItemStore items, FollowUpStore followUps, FollowUpScheduler scheduler, AuditLog audit,
                              ChatNotifier chat, Clock clock) {
        this.responses = responses;
        this.qualifications = qualifications;
        this.items = items;
        this.followUps = followUps;
        this.scheduler = scheduler;
        this.audit = audit;
        this.cards = new CardRefresher(qualifications, customers, items, followUps, chat);
        this.clock = clock;
    }

    public Result changeOwner(String responseId, List<String> itemNumbers, String owner, String actor,
                              String requestId) {
        return amend(responseId, itemNumbers, actor, requestId, "owner", owner);
    }

    public Result editComment(String responseId, List<String> itemNumbers, String comment, String actor,
                              String requestId) {
        return amend(responseId, itemNumbers, actor, requestId, "comment", comment == null ? "" : comment);
    }

    private Result amend(String responseId, List<String> itemNumbers, String actor, String requestId, String field,
                         String value) {
        Optional<Response> found = responses.get(responseId);
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, 0);
        }
        Response response = found.get();
        Optional<Qualification> latest = qualifications.latest(responseId);
        if (response.state() != ResponseState.QUALIFIED || latest.isEmpty() || response.customerId() == null) {
            return new Result(Status.NOT_QUALIFIED, 0);
        }
        Qualification q = latest.get();
        Set<String> chosen = chosen(q, itemNumbers);
        if (chosen.isEmpty()) {
            return new Result(Status.NOTHING_TO_DO, 0);
        }
        Instant now = clock.instant();
        boolean owner = field.equals("owner");
        int changed = 0;
        for (String number : chosen) {
            Optional<Item> item = items.get(response.customerId(), number);
            if (item.isEmpty()) {
                continue;
            }
            String before = owner ? item.get().owner() : item.get().comment();
            if (Objects.equals(blankToNull(before), blankToNull(value))) {
                continue; // already so (a retry, or nothing to change)
            }
            items.amend(response.customerId(), number, owner ? value : null, owner ? null : value);
            audit.record(new ItemEvent(response.customerId(), number, now, actor, field, before, value,
                    "response " + responseId), requestId + "/" + field + "/" + number);
            changed++;
        }
        for (int g = 0; g < q.groups().size(); g++) {
            QualificationGroup group = q.groups().get(g);
            if (!group.itemNumbers().isEmpty() && chosen.containsAll(group.itemNumbers())) {
                String id = io.arfollowup.core.token.Ids.followUpId(responseId, q.version(), g);
                followUps.get(id).filter(f -> !f.state().isFinal())
                        .ifPresent(f -> followUps.amend(f.id(), owner ? value : null, owner ? null : value));
            }
        }
        cards.refresh(response, actor, now);
        return new Result(Status.DONE, changed);
    }

    /** Cancels the chosen follow-ups that have not run yet (all of the latest decision's when none is named). */
    public Result cancelFollowUps(String responseId, List<String> followUpIds, String actor) {
        Optional<Response> found = responses.get(responseId);
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, 0);
        }
        Response response = found.get();
        Optional<Qualification> latest = qualifications.latest(responseId);
        if (response.state() != ResponseState.QUALIFIED || latest.isEmpty()) {
            return new Result(Status.NOT_QUALIFIED, 0);
        }
        Instant now = clock.instant();
        int cancelled = 0;
        for (FollowUp f : cards.followUpsOf(latest.get())) {
            if (followUpIds != null && !followUpIds.isEmpty() && !followUpIds.contains(f.id())) {
                continue;
            }
            boolean done = false;
            for (FollowUpState from : List.of(FollowUpState.PLANNED, FollowUpState.AWAITING_CONFIRMATION)) {
                if (f.state() == from && followUps.finish(f.id(), from, FollowUpState.CANCELLED,
                        "cancelled by " + actor)) {
                    done = true;
                }
            }
            if (done) {
                // after the state change: a schedule that fires in between finds the follow-up cancelled
                scheduler.cancel(f.scheduleName() == null ? f.id() : f.scheduleName());
                for (String number : f.itemNumbers()) {
                    audit.record(new ItemEvent(f.customerId(), number, now, actor, "followUp", f.state().name(),
                            FollowUpState.CANCELLED.name(), "follow-up " + f.id()), "cancel/" + f.id() + "/" + number);
                }
                cancelled++;
            }
        }
        cards.refresh(response, actor, now);
        return new Result(cancelled == 0 ? Status.NOTHING_TO_DO : Status.DONE, cancelled);
    }

    private static Set<String> chosen(Qualification q, List<String> itemNumbers) {
        Set<String> all = new LinkedHashSet<>();
        q.groups().forEach(g -> all.addAll(g.itemNumbers()));
        if (itemNumbers == null || itemNumbers.isEmpty()) {
            return all;
        }
        Set<String> out = new LinkedHashSet<>(itemNumbers);
        out.retainAll(all);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Item numbers of the latest decision (for the modals' "one item" choice). */
    public static List<String> itemsOf(Qualification q) {
        List<String> out = new ArrayList<>();
        q.groups().forEach(g -> g.itemNumbers().stream().filter(n -> !out.contains(n)).forEach(out::add));
        return out;
    }
}
