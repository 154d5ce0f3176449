package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.LinkRequestLimiter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Daily "send me a new link" counters in memory. */
public final class InMemoryLinkRequestLimiter implements LinkRequestLimiter {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean tryAcquire(String customerId, LocalDate day, int limit) {
        String k = customerId + "/" + day;
        int n = counts.getOrDefault(k, 0);
        if (n >= limit) {
            return false;
        }
        counts.put(k, n + 1);
        return true;
    }

    public int count(String customerId, LocalDate day) {
        return counts.getOrDefault(customerId + "/" + day, 0);
    }
}
