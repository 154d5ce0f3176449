package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.ReplyAddresses;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryAuditLog;
import io.arfollowup.testing.fakes.InMemoryBlobStore;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryFollowUpStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryQualificationStore;
import io.arfollowup.testing.fakes.InMemoryReplyTokenStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.fakes.InMemoryRuleCatalog;
import io.arfollowup.testing.fakes.RecordingChatNotifier;
import io.arfollowup.testing.fakes.RecordingMailer;
import io.arfollowup.testing.fakes.RecordingScheduler;
import io.arfollowup.core.domain.RecipientRule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The use cases wired on in-memory fakes, with a clock tests can move. */
final class UseCaseFixture {

    static final Instant NOW = Instant.parse("2025-11-05T10:00:00Z"); // a Wednesday, 11:00 in Paris

    final io.arfollowup.testing.time.SettableClock clock = new io.arfollowup.testing.time.SettableClock(NOW);
    final AtomicReference<Instant> now = clock.now;
    final InMemoryResponseStore responses = new InMemoryResponseStore();
    final InMemoryQualificationStore qualifications = new InMemoryQualificationStore();
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final InMemoryItemStore items = new InMemoryItemStore();
    final InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
    final InMemoryReplyTokenStore tokens = new InMemoryReplyTokenStore();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryRuleCatalog rules = TestData.taxonomyRules();
    final RecordingScheduler scheduler = new RecordingScheduler();
    final RecordingChatNotifier chat = new RecordingChatNotifier();
    final RecordingMailer mailer = new RecordingMailer();
    final ReplyAddresses replyAddresses = ReplyAddresses.fromConfig("inbound.atelier-lumen.example", "reply");
    final OutboundSettings outbound = new OutboundSettings("relances@atelier-lumen.example", "Relances",
            "Atelier Lumen", null);
    /** A small stand-in for Mustache: {{x}} and {{{x}}} by the model's top-level values (no sections). */
    final TemplateRenderer renderer = (template, language, model) -> new RenderedMessage(
            fill(template.contentFor(language).subject(), model, false).replaceAll("[\\r\\n]+", " ").trim(),
            fill(template.contentFor(language).body(), model, false),
            "<p>" + fill(template.contentFor(language).body(), model, true) + "</p>");

    static String fill(String source, Map<String, Object> model, boolean html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\{?([A-Za-z]+)}}}?").matcher(
                source == null ? "" : source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = model.get(m.group(1));
            String text = v instanceof io.arfollowup.core.port.Markup mk ? (html ? mk.html() : mk.text())
                    : v == null ? "" : v.toString();
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    QualifyResponse qualify() {
        return new QualifyResponse(responses, qualifications, customers, items, followUps, scheduler, rules, audit,
                chat, null, new FollowUpPlanner(clock), clock);
    }

    RunFollowUp runner() {
        return new RunFollowUp(followUps, customers, items, responses, tokens, rules, renderer, mailer, chat,
                directory, replyAddresses, outbound, clock, null, new RunFollowUp.Channels(blobs, sms,
                        letter -> ("PDF " + letter.subject() + "\n" + letter.body()).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8), links));
    }

    // issue 6: the follow-up engine's other channels and use cases
    final io.arfollowup.testing.fakes.RecordingSmsSender sms = new io.arfollowup.testing.fakes.RecordingSmsSender();
    final io.arfollowup.testing.fakes.InMemoryInternalAnswerStore answers =
            new io.arfollowup.testing.fakes.InMemoryInternalAnswerStore();
    final io.arfollowup.testing.fakes.InMemoryOnceStore once = new io.arfollowup.testing.fakes.InMemoryOnceStore();
    final io.arfollowup.core.token.LinkSigner links = new io.arfollowup.core.token.LinkSigner(
            "test-link-signing-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8), clock);
    final io.arfollowup.core.port.ColleagueDirectory directory = (role, customer) ->
            role == RecipientRule.SALES_REP && customer.salesRep() != null
                    ? List.of(customer.salesRep()) : List.of("facturation@atelier-lumen.example");

    FollowUpDecisions decisions() {
        return new FollowUpDecisions(followUps, customers, rules, scheduler, runner(), audit, chat,
                new FollowUpPlanner(clock), clock);
    }

    InternalAnswers internalAnswers() {
        return new InternalAnswers(links, followUps, customers, items, responses, rules, answers, audit, chat, blobs,
                directory, clock);
    }

    NotifyAfterQualification notifier() {
        return new NotifyAfterQualification(responses, qualifications, customers, rules, renderer, mailer, directory,
                tokens, replyAddresses, outbound, once, clock);
    }

    CatchUpFollowUps catchUp() {
        return new CatchUpFollowUps(followUps, runner(), clock);
    }

    Customer customerWithInvoices(String... numbers) {
        Customer c = TestData.aCustomer().build();
        customers.put(c);
        for (String n : numbers) {
            items.put(TestData.anInvoice(c.id(), n).build());
        }
        return c;
    }

    Response storedResponse(String id, Customer c, List<String> refs) {
        Response r = new Response(id, ResponseChannel.EMAIL, c.id(), "compta@fournil.example", "Julie", NOW,
                "Re: Relance", "Le virement partira le 14.", "fr", "raw/" + id, null, List.of(), refs, List.of(),
                null, null, "<m1@fournil.example>", ResponseState.NEW, new io.arfollowup.core.domain.CardRef("C1", "1.1"),
                null);
        responses.create(r);
        return r;
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
