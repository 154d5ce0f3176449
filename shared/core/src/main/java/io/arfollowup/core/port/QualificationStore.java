package io.arfollowup.core.port;

import io.arfollowup.core.domain.Qualification;
import java.util.Optional;

/** Qualification decisions, one version per (re-)qualification of a response. */
public interface QualificationStore {
    /** Stores the decision if this version does not exist yet; false otherwise (the caller reads it back). */
    boolean create(Qualification qualification);

    /** The latest version, if any. */
    Optional<Qualification> latest(String responseId);
}
