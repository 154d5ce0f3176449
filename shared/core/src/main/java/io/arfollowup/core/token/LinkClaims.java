package io.arfollowup.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signed web link grants: a {@code kind} ("customer" page of a customer, "internal" answer to a follow-up),
 * the {@code subject} it is about (customer id, follow-up id), a short {@code scope} (e.g. a reminder id or an
 * answer choice) and when it expires. Fields must not contain '|'.
 */
public record LinkClaims(String kind, String subject, String scope, Instant expiresAt) {
    public LinkClaims {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scope = scope == null ? "" : scope;
        for (String f : new String[] {kind, subject, scope}) {
            if (f.indexOf('|') >= 0) {
                throw new IllegalArgumentException("link claims cannot contain '|'");
            }
        }
    }
}
