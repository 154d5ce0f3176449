package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.port.WebFormLinks;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import java.time.Clock;
import java.time.Duration;

/**
 * The default web-form link (DESIGN §8): {@code <base>/r/<signed token>}, kind "customer", subject the customer id,
 * scope the reminder id, valid 30 days. Without a base URL or a signing key, reminders carry no link.
 */
public final class SignedWebFormLinks implements WebFormLinks {

    public static final Duration VALIDITY = Duration.ofDays(30);

    private final String baseUrl;
    private final LinkSigner signer;
    private final Clock clock;

    public SignedWebFormLinks(String baseUrl, LinkSigner signer, Clock clock) {
        this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public String link(Customer customer, String reminderId) {
        if (baseUrl == null || baseUrl.isBlank() || signer == null) {
            return "";
        }
        return baseUrl + "/r/" + signer.sign(new LinkClaims("customer", customer.id(), reminderId,
                clock.instant().plus(VALIDITY)));
    }
}
