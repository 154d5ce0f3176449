package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.Work;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: listeners ack within Slack's 3 seconds. They only open views and do bounded reads (one response,
 * one customer, one Query of its items); every write goes to the worker through the {@link WorkDispatcher}.
 * {@code views.open} is the first outbound call after a click (trigger ids expire in 3 s); an expired trigger gets
 * an ephemeral message with a Retry button.
 */
public final class SlackApp {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);
    public static final String RETRY_QUALIFY = "retry_qualify";

    /** The reads and hand-off the listeners need. */
    public record Ports(ResponseStore responses, CustomerStore customers, ItemStore items, RuleCatalog rules,
                        WorkDispatcher dispatcher, Clock clock, Language ui) {
    }

    private final App app;
    private final Ports ports;
    private final QualifyModal modal;

    public SlackApp(String botToken, Slack slack, Ports ports) {
        this.ports = ports;
        this.modal = new QualifyModal(ports.ui(), ports.rules());
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
        // auth.test now, at init (Lambda init / SnapStart priming), not on the first click's 3-second path
        app.start();
    }

    public App app() {
        return app;
    }

    private void register() {
        app.blockAction(SlackIds.QUALIFY_OPEN, (req, ctx) -> openQualify(req, ctx));
        app.blockAction(RETRY_QUALIFY, (req, ctx) -> openQualify(req, ctx));
        app.blockAction(SlackIds.VALIDATE, (req, ctx) -> {
            String id = value(req);
            if (!stillOpen(id, ctx)) {
                return ctx.ack();
            }
            ports.dispatcher().dispatch(new Work.Validate(id, req.getPayload().getUser().getId()));
            return ctx.ack();
        });
        app.blockAction(SlackIds.DELETE, (req, ctx) -> {
            String id = value(req);
            if (!stillOpen(id, ctx)) {
                return ctx.ack();
            }
            ports.dispatcher().dispatch(new Work.Delete(id, req.getPayload().getUser().getId()));
            return ctx.ack();
        });
        app.blockAction(SlackIds.ACCEPT_SUGGESTION, (req, ctx) -> {
            String id = value(req);
            Optional<io.arfollowup.core.domain.Response> r = ports.responses().get(id);
            if (r.isEmpty() || !stillOpen(r.get(), ctx) || r.get().suggestion() == null) {
                return ctx.ack();
            }
            ports.dispatcher().dispatch(new Work.Qualify(accept(r.get().id(), r.get().suggestion(),
                    req.getPayload().getUser().getId())));
            return ctx.ack();
        });
        app.blockAction(QualifyModal.ADD_GROUP, (req, ctx) -> {
            // "Add a group": the same modal with one more group; Slack keeps what was typed (same block ids)
            var view = req.getPayload().getView();
            String id = view.getPrivateMetadata();
            Optional<io.arfollowup.core.domain.Response> r = ports.responses().get(id);
            if (r.isPresent() && r.get().customerId() != null) {
                int groups = QualifyModal.groupCount(view.getState() == null ? null : view.getState().getValues()) + 1;
                Customer customer = ports.customers().get(r.get().customerId()).orElseThrow();
                ctx.client().viewsUpdate(v -> v.viewId(view.getId()).hash(view.getHash())
                        .view(modal.build(r.get(), customer, ports.items().openItems(customer.id()),
                                Math.min(QualifyModal.MAX_GROUPS, groups))));
            }
            return ctx.ack();
        });
        app.viewSubmission(SlackIds.QUALIFY_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            QualifyModal.Parsed parsed = modal.parse(view.getPrivateMetadata(), view.getId(), view.getHash(),
                    view.getState() == null ? null : view.getState().getValues(), req.getPayload().getUser().getId(),
                    LocalDate.now(ports.clock()));
            if (!parsed.errors().isEmpty()) {
                return ctx.ackWithErrors(parsed.errors());
            }
            ports.dispatcher().dispatch(new Work.Qualify(parsed.command()));
            return ctx.ack();
        });
    }

    private Response openQualify(BlockActionRequest req, ActionContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        String id = value(req);
        String triggerId = req.getPayload().getTriggerId();
        Optional<io.arfollowup.core.domain.Response> found = ports.responses().get(id);
        if (found.isEmpty() || !stillOpen(found.get(), ctx)) {
            return ctx.ack();
        }
        var response = found.get();
        if (response.customerId() == null) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(SlackText.get(ports.ui(), "flag_UNMATCHED")));
            return ctx.ack();
        }
        Customer customer = ports.customers().get(response.customerId()).orElseThrow();
        List<Item> open = ports.items().openItems(customer.id());
        ViewsOpenResponse opened = ctx.client().viewsOpen(v -> v.triggerId(triggerId)
                .view(modal.build(response, customer, open)));
        if (!opened.isOk()) {
            LOG.atWarn().addKeyValue("responseId", id).addKeyValue("error", opened.getError()).log("views.open failed");
            if ("expired_trigger_id".equals(opened.getError())) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                        .text(retryText())
                        .blocks(List.of(section(s -> s.text(markdownText(retryText()))),
                                actions(a -> a.elements(List.of(button(b -> b.actionId(RETRY_QUALIFY)
                                        .text(plainText(SlackText.get(ports.ui(), "qualify"))).value(id))))))));
            }
        }
        return ctx.ack();
    }

    private String retryText() {
        return ports.ui() == Language.FR ? "Slack a mis trop de temps à ouvrir le formulaire. Réessayez :"
                : "Slack took too long to open the form. Try again:";
    }

    private boolean stillOpen(String responseId, ActionContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        Optional<io.arfollowup.core.domain.Response> r = ports.responses().get(responseId);
        return r.isPresent() && stillOpen(r.get(), ctx);
    }

    /** A late click on a decided response gets an ephemeral "already handled". */
    private boolean stillOpen(io.arfollowup.core.domain.Response r, ActionContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        if (r.state().isOpen()) {
            return true;
        }
        String state = r.state() == ResponseState.QUALIFIED ? "qualified" : r.state().name().toLowerCase();
        ctx.respond(m -> m.responseType("ephemeral").replaceOriginal(false)
                .text(SlackText.get(ports.ui(), "already", state)));
        return false;
    }

    /** Accept suggestion: qualifies exactly as proposed. Same submission id for every click: one effect. */
    static QualifyResponse.Command accept(String responseId, Suggestion s, String actor) {
        List<QualificationGroup> groups = s.groups().stream().map(g -> new QualificationGroup(g.itemNumbers(),
                g.statusCode(), s.summary(), null, g.promisedDate(), g.amount(), FollowUpOverride.NONE)).toList();
        return new QualifyResponse.Command(responseId, "accept:" + responseId, groups, Notify.NOBODY, actor, false);
    }

    private static String value(BlockActionRequest req) {
        return req.getPayload().getActions().get(0).getValue();
    }
}
