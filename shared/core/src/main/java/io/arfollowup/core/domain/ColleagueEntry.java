package io.arfollowup.core.domain;

import java.util.Objects;

/** One line of the colleague directory: a role's address, for every customer or (customerId set) for one only. */
public record ColleagueEntry(RecipientRule role, String email, String customerId) {
    public ColleagueEntry {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(email, "email");
        email = email.trim().toLowerCase(java.util.Locale.ROOT);
        customerId = customerId == null || customerId.isBlank() ? null : customerId.trim();
    }
}
