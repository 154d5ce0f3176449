package io.arfollowup.core.port;

import io.arfollowup.core.domain.FollowUp;
import java.util.List;

/** A customer's follow-ups (one Query on the customer index), so a payment can cancel the ones it makes useless. */
public interface CustomerFollowUps {
    List<FollowUp> ofCustomer(String customerId, int limit);
}
