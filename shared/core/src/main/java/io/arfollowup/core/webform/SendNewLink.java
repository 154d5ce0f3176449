package io.arfollowup.core.webform;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.LinkRequestLimiter;
import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.usecase.OutboundSettings;
import io.arfollowup.core.webform.CustomerAccess.Access;
import io.arfollowup.core.webform.CustomerAccess.Expired;
import io.arfollowup.core.webform.CustomerAccess.Granted;
import io.arfollowup.core.webform.CustomerAccess.Refused;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Send me a new link", from the page of an expired (or still valid) link: a fresh link is e-mailed to the
 * customer's known primary contact — never to an address typed in the page —, at most {@link #DAILY_LIMIT} a day
 * per customer. The daily counter (one conditional ADD) is the only write made for a link that is not valid.
 */
public final class SendNewLink {

    public static final int DAILY_LIMIT = 3;

    public sealed interface Result permits Sent, RateLimited, NoContact, FormExpired, LinkRefused {
    }

    /** {@code maskedAddress}: where it went, shown half-hidden ("j•••@fournil.example"). */
    public record Sent(String maskedAddress, String language) implements Result {
    }

    public record RateLimited(String language) implements Result {
    }

    public record NoContact(String language) implements Result {
    }

    public record FormExpired() implements Result {
    }

    public record LinkRefused(String reason) implements Result {
    }

    private final CustomerAccess access;
    private final CustomerStore customers;
    private final LinkRequestLimiter limiter;
    private final CustomerLinks links;
    private final Mailer mailer;
    private final TemplateRenderer renderer;
    private final ActionTemplate template;
    private final OutboundSettings outbound;
    private final FollowUpPlanner planner;
    private final io.arfollowup.core.port.OnceStore once;
    private final java.time.Clock clock;

    /**
     * {@code once}: one e-mail per submitted form (its nonce), so a double click or a resubmitted page sends one
     * link and counts once against the daily limit.
     */
    public SendNewLink(CustomerAccess access, CustomerStore customers, LinkRequestLimiter limiter,
                       CustomerLinks links, Mailer mailer, TemplateRenderer renderer, ActionTemplate template,
                       OutboundSettings outbound, FollowUpPlanner planner, io.arfollowup.core.port.OnceStore once,
                       java.time.Clock clock) {
        this.once = once;
        this.clock = clock;
        this.access = access;
        this.customers = customers;
        this.limiter = limiter;
        this.links = links;
        this.mailer = mailer;
        this.renderer = renderer;
        this.template = template;
        this.outbound = outbound;
        this.planner = planner;
    }

    /** {@code baseUrl}: where the page is served (the configured WEB_BASE_URL, else the request's own origin). */
    public Result handle(String token, String csrf, String baseUrl) {
        Access a = access.check(token);
        String customerId;
        String linkId;
        if (a instanceof Refused r) {
            return new LinkRefused(r.reason());
        } else if (a instanceof Expired e) {
            customerId = e.customerId();
            linkId = e.linkId();
        } else {
            customerId = ((Granted) a).customer().id();
            linkId = ((Granted) a).linkId();
        }
        Optional<String> nonce = access.formNonce(linkId, csrf);
        if (nonce.isEmpty()) {
            return new FormExpired();
        }
        Optional<Customer> found = customers.get(customerId);
        if (found.isEmpty()) {
            // the expired page offered a new link; the customer is gone since: no address to send it to
            return new NoContact(null);
        }
        Customer customer = found.get();
        String language = customer.language().code();
        Optional<Contact> contact = customer.primaryContact();
        if (contact.isEmpty()) {
            return new NoContact(language);
        }
        String onceKey = "newlink/" + linkId + "/" + nonce.get();
        if (!once.claim(onceKey, clock.instant())) {
            return new Sent(mask(contact.get().email()), language); // the same form again: already sent
        }
        if (!limiter.tryAcquire(customer.id(), planner.today(customer.zone()), DAILY_LIMIT)) {
            once.release(onceKey); // nothing sent for this form: a later submit of it is judged again
            return new RateLimited(language);
        }
        String token2 = links.token(customer.id());
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", customer.name());
        model.put("companyName", outbound.companyName());
        model.put("webLink", CustomerLinks.url(baseUrl == null || baseUrl.isBlank() ? links.baseUrl() : baseUrl,
                token2));
        model.put("expiresOn", DateTimeFormatter.ofPattern("dd/MM/yyyy").format(
                planner.today(customer.zone()).plusDays(CustomerLinks.VALIDITY.toDays())));
        RenderedMessage m = renderer.render(template, customer.language(), model);
        String domain = outbound.fromAddress().substring(outbound.fromAddress().indexOf('@') + 1);
        try {
            mailer.send(new OutgoingEmail(outbound.from(), List.of(contact.get().email()), List.of(), null,
                    m.subject(), m.text(), m.html(), "<" + Ids.derived("nl-", token2) + "@" + domain + ">", null,
                    List.of(), null, List.of(), Map.of()));
        } catch (RuntimeException e) {
            once.release(onceKey); // not sent: the customer can try again
            throw e;
        }
        return new Sent(mask(contact.get().email()), language);
    }

    /** "julie.bertin@fournil.example" → "j•••@fournil.example". */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }
}
