package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.ImportLog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ImportLog in memory. */
public final class InMemoryImportLog implements ImportLog {
    private final Map<String, String> done = new ConcurrentHashMap<>();

    @Override
    public Optional<String> completed(String sha256) {
        return Optional.ofNullable(done.get(sha256));
    }

    @Override
    public void recordCompleted(String sha256, String key, String summary, Instant at) {
        done.putIfAbsent(sha256, key + " at " + at + ": " + summary);
    }
}
