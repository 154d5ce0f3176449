package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.TemplateRenderer;
import java.util.List;
import java.util.Optional;

/**
 * The message a follow-up would send, as its owner sees it before confirming (the Edit &amp; send modal is prefilled
 * with it). Bounded reads only: the follow-up, its customer, the customer's open items, the response.
 */
public final class FollowUpPreview {

    private final FollowUpStore followUps;
    private final CustomerStore customers;
    private final ItemStore items;
    private final ResponseStore responses;
    private final RuleCatalog rules;
    private final TemplateRenderer renderer;
    private final OutboundSettings outbound;

    public FollowUpPreview(FollowUpStore followUps, CustomerStore customers, ItemStore items, ResponseStore responses,
                           RuleCatalog rules, TemplateRenderer renderer, OutboundSettings outbound) {
        this.followUps = followUps;
        this.customers = customers;
        this.items = items;
        this.responses = responses;
        this.rules = rules;
        this.renderer = renderer;
        this.outbound = outbound;
    }

    public Optional<FollowUp> followUp(String followUpId) {
        return followUps.get(followUpId);
    }

    public Optional<RenderedMessage> render(String followUpId) {
        FollowUp f = followUps.get(followUpId).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        Customer customer = customers.get(f.customerId()).orElse(null);
        ActionTemplate template = rules.template(f.templateId()).orElse(null);
        if (customer == null || template == null) {
            return Optional.empty();
        }
        List<Item> concerned = items.openItems(customer.id()).stream()
                .filter(i -> f.itemNumbers().contains(i.number())).toList();
        Response response = f.responseId() == null ? null : responses.get(f.responseId()).orElse(null);
        var ctx = new FollowUpMessages.Context(f, customer, concerned, response,
                rules.rule(f.statusCode()).orElse(null), outbound);
        return Optional.of(FollowUpMessages.render(renderer, template, f, customer.language(),
                FollowUpMessages.model(ctx, null)));
    }
}
