package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.SuggestionRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Triage of an unmatched response: a collector picked its customer on the card. Links it (once: a second pick,
 * from another collector or a double click, changes nothing), records the sender as a contact of that customer so
 * the next reply links itself, asks for a suggestion now that the open items are known, and rewrites the card as a
 * normal qualify card.
 */
public final class TriageResponse {

    public enum Status { LINKED, ALREADY_LINKED, NOT_FOUND, UNKNOWN_CUSTOMER, CLOSED }

    public record Result(Status status, String customerId) {
    }

    private final ResponseStore responses;
    private final CustomerStore customers;
    private final ItemStore items;
    private final Suggester suggester;
    private final ChatNotifier chat;
    private final CardRefresher cards;
    private final Clock clock;

    public TriageResponse(ResponseStore responses, QualificationStore qualifications, CustomerStore customers,
                          ItemStore items, FollowUpStore followUps, Suggester suggester, ChatNotifier chat,
                          Clock clock) {
        this.responses = responses;
        this.customers = customers;
        this.items = items;
        this.suggester = suggester == null ? Suggester.NONE : suggester;
        this.chat = chat;
        this.cards = new CardRefresher(qualifications, customers, items, followUps, chat);
        this.clock = clock;
    }

    public Result link(String responseId, String customerId, String actor) {
        Optional<Response> found = responses.get(responseId);
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, null);
        }
        Response response = found.get();
        if (!response.state().isOpen()) {
            return new Result(Status.CLOSED, response.customerId());
        }
        Optional<Customer> customer = customers.get(customerId);
        if (customer.isEmpty()) {
            return new Result(Status.UNKNOWN_CUSTOMER, null);
        }
        if (response.customerId() == null && !responses.linkCustomerIfUnmatched(responseId, customerId)) {
            response = responses.get(responseId).orElse(response);
        }
        if (response.customerId() != null && !response.customerId().equals(customerId)) {
            if (response.card() != null) {
                chat.alreadyDecided(response.card(), actor, null);
            }
            return new Result(Status.ALREADY_LINKED, response.customerId());
        }
        // from here on a retry replays the same steps: adding a known contact and saving a suggestion are idempotent
        Response linked = response.withCustomer(customerId);
        if (linked.sender() != null && !linked.has(ResponseFlag.BOUNCE) && !linked.has(ResponseFlag.AUTH_FAILED)
                && !linked.has(ResponseFlag.SPAM)) {
            customers.addContact(customerId, Contact.of(linked.sender(), linked.senderName()));
        }
        if (linked.suggestion() == null) {
            List<Item> open = items.openItems(customerId);
            Optional<Suggestion> s = suggest(linked, customer.get(), open);
            if (s.isPresent()) {
                responses.saveSuggestion(responseId, s.get());
                linked = linked.withSuggestion(s.get());
            }
        }
        cards.refresh(linked, actor, clock.instant());
        return new Result(Status.LINKED, customerId);
    }

    private Optional<Suggestion> suggest(Response r, Customer c, List<Item> open) {
        try {
            return suggester.suggest(new SuggestionRequest(r.id(), r.channel(), r.subject(), r.newText(),
                    r.language(), r.answers(), open, r.itemRefs(), r.receivedAt(), c.zone(), c.country(),
                    r.has(ResponseFlag.AUTO_REPLY)));
        } catch (RuntimeException e) {
            return Optional.empty(); // a suggestion is a help, never a reason to fail the triage
        }
    }
}
