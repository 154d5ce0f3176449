package io.arfollowup.functions.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import io.arfollowup.adapters.slack.Mrkdwn;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.port.CollectionsIndex;
import io.arfollowup.core.usecase.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The triage card of an unmatched response: its customer picker is an external select (the customers do not fit in
 * 100 static options). Typing searches names (one bounded Query on the name index) and invoice numbers (one Query
 * on GSI1) within Slack's 3 seconds; picking one hands the link to the worker, which rewrites the card as a
 * normal qualify card.
 */
final class TriageActions {

    static final int MAX_MATCHES = 25;

    private final App app;
    private final SlackApp.Ports ports;

    TriageActions(App app, SlackApp.Ports ports) {
        this.app = app;
        this.ports = ports;
    }

    void register() {
        app.blockSuggestion(SlackIds.TRIAGE_CUSTOMER, (req, ctx) -> {
            List<Option> options = new ArrayList<>();
            for (CollectionsIndex.CustomerMatch m : search(req.getPayload().getValue())) {
                options.add(Option.builder().text(plainText(Mrkdwn.cut(m.name() + " · " + m.id(), 75)))
                        .value(m.id()).build());
            }
            return ctx.ack(r -> r.options(options));
        });
        app.blockAction(SlackIds.TRIAGE_CUSTOMER, (req, ctx) -> {
            var action = req.getPayload().getActions().get(0);
            String block = action.getBlockId() == null ? "" : action.getBlockId();
            int bar = block.indexOf('|');
            String customerId = action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
            if (bar < 0 || customerId == null) {
                return ctx.ack();
            }
            String responseId = block.substring(bar + 1);
            var response = ports.responses().get(responseId);
            if (response.isEmpty() || !response.get().state().isOpen()) {
                Interactions.ephemeral(req, ctx, SlackText.get(ports.ui(), "not_found"));
                return ctx.ack();
            }
            if (response.get().customerId() != null && !response.get().customerId().equals(customerId)) {
                Interactions.ephemeral(req, ctx, SlackText.get(ports.ui(), "already_by",
                        SlackText.get(ports.ui(), "someone")));
                return ctx.ack();
            }
            ports.dispatcher().dispatch(new Work.LinkCustomer(responseId, customerId, Interactions.user(req)));
            return ctx.ack();
        });
    }

    /** Invoice numbers first (exact), then words of names; at most {@link #MAX_MATCHES}, each customer once. */
    List<CollectionsIndex.CustomerMatch> search(String query) {
        if (ports.index() == null || query == null || query.isBlank()) {
            return List.of();
        }
        Map<String, CollectionsIndex.CustomerMatch> out = new LinkedHashMap<>();
        List<Item> byNumber = ports.index().itemsByNumber(query, 5);
        if (!byNumber.isEmpty()) {
            ports.index().customers(byNumber.stream().map(Item::customerId).distinct().toList())
                    .forEach(c -> out.putIfAbsent(c.id(), new CollectionsIndex.CustomerMatch(c.id(), c.name())));
        }
        ports.index().searchCustomers(query, MAX_MATCHES).forEach(m -> out.putIfAbsent(m.id(), m));
        return out.values().stream().limit(MAX_MATCHES).toList();
    }
}
