package io.arfollowup.core.port;

import java.time.Instant;

/**
 * Remembers that something was done once (a notification e-mail for a qualification): {@code claim} is a
 * conditional write that only the first caller wins; {@code release} undoes a claim whose work failed, so the
 * retry can do it.
 */
public interface OnceStore {
    boolean claim(String key, Instant at);

    void release(String key);
}
