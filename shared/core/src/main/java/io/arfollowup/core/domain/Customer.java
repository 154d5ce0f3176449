package io.arfollowup.core.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer of the company: who we chase, in which language, under which holiday calendar and time zone.
 * {@code collector} is the Slack user id of the credit controller; {@code salesRep} the e-mail of the sales rep.
 */
public record Customer(
        String id,
        String name,
        Language language,
        Country country,
        ZoneId zone,
        List<Contact> contacts,
        String collector,
        String salesRep) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        language = language == null ? Language.FR : language;
        country = country == null ? Country.FR : country;
        zone = zone == null ? DEFAULT_ZONE : zone;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** The address reminders go to: the first contact that does not bounce. */
    public Optional<Contact> primaryContact() {
        return contacts.stream().filter(c -> !c.failing()).findFirst();
    }

    public boolean hasContact(String email) {
        return email != null && contacts.stream().anyMatch(c -> c.email().equalsIgnoreCase(email.trim()));
    }
}
