package io.arfollowup.core.port;

import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.domain.PromiseState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Promises to pay, one item each under their customer; every change is a single conditional write. */
public interface PromiseStore {
    /** Stores a new promise; false when one with this id exists (a retried qualification). */
    boolean create(Promise promise);

    Optional<Promise> get(String customerId, String promiseId);

    /** OPEN → {@code to} (KEPT, BROKEN or CANCELLED) with the items kept and broken; false when no longer OPEN. */
    boolean settle(String customerId, String promiseId, PromiseState to, List<String> kept, List<String> broken,
                   Instant at);

    /**
     * Claims the owner's alert about the broken promise before it is sent: true once, false for every retry (one
     * conditional write), so a check delivered twice tells the owner once.
     */
    boolean claimOwnerAlert(String customerId, String promiseId);

    /** Gives the claim back when sending the alert failed, so the retried check sends it. */
    void releaseOwnerAlert(String customerId, String promiseId);

    /** The customer's promises (one Query, at most {@code limit}). */
    List<Promise> ofCustomer(String customerId, int limit);

    /** The collector's latest settled promises, newest first (one Query on an index, at most {@code limit}). */
    List<Promise> settledFor(String collector, int limit);

    /** OPEN promises whose check day is on or before {@code day}, oldest first (bounded). */
    List<Promise> openDue(LocalDate day, int limit);
}
