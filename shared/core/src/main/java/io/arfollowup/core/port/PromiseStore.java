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
     * {@link #settle(String, String, PromiseState, List, List, Instant)} given the promise as the caller has just read
     * it (its collector keys the settled index, so the store need not read it again), claiming the owner's alert in
     * the same write when {@code claimAlert} (as {@link #claimOwnerAlert} would). A store may make it one
     * conditional UpdateItem; false when the promise was no longer OPEN (nothing written, nothing claimed).
     */
    default boolean settle(Promise promise, PromiseState to, List<String> kept, List<String> broken, Instant at,
                           boolean claimAlert) {
        if (!settle(promise.customerId(), promise.id(), to, kept, broken, at)) {
            return false;
        }
        if (claimAlert) {
            claimOwnerAlert(promise.customerId(), promise.id());
        }
        return true;
    }

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
