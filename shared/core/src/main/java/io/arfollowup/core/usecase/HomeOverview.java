package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.ChatScreens;
import io.arfollowup.core.port.CollectionsIndex;
import io.arfollowup.core.port.RuleCatalog;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collector's Home tab: the responses waiting for them (their customers' and the unassigned ones), their
 * follow-ups awaiting confirmation, the follow-ups due this week, the open disputes by age and this week's figures.
 * Only bounded reads ({@link CollectionsIndex}), about a dozen in all.
 */
public final class HomeOverview {

    public static final int SCAN_LIMIT = 100;
    public static final int SHOWN = 10;

    /** A response waiting for a decision, with its customer's name (null: unmatched). */
    public record Pending(Response response, String customerName, boolean mine) {
    }

    /** An item in dispute, held since {@code since}. */
    public record Dispute(Item item, String customerName, Instant since) {
    }

    /** This week's figures (since Monday 00:00 in the team's zone). */
    public record Figures(LocalDate weekStart, int received, int qualified, int accepted, int edited, int rejected) {
    }

    /** The whole tab; lists are cut at {@link #SHOWN}, totals count what the bounded reads saw. */
    public record Home(String userId, Instant at, List<Pending> toQualify, int toQualifyTotal,
                       List<FollowUp> awaitingConfirmation, List<FollowUp> dueThisWeek, int dueThisWeekTotal,
                       List<Dispute> disputes, int disputesTotal, Map<String, String> customerNames,
                       Figures figures) {
    }

    private final CollectionsIndex index;
    private final RuleCatalog rules;
    private final ChatScreens screens;
    private final Clock clock;
    private final ZoneId zone;

    public HomeOverview(CollectionsIndex index, RuleCatalog rules, ChatScreens screens, Clock clock, ZoneId zone) {
        this.index = index;
        this.rules = rules;
        this.screens = screens;
        this.clock = clock;
        this.zone = zone;
    }

    public Home publish(String userId) {
        Home home = build(userId);
        screens.publishHome(userId, home);
        return home;
    }

    public Home build(String userId) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        Instant weekEnd = monday.plusDays(7).atStartOfDay(zone).toInstant();

        List<Response> open = index.openResponses(SCAN_LIMIT);
        List<FollowUp> awaiting = index.followUps(FollowUpState.AWAITING_CONFIRMATION, Instant.EPOCH,
                now.plus(Duration.ofDays(3650)), SCAN_LIMIT).stream().filter(f -> userId.equals(f.owner())).toList();
        List<FollowUp> due = index.followUps(FollowUpState.PLANNED, now, weekEnd, SCAN_LIMIT);
        List<Dispute> disputes = new ArrayList<>();
        for (StatusRule r : rules.rules()) {
            if (r.type() == StatusType.DISPUTE) {
                for (Item i : index.itemsWithStatus(r.code(), SHOWN)) {
                    disputes.add(new Dispute(i, null, i.hold() == null ? null : i.hold().since()));
                }
            }
        }
        disputes.sort(Comparator.comparing(Dispute::since, Comparator.nullsLast(Comparator.naturalOrder())));

        Set<String> ids = new HashSet<>();
        open.forEach(r -> {
            if (r.customerId() != null) {
                ids.add(r.customerId());
            }
        });
        awaiting.forEach(f -> ids.add(f.customerId()));
        due.stream().limit(SHOWN).forEach(f -> ids.add(f.customerId()));
        disputes.stream().limit(SHOWN).forEach(d -> ids.add(d.item().customerId()));
        ids.remove(null);
        Map<String, Customer> customers = new HashMap<>();
        List<String> idList = new ArrayList<>(ids);
        for (int from = 0; from < idList.size(); from += 100) {
            index.customers(idList.subList(from, Math.min(idList.size(), from + 100)))
                    .forEach(c -> customers.put(c.id(), c));
        }
        Map<String, String> names = new HashMap<>();
        customers.forEach((id, c) -> names.put(id, c.name()));

        List<Pending> pending = new ArrayList<>();
        for (Response r : open) {
            Customer c = r.customerId() == null ? null : customers.get(r.customerId());
            String collector = c == null ? null : c.collector();
            if (collector == null || collector.isBlank() || collector.equals(userId)) {
                pending.add(new Pending(r, c == null ? null : c.name(), userId.equals(collector)));
            }
        }
        List<Dispute> named = disputes.stream().map(d -> new Dispute(d.item(), names.get(d.item().customerId()),
                d.since())).toList();

        // to the week's end, not to now: nothing is received in the future, and "now" itself stays in the range
        Map<SuggestionOutcome, Integer> decisions = index.firstDecisions(weekStart, weekEnd);
        int qualified = decisions.values().stream().mapToInt(Integer::intValue).sum();
        Figures figures = new Figures(monday, index.answersReceived(weekStart, weekEnd), qualified,
                decisions.getOrDefault(SuggestionOutcome.ACCEPTED, 0),
                decisions.getOrDefault(SuggestionOutcome.EDITED, 0),
                decisions.getOrDefault(SuggestionOutcome.REJECTED, 0));
        return new Home(userId, now, cut(pending), pending.size(), cut(awaiting), cut(due), due.size(), cut(named),
                named.size(), names, figures);
    }

    private static <T> List<T> cut(List<T> list) {
        return List.copyOf(list.subList(0, Math.min(SHOWN, list.size())));
    }
}
