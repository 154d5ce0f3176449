package io.arfollowup.core.port;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import java.util.Optional;
import java.util.Set;

/** The collectors' inbox. Every write is a single-item conditional write, so a redelivery changes nothing. */
public interface ResponseStore {
    /** Stores a new response; false (and nothing written) when one with this id exists. */
    boolean create(Response response);

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
