package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.ScenarioLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ScenarioLedger in memory: the next-day index and the per-day markers (continuation = the last key read). */
public final class InMemoryScenarioLedger implements ScenarioLedger {
    private final Map<String, LocalDate> next = new ConcurrentHashMap<>();
    private final Map<String, String[]> days = new ConcurrentHashMap<>();

    @Override
    public synchronized Page due(LocalDate upTo, String continuation, int limit) {
        // like DynamoDB's LastEvaluatedKey: the continuation is the last key returned, the next page starts after it
        List<Due> all = next.entrySet().stream().filter(e -> !e.getValue().isAfter(upTo))
                .map(e -> new Due(e.getKey(), e.getValue()))
                .filter(d -> continuation == null || key(d).compareTo(continuation) > 0)
                .sorted(Comparator.comparing(InMemoryScenarioLedger::key)).toList();
        List<Due> page = all.subList(0, Math.min(limit, all.size()));
        return new Page(page, all.size() > limit ? key(page.get(page.size() - 1)) : null);
    }

    private static String key(Due d) {
        return d.day() + "#" + d.customerId();
    }

    @Override
    public void next(String customerId, LocalDate day) {
        if (day == null) {
            next.remove(customerId);
        } else {
            next.put(customerId, day);
        }
    }

    @Override
    public synchronized void noLaterThan(String customerId, LocalDate day) {
        next.merge(customerId, day, (a, b) -> a.isBefore(b) ? a : b);
    }

    @Override
    public Optional<LocalDate> nextDay(String customerId) {
        return Optional.ofNullable(next.get(customerId));
    }

    @Override
    public synchronized boolean claimDay(String customerId, LocalDate day, Instant now, Duration lease) {
        String key = customerId + "#" + day;
        String[] m = days.get(key);
        if (m == null || ("CLAIMED".equals(m[0]) && Instant.parse(m[1]).plus(lease).isBefore(now))) {
            days.put(key, new String[] {"CLAIMED", now.toString()});
            return true;
        }
        return false;
    }

    @Override
    public void closeDay(String customerId, LocalDate day, String outcome, String detail) {
        days.put(customerId + "#" + day, new String[] {outcome, detail});
    }

    public Map<String, LocalDate> index() {
        return Map.copyOf(next);
    }
}
