package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;

/**
 * The web-form link a reminder carries (F2): the wiring plugs the customer page's link service (CustomerLinks) in,
 * tests a fixed URL. The reminder id is there for a link that would name the reminder.
 */
public interface WebFormLinks {
    /** The link for this customer and reminder; empty string when the web form is not configured. */
    String link(Customer customer, String reminderId);

    WebFormLinks NONE = (customer, reminderId) -> "";
}
