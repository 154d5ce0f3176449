package io.arfollowup.core.webform;

import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.token.LinkSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Mints the signed link of a customer's answer page ({@code WEB_BASE_URL/r/<token>}, valid 30 days, reusable until
 * then). The token names the customer only: the page shows the customer's open items at view time (DESIGN §8).
 * Reminders (issue 6/7) and the "send me a new link" page use the same service.
 */
public final class CustomerLinks {

    /** The kind of every customer-page link (LinkClaims.kind). */
    public static final String KIND = "customer";
    /** The scope written in customer-page links: the statement of open items. */
    public static final String SCOPE = "statement";
    public static final Duration VALIDITY = Duration.ofDays(30);

    private final LinkSigner signer;
    private final String baseUrl;
    private final Clock clock;

    public CustomerLinks(LinkSigner signer, String baseUrl, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A fresh token for the customer's page, expiring {@link #VALIDITY} from now. */
    public String token(String customerId) {
        return signer.sign(new LinkClaims(KIND, customerId, SCOPE, clock.instant().plus(VALIDITY)));
    }

    /** The full URL to put in an e-mail. */
    public String url(String customerId) {
        return url(baseUrl, token(customerId));
    }

    /** The page's URL under another base (the local runtime's actual port, a custom domain). */
    public static String url(String baseUrl, String token) {
        String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        return base + "/r/" + token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public LinkSigner signer() {
        return signer;
    }
}
