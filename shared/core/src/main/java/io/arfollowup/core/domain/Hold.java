package io.arfollowup.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Takes an item out of the dunning scenario: the single mechanism for it. {@code until} null means "until the
 * follow-up checks it" (e.g. a promise); otherwise the hold expires at that instant.
 */
public record Hold(String reason, Instant since, Instant until) {
    public Hold {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
