package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.OnceStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OnceStore in memory. */
public final class InMemoryOnceStore implements OnceStore {
    private final Map<String, Instant> claimed = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String key, Instant at) {
        return claimed.putIfAbsent(key, at) == null;
    }

    @Override
    public void release(String key) {
        claimed.remove(key);
    }

    public Map<String, Instant> claimed() {
        return Map.copyOf(claimed);
    }
}
