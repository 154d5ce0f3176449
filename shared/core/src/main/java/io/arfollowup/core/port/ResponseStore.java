package io.arfollowup.core.port;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The collectors' inbox. Every write is a single-item conditional write, so a redelivery changes nothing. */
public interface ResponseStore {
    /** Stores a new response; false (and nothing written) when one with this id exists. */
    boolean create(Response response);

    /**
     * Stores a new response that holds the right to post its card until {@code cardClaimUntil}, in the same single
     * write: a redelivery running at the same time finds the claim and does not post a second card. False (and
     * nothing written) when one with this id exists.
     */
    boolean create(Response response, Instant cardClaimUntil);

    /**
     * Takes the right to post the card of a stored response that has none, unless another delivery holds it (its
     * claim not yet expired at {@code now}): one conditional write. False when a card is recorded or the claim is held.
     */
    boolean claimCard(String responseId, Instant now, Instant until);

    Optional<Response> get(String responseId);

    /** Records where the card was posted, once: false when a card was already recorded. */
    boolean recordCard(String responseId, CardRef card);

    /** Moves the response to {@code to} if its state is one of {@code from}; false otherwise. */
    boolean transition(String responseId, Set<ResponseState> from, ResponseState to, String actor);

    void saveSuggestion(String responseId, Suggestion suggestion);

    /** Links an unmatched response to a customer picked by a collector. */
    void linkCustomer(String responseId, String customerId);

    /**
     * Links an unmatched response to a customer, once: false when it is linked already (to whichever customer), so
     * two collectors picking at the same time give one effect.
     */
    default boolean linkCustomerIfUnmatched(String responseId, String customerId) {
        var r = get(responseId);
        if (r.isEmpty() || r.get().customerId() != null) {
            return false;
        }
        linkCustomer(responseId, customerId);
        return true;
    }
}
