package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.arfollowup.adapters.slack.FollowUpCards;
import io.arfollowup.adapters.slack.Mrkdwn;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.TaskOutcome;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.FollowUpDecisions;
import io.arfollowup.core.usecase.FollowUpPreview;
import io.arfollowup.core.usecase.InternalAnswers;
import io.arfollowup.core.usecase.Work;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up cards' listeners (issue 6): Send now, Edit &amp; send (a modal prefilled with the rendered message;
 * views.open comes right after the bounded reads), Postpone +N days, Cancel, a task's outcome, and the thread's
 * "validate" button on a colleague's answer. Each acks at once and hands the work to the worker; a click on a
 * follow-up that is no longer waiting gets an ephemeral "already handled" and no work.
 */
public final class FollowUpActions {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpActions.class);

    /** What the listeners read and where they hand the work. */
    public record Ports(FollowUpPreview preview, WorkDispatcher dispatcher, Language ui) {
    }

    private final Ports ports;

    public FollowUpActions(Ports ports) {
        this.ports = ports;
    }

    public void register(App app) {
        app.blockAction(FollowUpCards.SEND, (req, ctx) -> decide(req, ctx, FollowUpDecisions.Action.SEND_NOW,
                value(req), null, null));
        app.blockAction(FollowUpCards.CANCEL, (req, ctx) -> decide(req, ctx, FollowUpDecisions.Action.CANCEL,
                value(req), null, null));
        app.blockAction(FollowUpCards.POSTPONE, (req, ctx) -> {
            var selected = req.getPayload().getActions().get(0).getSelectedOption();
            String v = selected == null ? "" : selected.getValue();
            int bar = v.indexOf('|');
            if (bar <= 0) {
                return ctx.ack();
            }
            int days;
            try {
                days = Integer.parseInt(v.substring(0, bar));
            } catch (NumberFormatException e) {
                return ctx.ack();
            }
            return decide(req, ctx, FollowUpDecisions.Action.POSTPONE, v.substring(bar + 1), days, null);
        });
        app.blockAction(FollowUpCards.OUTCOME, (req, ctx) -> {
            String actionId = req.getPayload().getActions().get(0).getActionId();
            TaskOutcome outcome;
            try {
                outcome = TaskOutcome.valueOf(actionId.substring(FollowUpCards.OUTCOME_PREFIX.length())
                        .toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return ctx.ack();
            }
            return decide(req, ctx, FollowUpDecisions.Action.OUTCOME, value(req), null, outcome);
        });
        app.blockAction(FollowUpCards.EDIT, this::openEdit);
        app.viewSubmission(FollowUpCards.EDIT_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            String[] meta = view.getPrivateMetadata() == null ? new String[0] : view.getPrivateMetadata().split("\\|");
            if (meta.length < 1 || meta[0].isBlank()) {
                return ctx.ack();
            }
            Map<String, Map<String, ViewState.Value>> values = view.getState() == null ? Map.of()
                    : view.getState().getValues();
            String subject = text(values, FollowUpCards.BLOCK_SUBJECT);
            String body = text(values, FollowUpCards.BLOCK_BODY);
            Map<String, String> errors = new HashMap<>();
            if (subject.isBlank() || subject.length() > FollowUpDecisions.MAX_SUBJECT) {
                errors.put(FollowUpCards.BLOCK_SUBJECT, ui() == Language.FR ? "Objet requis (250 caractères au plus)."
                        : "A subject is required (at most 250 characters).");
            }
            if (body.isBlank() || body.length() > FollowUpDecisions.MAX_BODY) {
                errors.put(FollowUpCards.BLOCK_BODY, ui() == Language.FR ? "Message requis."
                        : "A message is required.");
            }
            if (!errors.isEmpty()) {
                return ctx.ackWithErrors(errors);
            }
            CardRef card = meta.length >= 3 ? new CardRef(meta[1], meta[2]) : null;
            ports.dispatcher().dispatch(new Work.FollowUpAction(new FollowUpDecisions.Command(meta[0],
                    FollowUpDecisions.Action.EDIT_AND_SEND, null, subject, body, null,
                    req.getPayload().getUser().getId(), card)));
            return ctx.ack();
        });
        app.blockAction(InternalAnswers.APPLY_ACTION, (req, ctx) -> {
            String answerId = value(req);
            if (answerId != null && !answerId.isBlank()) {
                ports.dispatcher().dispatch(new Work.ApplyInternalAnswer(answerId,
                        req.getPayload().getUser().getId()));
            }
            return ctx.ack();
        });
    }

    private Response decide(BlockActionRequest req, ActionContext ctx, FollowUpDecisions.Action action, String id,
                            Integer days, TaskOutcome outcome) throws IOException, com.slack.api.methods.SlackApiException {
        if (id == null || id.isBlank() || !stillWaiting(id, ctx, action)) {
            return ctx.ack();
        }
        ports.dispatcher().dispatch(new Work.FollowUpAction(new FollowUpDecisions.Command(id, action, days, null,
                null, outcome, req.getPayload().getUser().getId(), card(req))));
        return ctx.ack();
    }

    private Response openEdit(BlockActionRequest req, ActionContext ctx) throws IOException,
            com.slack.api.methods.SlackApiException {
        String id = value(req);
        if (id == null || !stillWaiting(id, ctx, FollowUpDecisions.Action.EDIT_AND_SEND)) {
            return ctx.ack();
        }
        Optional<RenderedMessage> message = ports.preview().render(id);
        if (message.isEmpty()) {
            return ctx.ack();
        }
        CardRef card = card(req);
        String meta = id + (card == null ? "" : "|" + card.channel() + "|" + card.ts());
        var opened = ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId())
                .view(editView(meta, message.get())));
        if (!opened.isOk()) {
            LOG.atWarn().addKeyValue("followUpId", id).addKeyValue("error", opened.getError())
                    .log("views.open failed for edit & send");
        }
        return ctx.ack();
    }

    /** The Edit &amp; send modal: subject and message prefilled, both required. */
    View editView(String privateMetadata, RenderedMessage message) {
        return view(v -> v.type("modal").callbackId(FollowUpCards.EDIT_VIEW).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text(FollowUpCards.text(ui(), "modal_title"))))
                .submit(viewSubmit(t -> t.type("plain_text").text(FollowUpCards.text(ui(), "modal_submit"))))
                .close(viewClose(t -> t.type("plain_text").text(FollowUpCards.text(ui(), "modal_close"))))
                .blocks(List.of(
                        input(i -> i.blockId(FollowUpCards.BLOCK_SUBJECT)
                                .label(plainText(FollowUpCards.text(ui(), "subject")))
                                .element(plainTextInput(p -> p.actionId("value").maxLength(FollowUpDecisions.MAX_SUBJECT)
                                        .initialValue(Mrkdwn.cut(message.subject(), FollowUpDecisions.MAX_SUBJECT))))),
                        input(i -> i.blockId(FollowUpCards.BLOCK_BODY)
                                .label(plainText(FollowUpCards.text(ui(), "body")))
                                .element(plainTextInput(p -> p.actionId("value").multiline(true).maxLength(3000)
                                        .initialValue(Mrkdwn.cut(message.text(), 3000))))))));
    }

    /** A late click (already sent, cancelled, re-qualified) gets an ephemeral message and no work. */
    private boolean stillWaiting(String id, ActionContext ctx, FollowUpDecisions.Action action) throws IOException,
            com.slack.api.methods.SlackApiException {
        Optional<FollowUp> f = ports.preview().followUp(id);
        boolean open = f.isPresent() && (f.get().state() == FollowUpState.AWAITING_CONFIRMATION
                || action == FollowUpDecisions.Action.POSTPONE && f.get().state() == FollowUpState.PLANNED
                || action == FollowUpDecisions.Action.CANCEL && f.get().state() == FollowUpState.PLANNED);
        if (!open) {
            String state = f.map(x -> x.state().name().toLowerCase(Locale.ROOT)).orElse("?");
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(FollowUpCards.text(ui(), "already", state)));
        }
        return open;
    }

    private static CardRef card(BlockActionRequest req) {
        var c = req.getPayload().getContainer();
        return c == null || c.getChannelId() == null || c.getMessageTs() == null ? null
                : new CardRef(c.getChannelId(), c.getMessageTs());
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> b = values.get(block);
        ViewState.Value v = b == null ? null : b.get("value");
        return v == null || v.getValue() == null ? "" : v.getValue().strip();
    }

    private static String value(BlockActionRequest req) {
        return req.getPayload().getActions().get(0).getValue();
    }

    private Language ui() {
        return ports.ui();
    }
}
