package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.token.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites a response's card from what is stored now: the response, its customer and open items, and for a
 * qualified one the latest decision with its follow-ups as they stand (owner changed, follow-up cancelled…).
 */
final class CardRefresher {

    private final QualificationStore qualifications;
    private final CustomerStore customers;
    private final ItemStore items;
    private final FollowUpStore followUps;
    private final ChatNotifier chat;

    CardRefresher(QualificationStore qualifications, CustomerStore customers, ItemStore items,
                  FollowUpStore followUps, ChatNotifier chat) {
        this.qualifications = qualifications;
        this.customers = customers;
        this.items = items;
        this.followUps = followUps;
        this.chat = chat;
    }

    /** The follow-ups a decision planned, as stored now (a group without follow-up has none). */
    List<FollowUp> followUpsOf(Qualification q) {
        List<FollowUp> out = new ArrayList<>();
        for (int g = 0; g < q.groups().size(); g++) {
            followUps.get(Ids.followUpId(q.responseId(), q.version(), g)).ifPresent(out::add);
        }
        return out;
    }

    void refresh(Response response, String actor, Instant at) {
        if (response.card() == null) {
            return;
        }
        Customer customer = response.customerId() == null ? null : customers.get(response.customerId()).orElse(null);
        List<Item> open = customer == null ? List.of() : items.openItems(customer.id());
        CardView.Outcome outcome = null;
        if (response.state() == ResponseState.QUALIFIED) {
            Optional<Qualification> q = qualifications.latest(response.id());
            if (q.isPresent()) {
                outcome = new CardView.Outcome(q.get().decidedBy(), q.get().decidedAt(), q.get(),
                        followUpsOf(q.get()));
            }
        } else if (!response.state().isOpen()) {
            outcome = new CardView.Outcome(actor, at, null, List.of());
        }
        chat.updateResponseCard(response.card(), new CardView(response, customer, open, outcome));
    }
}
