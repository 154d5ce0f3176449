package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.arfollowup.adapters.slack.Mrkdwn;
import io.arfollowup.adapters.slack.ResponseCards;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.usecase.AmendQualification;
import io.arfollowup.core.usecase.Work;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buttons of a decided card — Change owner, Edit comment (all items or one), Cancel follow-up — each a small
 * modal whose submission becomes one {@link Work} for the worker; and two read-only helpers of every card: Show full
 * message (a modal with the whole new text) and Download links (fresh attachment links, privately).
 */
final class DecidedCardActions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    static final String ALL = "*";

    private final App app;
    private final SlackApp.Ports ports;
    private final ResponseCards cards;

    DecidedCardActions(App app, SlackApp.Ports ports, QualifyModal modal, ResponseCards cards) {
        this.app = app;
        this.ports = ports;
        this.cards = cards;
    }

    private String t(String key, Object... args) {
        return SlackText.get(ports.ui(), key, args);
    }

    void register() {
        app.blockAction(SlackIds.CHANGE_OWNER, (req, ctx) -> open(req, ctx, SlackIds.OWNER_VIEW));
        app.blockAction(SlackIds.EDIT_COMMENT, (req, ctx) -> open(req, ctx, SlackIds.COMMENT_VIEW));
        app.blockAction(SlackIds.CANCEL_FOLLOW_UP, (req, ctx) -> open(req, ctx, SlackIds.CANCEL_VIEW));
        app.blockAction(SlackIds.SHOW_FULL, this::showFull);
        app.blockAction(SlackIds.ATTACHMENT_LINKS, (req, ctx) -> {
            ports.responses().get(Interactions.value(req)).ifPresent(r -> {
                try {
                    Interactions.ephemeral(req, ctx, cards.attachmentLinks(r));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return ctx.ack();
        });

        app.viewSubmission(SlackIds.OWNER_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            var values = view.getState() == null ? null : view.getState().getValues();
            String owner = Interactions.value(values, SlackIds.BLOCK_VALUE).map(ViewState.Value::getSelectedUser)
                    .orElse(null);
            if (owner == null) {
                return ctx.ackWithErrors(Map.of(SlackIds.BLOCK_VALUE, t("err_owner")));
            }
            ports.dispatcher().dispatch(new Work.ChangeOwner(view.getPrivateMetadata(), scope(values), owner,
                    req.getPayload().getUser().getId(), view.getId() + ":" + view.getHash()));
            return ctx.ack();
        });
        app.viewSubmission(SlackIds.COMMENT_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            var values = view.getState() == null ? null : view.getState().getValues();
            String comment = Interactions.value(values, SlackIds.BLOCK_VALUE).map(ViewState.Value::getValue)
                    .orElse("");
            ports.dispatcher().dispatch(new Work.EditComment(view.getPrivateMetadata(), scope(values), comment,
                    req.getPayload().getUser().getId(), view.getId() + ":" + view.getHash()));
            return ctx.ack();
        });
        app.viewSubmission(SlackIds.CANCEL_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            var values = view.getState() == null ? null : view.getState().getValues();
            List<String> ids = Interactions.value(values, SlackIds.BLOCK_VALUE)
                    .map(v -> v.getSelectedOptions() == null ? List.<String>of()
                            : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList())
                    .orElse(List.of());
            if (ids.isEmpty()) {
                return ctx.ackWithErrors(Map.of(SlackIds.BLOCK_VALUE, t("err_pick_one")));
            }
            ports.dispatcher().dispatch(new Work.CancelFollowUps(view.getPrivateMetadata(), ids,
                    req.getPayload().getUser().getId()));
            return ctx.ack();
        });
    }

    /** The chosen items: empty = all of the decision's. */
    private static List<String> scope(Map<String, Map<String, ViewState.Value>> values) {
        String chosen = Interactions.selected(values, SlackIds.BLOCK_SCOPE);
        return chosen == null || ALL.equals(chosen) ? List.of() : List.of(chosen);
    }

    private Response open(BlockActionRequest req, ActionContext ctx, String callback) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        String id = Interactions.value(req);
        Optional<io.arfollowup.core.domain.Response> found = ports.responses().get(id);
        if (found.isEmpty()) {
            Interactions.ephemeral(req, ctx, t("not_found"));
            return ctx.ack();
        }
        Optional<Qualification> latest = found.get().state() == ResponseState.QUALIFIED
                && ports.qualifications() != null ? ports.qualifications().latest(id) : Optional.empty();
        if (latest.isEmpty() || found.get().customerId() == null) {
            Interactions.ephemeral(req, ctx, t("not_qualified_yet"));
            return ctx.ack();
        }
        Qualification q = latest.get();
        List<String> numbers = AmendQualification.itemsOf(q);
        View view;
        if (callback.equals(SlackIds.CANCEL_VIEW)) {
            List<FollowUp> pending = new ArrayList<>();
            for (int g = 0; g < q.groups().size() && ports.followUps() != null; g++) {
                ports.followUps().get(Ids.followUpId(id, q.version(), g))
                        .filter(f -> f.state() == FollowUpState.PLANNED
                                || f.state() == FollowUpState.AWAITING_CONFIRMATION)
                        .ifPresent(pending::add);
            }
            if (pending.isEmpty()) {
                Interactions.ephemeral(req, ctx, t("no_follow_ups"));
                return ctx.ack();
            }
            view = cancelView(id, pending);
        } else {
            Item first = ports.items().get(found.get().customerId(), numbers.isEmpty() ? "" : numbers.get(0))
                    .orElse(null);
            view = callback.equals(SlackIds.OWNER_VIEW) ? ownerView(id, numbers, first) : commentView(id, numbers,
                    first);
        }
        View v0 = view;
        var opened = ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId()).view(v0));
        if (!opened.isOk() && "expired_trigger_id".equals(opened.getError())) {
            Interactions.ephemeral(req, ctx, ports.ui() == io.arfollowup.core.domain.Language.FR
                    ? "Slack a mis trop de temps à ouvrir le formulaire. Cliquez à nouveau."
                    : "Slack took too long to open the form. Click again.");
        }
        return ctx.ack();
    }

    private List<LayoutBlock> scopeBlocks(List<String> numbers) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.escapeAndCut(String.join(", ", numbers),
                2900))))));
        if (numbers.size() > 1) {
            List<OptionObject> options = new ArrayList<>();
            OptionObject all = option(plainText(t("scope_all")), ALL);
            options.add(all);
            for (String n : numbers.subList(0, Math.min(99, numbers.size()))) {
                options.add(option(plainText(Mrkdwn.cut(n, 75)), n));
            }
            blocks.add(input(b -> b.blockId(SlackIds.BLOCK_SCOPE).label(plainText(t("scope")))
                    .element(staticSelect(s -> s.actionId(SlackIds.ACTION).options(options).initialOption(all)))));
        }
        return blocks;
    }

    private View ownerView(String responseId, List<String> numbers, Item first) {
        List<LayoutBlock> blocks = scopeBlocks(numbers);
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_VALUE).label(plainText(t("new_owner")))
                .element(usersSelect(u -> {
                    u.actionId(SlackIds.ACTION);
                    if (first != null && first.owner() != null && first.owner().matches("[UW][A-Z0-9]+")) {
                        u.initialUser(first.owner());
                    }
                    return u;
                }))));
        return modal(SlackIds.OWNER_VIEW, responseId, "owner_title", "save", blocks);
    }

    private View commentView(String responseId, List<String> numbers, Item first) {
        List<LayoutBlock> blocks = scopeBlocks(numbers);
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_VALUE).optional(true).label(plainText(t("comment")))
                .element(plainTextInput(p -> {
                    p.actionId(SlackIds.ACTION).multiline(true).maxLength(2000);
                    if (first != null && first.comment() != null && !first.comment().isBlank()) {
                        p.initialValue(Mrkdwn.cut(first.comment(), 2000));
                    }
                    return p;
                }))));
        return modal(SlackIds.COMMENT_VIEW, responseId, "comment_title", "save", blocks);
    }

    private View cancelView(String responseId, List<FollowUp> pending) {
        List<OptionObject> options = new ArrayList<>();
        for (FollowUp f : pending.subList(0, Math.min(10, pending.size()))) {
            String name = ports.rules().template(f.templateId()).map(x -> x.name() == null ? x.id()
                    : x.name().in(ports.ui())).orElse(String.valueOf(f.templateId()));
            options.add(option(plainText(Mrkdwn.cut(name + " · " + WHEN.format(f.due().atZone(f.zone())) + " · "
                    + String.join(", ", f.itemNumbers()), 75)), f.id()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_VALUE).label(plainText(t("which_follow_ups")))
                .element(checkboxes(c -> c.actionId(SlackIds.ACTION).options(options).initialOptions(options)))));
        return modal(SlackIds.CANCEL_VIEW, responseId, "cancel_title", "confirm_cancel", blocks);
    }

    private View modal(String callback, String responseId, String title, String submit, List<LayoutBlock> blocks) {
        return view(v -> v.type("modal").callbackId(callback).privateMetadata(responseId)
                .title(viewTitle(x -> x.type("plain_text").text(t(title))))
                .submit(viewSubmit(x -> x.type("plain_text").text(t(submit))))
                .close(viewClose(x -> x.type("plain_text").text(t("cancel"))))
                .blocks(blocks));
    }

    /** The whole new text (up to the stored 20 000 characters) in sections of 2 900, and the full text's link. */
    private Response showFull(BlockActionRequest req, ActionContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        Optional<io.arfollowup.core.domain.Response> found = ports.responses().get(Interactions.value(req));
        if (found.isEmpty()) {
            return ctx.ack();
        }
        io.arfollowup.core.domain.Response r = found.get();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (r.subject() != null && !r.subject().isBlank()) {
            blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escapeAndCut(r.subject().strip(), 250) + "*"))));
        }
        String escaped = Mrkdwn.escape(r.newText());
        for (int from = 0; from < escaped.length() && blocks.size() < 95; ) {
            int to = Math.min(escaped.length(), from + 2900);
            if (to < escaped.length()) {
                int amp = escaped.lastIndexOf('&', to);
                if (amp > to - 6 && amp > from) {
                    to = amp; // never split an entity (&amp; &lt; &gt;)
                }
            }
            String chunk = escaped.substring(from, to);
            blocks.add(section(s -> s.text(markdownText(chunk))));
            from = to;
        }
        if (r.has(ResponseFlag.TRUNCATED) && r.fullTextKey() != null) {
            ports.links().apply(r.fullTextKey()).ifPresent(url -> blocks.add(context(c -> c.elements(List.of(
                    markdownText(t("full_text_more", "<" + Mrkdwn.escape(url) + "|" + t("fresh_links") + ">")))))));
        }
        View view = view(v -> v.type("modal").callbackId(SlackIds.FULL_TEXT_VIEW).privateMetadata(r.id())
                .title(viewTitle(x -> x.type("plain_text").text(t("full_text_title"))))
                .close(viewClose(x -> x.type("plain_text").text(t("close"))))
                .blocks(blocks));
        ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId()).view(view));
        return ctx.ack();
    }
}
