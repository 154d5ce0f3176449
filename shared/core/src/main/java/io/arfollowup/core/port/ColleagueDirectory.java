package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.RecipientRule;
import java.util.List;

/** Internal recipients by role (billing, sales, ADV), with per-customer overrides such as the sales rep. */
public interface ColleagueDirectory {
    List<String> addresses(RecipientRule role, Customer customer);
}
