package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.ResponseStore;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * F3's two other buttons: Validate (keep the answer, no qualification) and Delete (soft delete: the response stays,
 * state DELETED with who and when). Both are conditional transitions, so a double click changes nothing.
 */
public final class ValidateOrDelete {

    public enum Status { DONE, ALREADY_DECIDED, NOT_FOUND }

    public record Result(Status status, ResponseState state) {
    }

    private final ResponseStore responses;
    private final CustomerStore customers;
    private final ItemStore items;
    private final ChatNotifier chat;
    private final Clock clock;

    public ValidateOrDelete(ResponseStore responses, CustomerStore customers, ItemStore items, ChatNotifier chat,
                            Clock clock) {
        this.responses = responses;
        this.customers = customers;
        this.items = items;
        this.chat = chat;
        this.clock = clock;
    }

    public Result validate(String responseId, String actor) {
        return move(responseId, EnumSet.of(ResponseState.NEW), ResponseState.VALIDATED, actor);
    }

    public Result delete(String responseId, String actor) {
        return move(responseId, EnumSet.of(ResponseState.NEW, ResponseState.VALIDATED), ResponseState.DELETED,
                actor);
    }

    private Result move(String responseId, EnumSet<ResponseState> from, ResponseState to, String actor) {
        Optional<Response> found = responses.get(responseId);
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, null);
        }
        Response response = found.get();
        if (!responses.transition(responseId, from, to, actor)) {
            return new Result(Status.ALREADY_DECIDED, response.state());
        }
        if (response.card() != null) {
            Customer customer = response.customerId() == null ? null
                    : customers.get(response.customerId()).orElse(null);
            List<Item> open = customer == null ? List.of() : items.openItems(customer.id());
            chat.updateResponseCard(response.card(), new CardView(response.withState(to), customer, open,
                    new CardView.Outcome(actor, clock.instant(), null, List.of())));
        }
        return new Result(Status.DONE, to);
    }
}
