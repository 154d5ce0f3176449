package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;

/**
 * The web-form link a reminder carries (F2). A small seam: the scenario needs a link now; the web form's own link
 * service (issue 4) can replace the signed default without touching the scenario.
 */
public interface WebFormLinks {
    /** The link for this customer and reminder; empty string when the web form is not configured. */
    String link(Customer customer, String reminderId);

    WebFormLinks NONE = (customer, reminderId) -> "";
}
