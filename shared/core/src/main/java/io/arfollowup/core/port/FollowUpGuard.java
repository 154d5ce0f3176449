package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import java.util.Optional;

/**
 * Runs first when a follow-up is due, before the runner looks at its items or acts: a guard may settle the
 * follow-up itself (a promise check finds the items paid → kept; unpaid → broken, chase resumes) and say how it ends.
 * Empty = the runner acts normally. Guards must be idempotent: the runner may call them again after a crash.
 */
public interface FollowUpGuard {

    /** How a guarded follow-up ends (DONE, CANCELLED…) and a short result for the audit and the card. */
    record Outcome(FollowUpState state, String detail) {
    }

    Optional<Outcome> before(FollowUp followUp, Customer customer);

    /**
     * The same, given the customer's open items the runner has just read (one Query it needs anyway), so that a
     * guard does not read them again (DESIGN §11's call budget). The list is as read before the guard ran.
     */
    default Optional<Outcome> before(FollowUp followUp, Customer customer, java.util.List<Item> openItems) {
        return before(followUp, customer);
    }

    FollowUpGuard NONE = (followUp, customer) -> Optional.empty();
}
