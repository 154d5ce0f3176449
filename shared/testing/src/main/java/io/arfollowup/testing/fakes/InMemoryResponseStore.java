package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.ResponseStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** ResponseStore in memory, with the same conditional semantics as the DynamoDB one. */
public final class InMemoryResponseStore implements ResponseStore {
    private final Map<String, Response> responses = new ConcurrentHashMap<>();

    private final Map<String, Instant> cardClaims = new ConcurrentHashMap<>();

    @Override
    public boolean create(Response response) {
        return responses.putIfAbsent(response.id(), response) == null;
    }

    @Override
    public synchronized boolean create(Response response, Instant cardClaimUntil) {
        if (!create(response)) {
            return false;
        }
        cardClaims.put(response.id(), cardClaimUntil);
        return true;
    }

    @Override
    public synchronized boolean claimCard(String responseId, Instant now, Instant until) {
        Response r = responses.get(responseId);
        Instant held = cardClaims.get(responseId);
        if (r == null || r.card() != null || (held != null && !held.isBefore(now))) {
            return false;
        }
        cardClaims.put(responseId, until);
        return true;
    }

    @Override
    public Optional<Response> get(String responseId) {
        return Optional.ofNullable(responses.get(responseId));
    }

    @Override
    public synchronized boolean recordCard(String responseId, CardRef card) {
        Response r = responses.get(responseId);
        if (r == null || r.card() != null) {
            return false;
        }
        responses.put(responseId, r.withCard(card));
        return true;
    }

    @Override
    public synchronized boolean transition(String responseId, Set<ResponseState> from, ResponseState to,
                                           String actor) {
        Response r = responses.get(responseId);
        if (r == null || !from.contains(r.state())) {
            return false;
        }
        responses.put(responseId, r.withState(to));
        return true;
    }

    @Override
    public synchronized void saveSuggestion(String responseId, Suggestion suggestion) {
        responses.computeIfPresent(responseId, (k, r) -> r.withSuggestion(suggestion));
    }

    @Override
    public synchronized void linkCustomer(String responseId, String customerId) {
        responses.computeIfPresent(responseId, (k, r) -> r.withCustomer(customerId));
    }

    public java.util.List<Response> all() {
        return java.util.List.copyOf(responses.values());
    }

    public int size() {
        return responses.size();
    }
}
