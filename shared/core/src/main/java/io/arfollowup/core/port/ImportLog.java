package io.arfollowup.core.port;

import java.time.Instant;
import java.util.Optional;

/** Files already imported, by the SHA-256 of their content: the same content imported again changes nothing. */
public interface ImportLog {
    /** The summary of a completed import of this content, if any. */
    Optional<String> completed(String sha256);

    void recordCompleted(String sha256, String key, String summary, Instant at);
}
