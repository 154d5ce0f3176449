package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.port.CustomerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** CustomerStore in memory. */
public final class InMemoryCustomerStore implements CustomerStore {
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();

    @Override
    public Optional<Customer> get(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public Optional<Customer> byContactEmail(String email) {
        return customers.values().stream().filter(c -> c.hasContact(email)).findFirst();
    }

    @Override
    public List<Customer> byDomain(String domain, int limit) {
        return customers.values().stream()
                .filter(c -> c.contacts().stream().anyMatch(k -> k.domain().equalsIgnoreCase(domain)))
                .limit(limit).toList();
    }

    @Override
    public List<Customer> withContact(String email, int limit) {
        return customers.values().stream().filter(c -> c.hasContact(email))
                .sorted(java.util.Comparator.comparing(Customer::id)).limit(limit).toList();
    }

    public List<Customer> all() {
        return List.copyOf(customers.values());
    }

    @Override
    public void put(Customer customer) {
        customers.put(customer.id(), customer);
    }

    @Override
    public synchronized void addContact(String customerId, Contact contact) {
        customers.computeIfPresent(customerId, (k, c) -> {
            if (c.hasContact(contact.email())) {
                return c;
            }
            List<Contact> contacts = new ArrayList<>(c.contacts());
            contacts.add(contact);
            return new Customer(c.id(), c.name(), c.language(), c.country(), c.zone(), contacts, c.collector(),
                    c.salesRep());
        });
    }

    @Override
    public synchronized void markContactFailing(String customerId, String email) {
        customers.computeIfPresent(customerId, (k, c) -> new Customer(c.id(), c.name(), c.language(), c.country(),
                c.zone(), c.contacts().stream().map(x -> x.email().equalsIgnoreCase(email) ? x.markFailing() : x)
                .toList(), c.collector(), c.salesRep()));
    }
}
