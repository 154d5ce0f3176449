package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.arfollowup.adapters.slack.ResponseCards;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.CollectionsIndex;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.ScenarioStore;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.Work;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: listeners ack within Slack's 3 seconds. They only open views and do bounded reads (one response,
 * one customer, one Query of its items); every write goes to the worker through the {@link WorkDispatcher}.
 * {@code views.open} is the first outbound call after a click (trigger ids expire in 3 s); an expired trigger gets
 * an ephemeral message with a Retry button. The qualify card's own buttons live here; the rest of the collector's
 * day is registered from its own classes (qualified cards, triage, {@code /ar}, App Home, admin commands).
 */
public final class SlackApp {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    public static final String RETRY_QUALIFY = "retry_qualify";

    /**
     * The reads and hand-off the listeners need. The last components are optional (null: the feature degrades to
     * a generic answer), so tests wire only what they exercise.
     */
    public record Ports(ResponseStore responses, CustomerStore customers, ItemStore items, RuleCatalog rules,
                        WorkDispatcher dispatcher, Clock clock, Language ui, QualificationStore qualifications,
                        FollowUpStore followUps, CollectionsIndex index, ScenarioStore scenario,
                        TemplateRenderer renderer, String adminGroup, ZoneId zone,
                        Function<String, Optional<String>> links) {

        public Ports(ResponseStore responses, CustomerStore customers, ItemStore items, RuleCatalog rules,
                     WorkDispatcher dispatcher, Clock clock, Language ui) {
            this(responses, customers, items, rules, dispatcher, clock, ui, null, null, null, null, null, null,
                    Customer.DEFAULT_ZONE, key -> Optional.empty());
        }

        public Ports {
            zone = zone == null ? Customer.DEFAULT_ZONE : zone;
            links = links == null ? key -> Optional.empty() : links;
        }
    }

    private final App app;
    private final Ports ports;
    private final QualifyModal modal;
    private final ResponseCards cards;

    public SlackApp(String botToken, Slack slack, Ports ports) {
        this.ports = ports;
        this.modal = new QualifyModal(ports.ui(), ports.rules(), new FollowUpPlanner(ports.clock()));
        this.cards = new ResponseCards(ports.ui(), ports.zone(), ports.rules(), ports.clock(), ports.links(),
                io.arfollowup.adapters.wiring.Components.ATTACHMENT_LINK_TTL);
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(botToken)
                .signingSecret("verified-by-our-adapter")
                .requestVerificationEnabled(false) // verified first, on the raw bytes, with an injected clock
                .authTestCacheEnabled(true)
                // never expires: Bolt seeds the cache at start() but stamps it at epoch 0, so any positive expiry
                // makes the first click call auth.test again before views.open (S05)
                .authTestCacheExpirationMillis(-1L)
                .slack(slack)
                .build();
        this.app = new App(config);
        register();
        new DecidedCardActions(app, ports, modal, cards).register();
        new TriageActions(app, ports).register();
        new HistoryCommand(app, ports).register();
        new HomeEvents(app, ports).register();
        new AdminCommands(app, ports).register();
        // auth.test now, at init (Lambda init / SnapStart priming), not on the first click's 3-second path
        app.start();
    }

    public App app() {
        return app;
    }

