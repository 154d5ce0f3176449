package io.arfollowup.core.webform;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who a customer-page link lets in, and the form values bound to it. A link is checked (signature, constant-time,
 * then expiry, then kind and customer) before anything else is read or written. Each rendered form carries a
 * CSRF value: a signed {kind "form", the link's id, a random nonce}, so it is worth nothing with another link, and
 * the nonce names the answer (a double submit of the same form is the same answer).
 */
public final class CustomerAccess {

    /** The outcome of checking a link. */
    public sealed interface Access permits Granted, Expired, Refused {
    }

    /** A valid link of an existing customer. {@code linkId} identifies the token without revealing it. */
    public record Granted(Customer customer, String linkId, Instant expiresAt) implements Access {
    }

    /** Authentic but out of date: the page offers a new link (mailed to the customer's known contact). */
    public record Expired(String customerId, String linkId) implements Access {
    }

    /** Tampered, mangled, not a customer link, or its customer no longer exists. */
    public record Refused(String reason) implements Access {
    }

    /** A form's CSRF value lives at most this long (or until the link expires, whichever comes first). */
    public static final Duration FORM_VALIDITY = Duration.ofDays(2);
    private static final String FORM_KIND = "form";

    private final LinkSigner signer;
    private final CustomerStore customers;
    private final Clock clock;

    public CustomerAccess(LinkSigner signer, CustomerStore customers, Clock clock) {
        this.signer = signer;
        this.customers = customers;
        this.clock = clock;
    }

    public Access check(String token) {
        LinkSigner.Verification v = signer.verify(token);
        if (v instanceof LinkSigner.Invalid invalid) {
            return new Refused(invalid.reason());
        }
        LinkClaims claims = v instanceof LinkSigner.Valid ok ? ok.claims() : ((LinkSigner.Expired) v).claims();
        if (!CustomerLinks.KIND.equals(claims.kind())) {
            return new Refused("not a customer link");
        }
        String linkId = LinkSigner.tokenId(token);
        if (v instanceof LinkSigner.Expired) {
            return new Expired(claims.subject(), linkId);
        }
        Optional<Customer> customer = customers.get(claims.subject());
        return customer.<Access>map(c -> new Granted(c, linkId, claims.expiresAt()))
                .orElseGet(() -> new Refused("unknown customer"));
    }

    /** A new CSRF value for a form of this link. */
    public String issueForm(String linkId, Instant linkExpiry) {
        Instant max = clock.instant().plus(FORM_VALIDITY);
        Instant expiry = linkExpiry != null && linkExpiry.isBefore(max) && linkExpiry.isAfter(clock.instant())
                ? linkExpiry : max;
        return signer.sign(new LinkClaims(FORM_KIND, linkId, Ids.random(20), expiry));
    }

    /** The form's nonce when {@code csrf} is a valid, unexpired value issued for this very link. */
    public Optional<String> formNonce(String linkId, String csrf) {
        if (csrf == null || csrf.isBlank()) {
            return Optional.empty();
        }
        return signer.valid(csrf.strip())
                .filter(c -> FORM_KIND.equals(c.kind()) && c.subject().equals(linkId) && !c.scope().isEmpty())
                .map(LinkClaims::scope);
    }

    /** The response (and upload draft) id of one form of one link. */
    public static String responseId(String linkId, String nonce) {
        return Ids.derived("wf-", linkId, nonce);
    }
}
