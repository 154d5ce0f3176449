package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import java.time.Instant;
import java.util.List;

/**
 * Everything a response card shows: the response, its customer (null when unmatched), the customer's open items,
 * and, once decided, the outcome (who did what when, and the planned follow-ups).
 */
public record CardView(Response response, Customer customer, List<Item> openItems, Outcome outcome) {

    public CardView {
        openItems = openItems == null ? List.of() : List.copyOf(openItems);
    }

    /** What happened to the response: validated, deleted or qualified, by whom and when. */
    public record Outcome(String actor, Instant at, Qualification qualification, List<FollowUp> followUps) {
        public Outcome {
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }
    }
}
