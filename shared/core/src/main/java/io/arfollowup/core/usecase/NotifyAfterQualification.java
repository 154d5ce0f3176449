package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.OnceStore;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.token.ReplyAddresses;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seed's "send an e-mail to the client or to a colleague with status, comment and items", run by the worker
 * after a qualification whose {@code notification} asks for it. Same templates, renderer and directory as the
 * follow-ups ({@code qualification-notice-client}, {@code qualification-notice-colleague}). Once per qualification
 * version: a conditional "once" record is claimed before sending and released if the send fails, so a retried
 * worker never sends twice and a failed send is retried.
 */
public final class NotifyAfterQualification {

    public static final String CLIENT_TEMPLATE = "qualification-notice-client";
    public static final String COLLEAGUE_TEMPLATE = "qualification-notice-colleague";
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+$");

    public enum Status { SENT, NOBODY, ALREADY_SENT, NO_RECIPIENT, NOT_FOUND }

    public record Result(Status status, String detail) {
    }

    private final ResponseStore responses;
    private final QualificationStore qualifications;
    private final CustomerStore customers;
    private final RuleCatalog rules;
    private final TemplateRenderer renderer;
    private final Mailer mailer;
    private final ColleagueDirectory directory;
    private final ReplyTokenStore tokens;
    private final ReplyAddresses replyAddresses;
    private final OutboundSettings outbound;
    private final OnceStore once;
    private final Clock clock;

    public NotifyAfterQualification(ResponseStore responses, QualificationStore qualifications,
                                    CustomerStore customers, RuleCatalog rules, TemplateRenderer renderer,
                                    Mailer mailer, ColleagueDirectory directory, ReplyTokenStore tokens,
                                    ReplyAddresses replyAddresses, OutboundSettings outbound, OnceStore once,
                                    Clock clock) {
        this.responses = responses;
        this.qualifications = qualifications;
        this.customers = customers;
        this.rules = rules;
        this.renderer = renderer;
        this.mailer = mailer;
        this.directory = directory;
        this.tokens = tokens;
        this.replyAddresses = replyAddresses;
        this.outbound = outbound;
        this.once = once;
        this.clock = clock;
    }

    /** Notifies about the latest qualification of the response, if it asks for it. */
    public Result handle(String responseId) {
        Optional<Response> response = responses.get(responseId);
        Optional<Qualification> q = qualifications.latest(responseId);
        if (response.isEmpty() || q.isEmpty() || response.get().customerId() == null) {
            return new Result(Status.NOT_FOUND, "no qualified response " + responseId);
        }
        Notify notify = q.get().notification();
        if (notify.target() == Notify.Target.NOBODY) {
            return new Result(Status.NOBODY, "nobody to notify");
        }
        Customer customer = customers.get(response.get().customerId()).orElse(null);
        if (customer == null) {
            return new Result(Status.NOT_FOUND, "customer gone");
        }
        boolean client = notify.target() == Notify.Target.CLIENT;
        List<String> to = client
                ? customer.primaryContact().map(Contact::email).map(List::of).orElse(List.of())
                : colleague(notify.colleagueEmail(), customer);
        ActionTemplate template = rules.template(client ? CLIENT_TEMPLATE : COLLEAGUE_TEMPLATE).orElse(null);
        if (to.isEmpty() || template == null) {
            return new Result(Status.NO_RECIPIENT, to.isEmpty() ? "no recipient" : "no notification template");
        }
        String key = "notify/" + responseId + "/" + q.get().version();
        if (!once.claim(key, clock.instant())) {
            return new Result(Status.ALREADY_SENT, key);
        }
        try {
            String replyTo = null;
            if (client) {
                String token = replyAddresses.newToken();
                tokens.put(new ReplyToken(token, customer.id(), key, clock.instant()));
                replyTo = replyAddresses.address(token);
            }
            RenderedMessage m = renderer.render(template, customer.language(),
                    model(response.get(), customer, q.get()));
            String messageId = "<" + Ids.derived("nq-", key) + "@" + replyAddresses.inboundDomains().iterator().next()
                    + ">";
            String inReplyTo = client ? response.get().messageId() : null;
            mailer.send(new OutgoingEmail(outbound.from(), to, List.of(), replyTo, m.subject(), m.text(), m.html(),
                    messageId, inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo), replyTo, List.of(),
                    Map.of("X-AR-Notification", responseId)));
        } catch (RuntimeException e) {
            once.release(key);
            throw e;
        }
        return new Result(Status.SENT, (client ? "client" : "colleague") + " notified (" + to.size() + ")");
    }

    private List<String> colleague(String value, Customer customer) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        for (RecipientRule role : RecipientRule.values()) {
            if (role.name().equalsIgnoreCase(v)) {
                return directory.addresses(role, customer);
            }
        }
        return ADDRESS.matcher(v).matches() ? List.of(v.toLowerCase(Locale.ROOT)) : List.of();
    }

    private Map<String, Object> model(Response response, Customer customer, Qualification q) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (QualificationGroup g : q.groups()) {
            Map<String, Object> m = new HashMap<>();
            m.put("status", rules.rule(g.statusCode()).map(r -> r.label(customer.language())).orElse(g.statusCode()));
            m.put("itemNumbers", String.join(", ", g.itemNumbers()));
            m.put("comment", g.comment() == null ? "" : g.comment());
            groups.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", customer.name());
        model.put("companyName", outbound.companyName());
        model.put("groups", groups);
        model.put("customerWords", response.newText());
        model.put("decidedBy", q.decidedBy() == null ? "" : q.decidedBy());
        return model;
    }
}
