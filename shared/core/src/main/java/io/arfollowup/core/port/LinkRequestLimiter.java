package io.arfollowup.core.port;

import java.time.LocalDate;

/**
 * Counts the "send me a new link" requests of a customer per day: one conditional increment, refused once the
 * limit is reached. It is the only write the page makes before a link is verified valid (DESIGN §8).
 */
public interface LinkRequestLimiter {
    /** Counts one request for {@code day}; false (nothing counted) when {@code limit} requests were already made. */
    boolean tryAcquire(String customerId, LocalDate day, int limit);
}
