package io.arfollowup.core.webform;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.LinkSigner;
import io.arfollowup.core.usecase.OutboundSettings;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryAuditLog;
import io.arfollowup.testing.fakes.InMemoryBlobStore;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryFollowUpStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryLinkRequestLimiter;
import io.arfollowup.testing.fakes.InMemoryQualificationStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.fakes.InMemoryRuleCatalog;
import io.arfollowup.testing.fakes.InMemoryWebUploadStore;
import io.arfollowup.testing.fakes.RecordingChatNotifier;
import io.arfollowup.testing.fakes.RecordingMailer;
import io.arfollowup.testing.fakes.RecordingScheduler;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUpMode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The customer-page use cases on in-memory fakes, with a clock tests can move. */
final class WebFormFixture {

    static final Instant NOW = Instant.parse("2025-11-05T10:00:00Z"); // Wednesday, 11:00 in Paris
    static final LocalDate TODAY = LocalDate.of(2025, 11, 5);

    final io.arfollowup.testing.time.SettableClock clock = new io.arfollowup.testing.time.SettableClock(NOW);
    final AtomicReference<Instant> now = clock.now;
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final io.arfollowup.testing.fakes.InMemoryOnceStore once = new io.arfollowup.testing.fakes.InMemoryOnceStore();
    final InMemoryItemStore items = new InMemoryItemStore();
    final InMemoryResponseStore responses = new InMemoryResponseStore();
    final InMemoryQualificationStore qualifications = new InMemoryQualificationStore();
    final InMemoryFollowUpStore followUps = new InMemoryFollowUpStore();
    final InMemoryWebUploadStore uploads = new InMemoryWebUploadStore();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final InMemoryLinkRequestLimiter limiter = new InMemoryLinkRequestLimiter();
    final RecordingChatNotifier recording = new RecordingChatNotifier();
    /** The chat as the use cases see it: the recording one, that fails once when {@code failNext} is set. */
    final FlakyChat chat = new FlakyChat(recording);
    final RecordingScheduler scheduler = new RecordingScheduler();
    final RecordingMailer mailer = new RecordingMailer();
    final InMemoryRuleCatalog rules = TestData.taxonomyRules();
    final FollowUpPlanner planner = new FollowUpPlanner(clock);
    final LinkSigner signer = new LinkSigner("a-test-key-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8),
            clock);
    final CustomerLinks links = new CustomerLinks(signer, "https://pay.example.com", clock);
    final CustomerAccess access = new CustomerAccess(signer, customers, clock);
    final StructuredAnswerSuggester suggester;
    final Customer customer = TestData.aCustomer().id("C1").build();
    final OutboundSettings outbound = new OutboundSettings("relances@atelier-lumen.example", "Relances",
            "Atelier Lumen", "https://pay.example.com", links);

    WebFormFixture() {
        rules.rule(TestData.rule("PAYMENT_IN_PROGRESS", StatusType.IN_PROGRESS, Delay.calendar(10),
                "payment-promise-check", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, true, null));
        rules.rule(TestData.rule("DELIVERY_DISPUTE", StatusType.DISPUTE, Delay.calendar(7),
                "verify-remittance", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, true, 60));
        suggester = new StructuredAnswerSuggester(rules, planner, Language.FR, null);
        customers.put(customer);
        items.put(invoice("FA-1", "1200.00", null));
        items.put(invoice("FA-2", "300.00", null));
        items.put(invoice("FA-3", "80.00", "documents/FA-3.pdf"));
        items.put(new Item("C1", "AV-1", ItemKind.CREDIT_NOTE, new BigDecimal("-96.00"), new BigDecimal("-96.00"),
                "EUR", TODAY.minusDays(20), TODAY.minusDays(20), null, null, null, null, null));
        Customer other = TestData.aCustomer().id("C2").named("Autre client").contact("ap@autre.example").build();
        customers.put(other);
        items.put(new Item("C2", "FB-9", ItemKind.INVOICE, new BigDecimal("50"), new BigDecimal("50"), "EUR",
                TODAY.minusDays(40), TODAY.minusDays(10), null, null, null, null, null));
    }

    /** Delegates to a recording notifier; fails the next card post when asked (Slack down). */
    static final class FlakyChat implements io.arfollowup.core.port.ChatNotifier {
        final RecordingChatNotifier target;
        final java.util.List<io.arfollowup.core.port.CardView> posted;
        volatile boolean failNext;

        FlakyChat(RecordingChatNotifier target) {
            this.target = target;
            this.posted = target.posted;
        }

        @Override
        public io.arfollowup.core.domain.CardRef postResponseCard(io.arfollowup.core.port.CardView view) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("slack is down");
            }
            return target.postResponseCard(view);
        }

        @Override
        public void updateResponseCard(io.arfollowup.core.domain.CardRef card, io.arfollowup.core.port.CardView view) {
            target.updateResponseCard(card, view);
        }

        @Override
        public io.arfollowup.core.domain.CardRef postFollowUpCard(io.arfollowup.core.port.FollowUpCard card) {
            return target.postFollowUpCard(card);
        }

        @Override
        public void postInThread(io.arfollowup.core.domain.CardRef card, String text) {
            target.postInThread(card, text);
        }
    }

    static Item invoice(String number, String open, String documentKey) {
        return new Item("C1", number, ItemKind.INVOICE, new BigDecimal(open), new BigDecimal(open), "EUR",
                TODAY.minusDays(40), TODAY.minusDays(10), null, null, null, null, documentKey);
    }

    ShowStatement show() {
        return new ShowStatement(access, items, planner);
    }

    SubmitWebAnswers submit() {
        QualifyResponse qualify = new QualifyResponse(responses, qualifications, customers, items, followUps,
                scheduler, rules, new InMemoryAuditLog(), chat, suggester, planner, clock);
        return new SubmitWebAnswers(access, items, responses, uploads, blobs, chat, suggester, qualify, planner,
                new SubmitWebAnswers.Settings(60, 3, 4L * 1024 * 1024), clock);
    }

    SendNewLink sendNewLink() {
        return new SendNewLink(access, customers, limiter, links, mailer,
                (t, l, m) -> new RenderedMessage("Nouveau lien", "Lien : " + m.get("webLink"), "<p>lien</p>"),
                TestData.template("customer-new-link", io.arfollowup.core.domain.ActionChannel.EMAIL,
                        io.arfollowup.core.domain.RecipientRule.CLIENT), outbound, planner,
                once, clock);
    }

    /** A token of C1 and the CSRF value of a fresh page. */
    String[] openPage() {
        String token = links.token("C1");
        var shown = (ShowStatement.Shown) show().open(token);
        return new String[] {token, shown.csrf()};
    }
}
