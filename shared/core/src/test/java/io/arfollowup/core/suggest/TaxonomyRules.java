package io.arfollowup.core.suggest;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.port.RuleCatalog;
import java.util.List;
import java.util.Optional;

/** The default rules of ../shared/TAXONOMY.md, in memory, for the suggester's tests. */
final class TaxonomyRules implements RuleCatalog {

    private static final FollowUpMode CONFIRM = FollowUpMode.AUTOMATIC_WITH_CONFIRMATION;
    private static final FollowUpMode INTERNAL = FollowUpMode.INTERNAL_INTERACTIVE_EMAIL;

    private final List<StatusRule> rules = List.of(
            rule("ADMIN_DISPUTE", StatusType.DISPUTE, Delay.calendar(3), "admin-dispute", INTERNAL, 60),
            rule("COMMERCIAL_DISPUTE", StatusType.DISPUTE, Delay.calendar(5), "commercial-dispute", INTERNAL, 60),
            rule("DELIVERY_DISPUTE", StatusType.DISPUTE, Delay.calendar(7), "delivery-dispute", CONFIRM, 60),
            rule("CREDIT_NOTE_EXPECTED", StatusType.DISPUTE, Delay.calendar(5), "credit-note", INTERNAL, 45),
            rule("PAYMENT_PROMISE", StatusType.PROMISE, new Delay(7, null, true), "promise-check", CONFIRM, null),
            rule("PAYMENT_PLAN_REQUEST", StatusType.IN_PROGRESS, Delay.calendar(2), "plan-call", CONFIRM, 30),
            rule("ALREADY_PAID", StatusType.IN_PROGRESS, Delay.calendar(2), "verify-remittance", CONFIRM, 15),
            rule("PAYMENT_IN_PROGRESS", StatusType.IN_PROGRESS, Delay.calendar(10), "payment-check", CONFIRM, null),
            rule("COPY_REQUEST", StatusType.IN_PROGRESS, Delay.calendar(0), "invoice-copy", FollowUpMode.AUTOMATIC,
                    null),
            rule("DOCUMENT_REQUEST", StatusType.IN_PROGRESS, Delay.calendar(2), "document-check", INTERNAL, 30),
            rule("WRONG_CONTACT", StatusType.IN_PROGRESS, Delay.calendar(1), "update-contact", CONFIRM, null),
            rule("FINANCIAL_DIFFICULTY", StatusType.LITIGATION, Delay.calendar(1), "call-customer", CONFIRM, 90),
            rule("OUT_OF_OFFICE", StatusType.NONE, null, null, null, null),
            rule("NO_ACTION", StatusType.NONE, null, null, null, null),
            rule("DISPUTE_RESOLVED", StatusType.DISPUTE_RESOLVED, null, null, null, null));

    private static StatusRule rule(String code, StatusType type, Delay delay, String template, FollowUpMode mode,
                                   Integer holdDays) {
        return new StatusRule(code, type, new Labels(code, code), true, delay, template, mode,
                holdDays != null, holdDays);
    }

    @Override
    public Optional<StatusRule> rule(String statusCode) {
        return rules.stream().filter(r -> r.code().equals(statusCode)).findFirst();
    }

    @Override
    public List<StatusRule> rules() {
        return rules;
    }

    @Override
    public Optional<ActionTemplate> template(String templateId) {
        return Optional.empty();
    }

    @Override
    public List<ActionTemplate> templates() {
        return List.of();
    }
}
