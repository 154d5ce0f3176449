package io.arfollowup.testing.data;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.testing.fakes.InMemoryRuleCatalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Test-data builders that make tests read like sentences: {@code aCustomer().named("Fournil").build()}. */
public final class TestData {

    private TestData() {
    }

    public static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    public static ItemBuilder anInvoice(String customerId, String number) {
        return new ItemBuilder(customerId, number);
    }

    /** A few rules of the default catalogue (TAXONOMY.md), in code, for use-case tests. */
    public static InMemoryRuleCatalog taxonomyRules() {
        InMemoryRuleCatalog c = new InMemoryRuleCatalog();
        c.rule(rule("ADMIN_DISPUTE", StatusType.DISPUTE, Delay.calendar(3), "admin-dispute-follow-up",
                FollowUpMode.INTERNAL_INTERACTIVE_EMAIL, true, 60));
        c.rule(rule("COMMERCIAL_DISPUTE", StatusType.DISPUTE, Delay.calendar(5), "commercial-dispute-follow-up",
                FollowUpMode.INTERNAL_INTERACTIVE_EMAIL, true, 60));
        c.rule(rule("PAYMENT_PROMISE", StatusType.PROMISE, new Delay(7, null, true), "payment-promise-check",
                FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, true, null));
        c.rule(rule("ALREADY_PAID", StatusType.IN_PROGRESS, Delay.calendar(2), "verify-remittance",
                FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, true, 15));
        c.rule(rule("COPY_REQUEST", StatusType.IN_PROGRESS, Delay.calendar(0), "send-invoice-copy",
                FollowUpMode.AUTOMATIC, false, null));
        c.rule(rule("PAYMENT_PLAN_REQUEST", StatusType.IN_PROGRESS, Delay.calendar(2), "payment-plan-call",
                FollowUpMode.AUTOMATIC, true, 30));
        c.rule(new StatusRule("NO_ACTION", StatusType.NONE, new Labels("Sans suite", "No action needed"), true,
                null, null, null, false, null));
        c.template(template("admin-dispute-follow-up", ActionChannel.INTERNAL_EMAIL, RecipientRule.BILLING));
        c.template(template("commercial-dispute-follow-up", ActionChannel.INTERNAL_EMAIL, RecipientRule.SALES_REP));
        c.template(template("payment-promise-check", ActionChannel.EMAIL, RecipientRule.CLIENT));
        c.template(template("verify-remittance", ActionChannel.TASK, RecipientRule.OWNER));
        c.template(template("send-invoice-copy", ActionChannel.EMAIL, RecipientRule.CLIENT));
        c.template(template("payment-plan-call", ActionChannel.CALL, RecipientRule.OWNER));
        return c;
    }

    public static StatusRule rule(String code, StatusType type, Delay delay, String template, FollowUpMode mode,
                                  boolean holds, Integer holdDays) {
        return new StatusRule(code, type, new Labels(code, code), true, delay, template, mode, holds, holdDays);
    }

    public static ActionTemplate template(String id, ActionChannel channel, RecipientRule recipients) {
        return new ActionTemplate(id, new Labels(id, id), channel, recipients, Map.of(
                Language.FR, new TemplateContent("[FR] " + id + " {{customerName}}", "Bonjour {{customerName}} : {{itemNumbers}}"),
                Language.EN, new TemplateContent("[EN] " + id + " {{customerName}}", "Hello {{customerName}}: {{itemNumbers}}")));
    }

    /** Builds a customer; defaults: French, FR calendar, Europe/Paris, one contact. */
    public static final class CustomerBuilder {
        private String id = "C001";
        private String name = "Fournil Saint-Roch";
        private Language language = Language.FR;
        private Country country = Country.FR;
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private List<Contact> contacts = List.of(Contact.of("compta@fournil.example", "Julie Bertin"));
        private String collector = "U0COLLECT1";
        private String salesRep = null;

        public CustomerBuilder id(String v) {
            id = v;
            return this;
        }

        public CustomerBuilder named(String v) {
            name = v;
            return this;
        }

        public CustomerBuilder english() {
            language = Language.EN;
            country = Country.GB;
            zone = ZoneId.of("Europe/London");
            return this;
        }

        public CustomerBuilder contact(String email) {
            contacts = List.of(Contact.of(email, null));
            return this;
        }

        public CustomerBuilder contacts(List<Contact> v) {
            contacts = v;
            return this;
        }

        public CustomerBuilder salesRep(String v) {
            salesRep = v;
            return this;
        }

        public CustomerBuilder collector(String v) {
            collector = v;
            return this;
        }

        public Customer build() {
            return new Customer(id, name, language, country, zone, contacts, collector, salesRep);
        }
    }

    /** Builds an open invoice; defaults: 1 200.00 EUR, fully open, due 30 days before 2025-11-05. */
    public static final class ItemBuilder {
        private final String customerId;
        private final String number;
        private BigDecimal amount = new BigDecimal("1200.00");
        private BigDecimal open;
        private LocalDate due = LocalDate.of(2025, 10, 6);
        private ItemKind kind = ItemKind.INVOICE;

        ItemBuilder(String customerId, String number) {
            this.customerId = customerId;
            this.number = number;
        }

        public ItemBuilder amount(String v) {
            amount = new BigDecimal(v);
            return this;
        }

        public ItemBuilder paid() {
            open = BigDecimal.ZERO;
            return this;
        }

        public ItemBuilder due(LocalDate v) {
            due = v;
            return this;
        }

        public ItemBuilder creditNote() {
            kind = ItemKind.CREDIT_NOTE;
            return this;
        }

        public Item build() {
            return new Item(customerId, number, kind, amount, open == null ? amount : open, "EUR",
                    due.minusDays(30), due, null, null, null, null, null);
        }
    }
}
