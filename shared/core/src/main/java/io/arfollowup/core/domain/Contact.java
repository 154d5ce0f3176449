package io.arfollowup.core.domain;

import java.util.Locale;
import java.util.Objects;

/** A person at the customer we write to or hear from. {@code failing} is set when mail to it bounced. */
public record Contact(String email, String name, String role, String phone, boolean failing) {
    public Contact {
        Objects.requireNonNull(email, "email");
        email = email.trim().toLowerCase(Locale.ROOT);
    }

    public static Contact of(String email, String name) {
        return new Contact(email, name, null, null, false);
    }

    public Contact markFailing() {
        return new Contact(email, name, role, phone, true);
    }

    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }
}