    private void register() {
        app.blockAction(SlackIds.QUALIFY_OPEN, (req, ctx) -> openQualify(req, ctx, false));
        app.blockAction(RETRY_QUALIFY, (req, ctx) -> openQualify(req, ctx, false));
        app.blockAction(SlackIds.REQUALIFY, (req, ctx) -> openQualify(req, ctx, true));
        app.blockAction(SlackIds.VALIDATE, (req, ctx) -> {
            String id = Interactions.value(req);
            if (!stillOpen(id, ctx)) {
                return ctx.ack();
            }
            ports.dispatcher().dispatch(new Work.Validate(id, Interactions.user(req)));
            return ctx.ack();
        });
        app.blockAction(SlackIds.DELETE, (req, ctx) -> {
            String id = Interactions.value(req);
            if (!stillOpen(id, ctx)) {
                return ctx.ack();
            }
            ports.dispatcher().dispatch(new Work.Delete(id, Interactions.user(req)));
            return ctx.ack();
        });
        app.blockAction(SlackIds.ACCEPT_SUGGESTION, (req, ctx) -> {
            String id = Interactions.value(req);
            Optional<io.arfollowup.core.domain.Response> r = ports.responses().get(id);
            if (r.isEmpty() || !stillOpen(r.get(), ctx) || r.get().suggestion() == null
                    || !cards.acceptable(r.get())) {
                return ctx.ack();
            }
            if (cards.isNone(r.get().suggestion())) {
                // an out-of-office or a thank-you: accepting the suggestion is validating without qualification
                ports.dispatcher().dispatch(new Work.Validate(id, Interactions.user(req)));
            } else {
                ports.dispatcher().dispatch(new Work.Qualify(accept(r.get().id(), r.get().suggestion(),
                        Interactions.user(req))));
            }
            return ctx.ack();
        });
        app.blockAction(QualifyModal.ADD_GROUP, (req, ctx) -> {
            var view = req.getPayload().getView();
            int groups = QualifyModal.groupCount(view.getState() == null ? null : view.getState().getValues()) + 1;
            return refreshModal(req, ctx, Math.min(QualifyModal.MAX_GROUPS, groups));
        });
        // a status chosen in the modal (its input dispatches): the group's follow-up shows that status's rule
        app.blockAction(SlackIds.ACTION, (req, ctx) -> {
            var view = req.getPayload().getView();
            String block = req.getPayload().getActions().get(0).getBlockId();
            if (view == null || !SlackIds.QUALIFY_VIEW.equals(view.getCallbackId()) || block == null
                    || !block.startsWith(SlackIds.BLOCK_STATUS)) {
                return ctx.ack();
            }
            return refreshModal(req, ctx, QualifyModal.groupCount(view.getState() == null ? null
                    : view.getState().getValues()));
        });
        HoldActions.register(app, ports.dispatcher());
        app.viewSubmission(SlackIds.QUALIFY_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            QualifyModal.Parsed parsed = modal.parse(QualifyModal.Metadata.parse(view.getPrivateMetadata()),
                    view.getId(), view.getHash(), view.getState() == null ? null : view.getState().getValues(),
                    req.getPayload().getUser().getId(), LocalDate.now(ports.clock().withZone(ports.zone())));
            if (!parsed.errors().isEmpty()) {
                return ctx.ackWithErrors(parsed.errors());
            }
            ports.dispatcher().dispatch(new Work.Qualify(parsed.command()));
            return ctx.ack();
        });
        // the items of a customer with more than 100 open items: searched as the collector types
        app.blockSuggestion(Pattern.compile(Pattern.quote(SlackIds.ACTION)), (req, ctx) -> {
            var p = req.getPayload();
            List<Option> options = new ArrayList<>();
            if (p.getView() != null && p.getBlockId() != null && p.getBlockId().startsWith(SlackIds.BLOCK_ITEMS)) {
                String id = QualifyModal.Metadata.parse(p.getView().getPrivateMetadata()).responseId();
                String query = p.getValue() == null ? "" : Item.normalizeNumber(p.getValue());
                ports.responses().get(id).filter(r -> r.customerId() != null).ifPresent(r -> {
                    for (Item i : ports.items().openItems(r.customerId())) {
                        if (options.size() < QualifyModal.MAX_OPTIONS
                                && Item.normalizeNumber(i.number()).contains(query)) {
                            var o = QualifyModal.itemOption(i);
                            options.add(Option.builder().text(o.getText()).value(o.getValue()).build());
                        }
                    }
                });
            }
            return ctx.ack(r -> r.options(options));
        });
    }

    /** Rebuilds the open modal from what it holds now, with {@code groups} groups (views.update, same hash). */
    private Response refreshModal(BlockActionRequest req, ActionContext ctx, int groups) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        var view = req.getPayload().getView();
        QualifyModal.Metadata meta = QualifyModal.Metadata.parse(view.getPrivateMetadata());
        Optional<io.arfollowup.core.domain.Response> r = ports.responses().get(meta.responseId());
        if (r.isPresent() && r.get().customerId() != null) {
            Customer customer = ports.customers().get(r.get().customerId()).orElseThrow();
            QualifyModal.Prefill prefill = modal.fromState(view.getState() == null ? null
                    : view.getState().getValues(), meta.requalify(), groups);
            View updated = modal.build(r.get(), customer, ports.items().openItems(customer.id()), prefill);
            var out = ctx.client().viewsUpdate(v -> v.viewId(view.getId()).hash(view.getHash()).view(updated));
            if (!out.isOk()) {
                LOG.atWarn().addKeyValue("responseId", meta.responseId()).addKeyValue("error", out.getError())
                        .log("views.update failed");
            }
        }
        return ctx.ack();
    }

    private Response openQualify(BlockActionRequest req, ActionContext ctx, boolean requalify)
            throws java.io.IOException, com.slack.api.methods.SlackApiException {
        String id = Interactions.value(req);
        String triggerId = req.getPayload().getTriggerId();
        Optional<io.arfollowup.core.domain.Response> found = ports.responses().get(id);
        if (found.isEmpty()) {
            Interactions.ephemeral(req, ctx, SlackText.get(ports.ui(), "not_found"));
            return ctx.ack();
        }
        var response = found.get();
        Qualification latest = null;
        if (requalify) {
            if (response.state() != ResponseState.QUALIFIED || ports.qualifications() == null) {
                Interactions.ephemeral(req, ctx, SlackText.get(ports.ui(), "not_qualified_yet"));
                return ctx.ack();
            }
            latest = ports.qualifications().latest(id).orElse(null);
            if (latest == null) {
                Interactions.ephemeral(req, ctx, SlackText.get(ports.ui(), "not_qualified_yet"));
                return ctx.ack();
            }
        } else if (!stillOpen(response, ctx, req)) {
            return ctx.ack();
        }
        if (response.customerId() == null) {
            Interactions.ephemeral(req, ctx, SlackText.get(ports.ui(), "unmatched_first"));
            return ctx.ack();
        }
        Customer customer = ports.customers().get(response.customerId()).orElseThrow();
        List<Item> open = ports.items().openItems(customer.id());
        View view = latest != null ? modal.build(response, customer, open, QualifyModal.fromDecision(latest))
                : modal.build(response, customer, open);
        ViewsOpenResponse opened = ctx.client().viewsOpen(v -> v.triggerId(triggerId).view(view));
        if (!opened.isOk()) {
            LOG.atWarn().addKeyValue("responseId", id).addKeyValue("error", opened.getError()).log("views.open failed");
            if ("expired_trigger_id".equals(opened.getError()) && Interactions.hasResponseUrl(req)) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                        .text(retryText())
                        .blocks(List.of(section(s -> s.text(markdownText(retryText()))),
                                actions(a -> a.elements(List.of(button(b -> b.actionId(requalify
                                        ? SlackIds.REQUALIFY : RETRY_QUALIFY)
                                        .text(plainText(SlackText.get(ports.ui(), requalify ? "requalify"
                                                : "qualify"))).value(id))))))));
            }
        }
        return ctx.ack();
    }

    private String retryText() {
        return ports.ui() == Language.FR ? "Slack a mis trop de temps à ouvrir le formulaire. Réessayez :"
                : "Slack took too long to open the form. Try again:";
    }

    private boolean stillOpen(String responseId, ActionContext ctx) throws java.io.IOException,
            com.slack.api.methods.SlackApiException {
        Optional<io.arfollowup.core.domain.Response> r = ports.responses().get(responseId);
        return r.isPresent() && stillOpen(r.get(), ctx);
    }

    private boolean stillOpen(io.arfollowup.core.domain.Response r, ActionContext ctx) throws java.io.IOException,
            com.slack.api.methods.SlackApiException {
        return stillOpen(r, ctx, null);
    }

    /** A late click on a decided response gets an ephemeral "already handled: qualified by @x on …". */
    private boolean stillOpen(io.arfollowup.core.domain.Response r, ActionContext ctx, BlockActionRequest req)
            throws java.io.IOException, com.slack.api.methods.SlackApiException {
        if (r.state().isOpen()) {
            return true;
        }
        String text = alreadyText(r);
        if (req == null || Interactions.hasResponseUrl(req)) {
            ctx.respond(m -> m.responseType("ephemeral").replaceOriginal(false).text(text));
        }
        return false;
    }

    private String alreadyText(io.arfollowup.core.domain.Response r) {
        Language ui = ports.ui();
        if (r.state() == ResponseState.QUALIFIED && ports.qualifications() != null) {
            Optional<Qualification> q = ports.qualifications().latest(r.id());
            if (q.isPresent()) {
                return SlackText.get(ui, "already_qualified", Interactions.mention(q.get().decidedBy()),
                        WHEN.format(q.get().decidedAt().atZone(ports.zone())));
            }
        }
        return SlackText.get(ui, "already_state",
                SlackText.get(ui, "state_" + r.state().name().toLowerCase(Locale.ROOT)));
    }

    /** Accept suggestion: qualifies exactly as proposed. Same submission id for every click: one effect. */
    static QualifyResponse.Command accept(String responseId, Suggestion s, String actor) {
        List<QualificationGroup> groups = s.groups().stream().map(g -> new QualificationGroup(g.itemNumbers(),
                g.statusCode(), s.summary(), null, g.promisedDate(), g.amount(), FollowUpOverride.NONE)).toList();
        return new QualifyResponse.Command(responseId, "accept:" + responseId, groups, Notify.NOBODY, actor, false);
    }
}
