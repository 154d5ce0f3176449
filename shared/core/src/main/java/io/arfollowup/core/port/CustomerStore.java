package io.arfollowup.core.port;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import java.util.List;
import java.util.Optional;

/** Customers and the indexes that link an inbound sender to one. */
public interface CustomerStore {
    Optional<Customer> get(String customerId);

    /** The customer that has this contact address (case-insensitive). */
    Optional<Customer> byContactEmail(String email);

    /** Customers with a contact at this domain (bounded: at most {@code limit}). */
    List<Customer> byDomain(String domain, int limit);

    void put(Customer customer);

    /** Adds a contact if absent (idempotent); indexes its address and domain. */
    void addContact(String customerId, Contact contact);

    /** Marks the address as failing on every customer that has it. */
    void markContactFailing(String customerId, String email);

    /**
     * {@link #addContact(String, Contact)} for a customer just read: an adapter may skip what it already knows (the
     * domain index when another contact of this customer shares the domain).
     */
    default void addContact(Customer known, Contact contact) {
        addContact(known.id(), contact);
    }

    /**
     * {@link #markContactFailing(String, String)} for a customer just read: an adapter may write without reading it
     * again (the contact's place in the list is known; a list changed since is read again).
     */
    default void markContactFailing(Customer known, String email) {
        markContactFailing(known.id(), email);
    }

    /**
     * Every customer that has this contact address (case-insensitive), at most {@code limit}: an address shared by
     * several customers (a group's accounts-payable mailbox) bounces for all of them.
     */
    default List<Customer> withContact(String email, int limit) {
        return byContactEmail(email).map(List::of).orElse(List.of());
    }
}
