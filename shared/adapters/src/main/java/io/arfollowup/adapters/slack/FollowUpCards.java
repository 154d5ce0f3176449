package io.arfollowup.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.TaskOutcome;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.RuleCatalog;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Block Kit for follow-up cards and their buttons (issue 6). Confirmation: the rendered message, then Send now,
 * Edit &amp; send (modal), Postpone +N days (a select), Cancel (with a confirmation dialog). Task (call, task, print
 * and post): the outcome buttons and Postpone. Every button carries the follow-up id; the worker's conditional writes
 * make each click count once. Texts exist in French and English.
 */
public final class FollowUpCards {

    public static final String SEND = "fu_send";
    public static final String EDIT = "fu_edit";
    public static final String POSTPONE = "fu_postpone";
    public static final String CANCEL = "fu_cancel";
    public static final String OUTCOME_PREFIX = "fu_outcome_";
    public static final Pattern OUTCOME = Pattern.compile("^fu_outcome_[a-z_]+$");
    public static final String EDIT_VIEW = "fu_edit_modal";
    public static final String BLOCK_SUBJECT = "fu_subject";
    public static final String BLOCK_BODY = "fu_body";
    public static final int[] POSTPONE_DAYS = {1, 2, 3, 7, 14, 30};

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("confirm", new String[] {"À confirmer", "To confirm"}),
            Map.entry("task", new String[] {"Tâche", "Task"}),
            Map.entry("call", new String[] {"Appel", "Call"}),
            Map.entry("print", new String[] {"Imprimer et poster", "Print and post"}),
            Map.entry("send", new String[] {"Envoyer maintenant", "Send now"}),
            Map.entry("edit", new String[] {"Modifier et envoyer", "Edit & send"}),
            Map.entry("postpone", new String[] {"Reporter de…", "Postpone by…"}),
            Map.entry("days", new String[] {"+%d j", "+%d d"}),
            Map.entry("cancel", new String[] {"Annuler", "Cancel"}),
            Map.entry("cancel_title", new String[] {"Annuler la relance ?", "Cancel this follow-up?"}),
            Map.entry("cancel_text", new String[] {"Rien ne sera envoyé.", "Nothing will be sent."}),
            Map.entry("keep", new String[] {"Garder", "Keep"}),
            Map.entry("to", new String[] {"Destinataire : %s", "To: %s"}),
            Map.entry("due", new String[] {"Prévue le %s", "Due %s"}),
            Map.entry("letter", new String[] {"Courrier PDF : `%s`", "Letter PDF: `%s`"}),
            Map.entry("posted", new String[] {"Posté", "Posted"}),
            Map.entry("modal_title", new String[] {"Modifier et envoyer", "Edit & send"}),
            Map.entry("modal_submit", new String[] {"Envoyer", "Send"}),
            Map.entry("modal_close", new String[] {"Annuler", "Cancel"}),
            Map.entry("subject", new String[] {"Objet", "Subject"}),
            Map.entry("body", new String[] {"Message", "Message"}),
            Map.entry("already", new String[] {"Cette relance est déjà traitée : %s.", "This follow-up is already handled: %s."}),
            Map.entry("queued", new String[] {"C'est noté, un instant…", "Got it, one moment…"}));

    private final Language ui;
    private final RuleCatalog rules;

    public FollowUpCards(Language ui, RuleCatalog rules) {
        this.ui = ui;
        this.rules = rules;
    }

    public static String text(Language ui, String key, Object... args) {
        String s = TEXT.get(key)[ui == Language.FR ? 0 : 1];
        return args.length == 0 ? s : String.format(s, args);
    }

    /** For tests: every key in both languages. */
    public static Map<String, String[]> texts() {
        return TEXT;
    }

    public String fallback(FollowUpCard card) {
        return title(card) + (card.customer() == null ? "" : " — " + card.customer().name());
    }

    /** The card with its buttons. */
    public List<LayoutBlock> card(FollowUpCard card) {
        List<LayoutBlock> blocks = head(card);
        String id = card.followUp().id();
        List<BlockElement> buttons = new ArrayList<>();
        if (card.kind() == FollowUpCard.Kind.CONFIRMATION) {
            buttons.add(button(b -> b.actionId(SEND).style("primary").text(plainText(text(ui, "send"))).value(id)));
            buttons.add(button(b -> b.actionId(EDIT).text(plainText(text(ui, "edit"))).value(id)));
        } else {
            List<TaskOutcome> outcomes = card.channel() == ActionChannel.LETTER ? List.of(TaskOutcome.DONE)
                    : List.of(TaskOutcome.values());
            for (TaskOutcome o : outcomes) {
                String label = card.channel() == ActionChannel.LETTER ? text(ui, "posted") : o.label(ui);
                buttons.add(button(b -> b.actionId(OUTCOME_PREFIX + o.name().toLowerCase(Locale.ROOT))
                        .style(o == TaskOutcome.DONE ? "primary" : null).text(plainText(label)).value(id)));
            }
        }
        List<OptionObject> days = new ArrayList<>();
        for (int d : POSTPONE_DAYS) {
            days.add(option(plainText(text(ui, "days", d)), d + "|" + id));
        }
        buttons.add(staticSelect(s -> s.actionId(POSTPONE).placeholder(plainText(text(ui, "postpone")))
                .options(days)));
        if (card.kind() == FollowUpCard.Kind.CONFIRMATION) {
            buttons.add(button(b -> b.actionId(CANCEL).style("danger").text(plainText(text(ui, "cancel"))).value(id)
                    .confirm(confirmationDialog(c -> c.title(plainText(text(ui, "cancel_title")))
                            .text(plainText(text(ui, "cancel_text"))).confirm(plainText(text(ui, "cancel")))
                            .deny(plainText(text(ui, "keep")))))));
        }
        blocks.add(actions(a -> a.blockId("fu_actions").elements(buttons)));
        return blocks;
    }

    /** The card once its owner acted: same head, the outcome instead of the buttons. */
    public List<LayoutBlock> done(FollowUpCard card, Labels outcome) {
        List<LayoutBlock> blocks = head(card);
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(escapeKeepingMentions(outcome.in(ui)),
                ResponseCards.MAX_SECTION)))));
        return blocks;
    }

    private List<LayoutBlock> head(FollowUpCard card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String customer = card.customer() == null ? "" : card.customer().name();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.cut(title(card) + (customer.isEmpty() ? "" : " — " + customer),
                150)))));
        List<String> meta = new ArrayList<>();
        meta.add(label(card.followUp().statusCode()));
        meta.add(Mrkdwn.escape(String.join(", ", card.followUp().itemNumbers())));
        meta.add(text(ui, "due", WHEN.format(card.followUp().dueLocal())));
        if (card.recipient() != null) {
            meta.add(text(ui, "to", Mrkdwn.escape(card.recipient())));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.cut(String.join(" · ", meta), 3000))))));
        if (card.message() != null) {
            blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escapeAndCut(card.message().subject(), 250)
                    + "*"))));
            blocks.add(section(s -> s.text(markdownText("> " + Mrkdwn.escapeAndCut(card.message().text(),
                    ResponseCards.MAX_TEXT_SHOWN).replace("\n", "\n> ")))));
        }
        if (card.documentKey() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(text(ui, "letter",
                    Mrkdwn.escape(card.documentKey())))))));
        }
        return blocks;
    }

    private String title(FollowUpCard card) {
        if (card.kind() == FollowUpCard.Kind.CONFIRMATION) {
            return "✋ " + text(ui, "confirm");
        }
        return Optional.ofNullable(card.channel()).map(ch -> switch (ch) {
            case CALL -> "📞 " + text(ui, "call");
            case LETTER -> "✉️ " + text(ui, "print");
            default -> "☑️ " + text(ui, "task");
        }).orElse("☑️ " + text(ui, "task"));
    }

    private String label(String statusCode) {
        return statusCode == null ? "" : rules.rule(statusCode).map(r -> r.label(ui)).orElse(statusCode);
    }

    /**
     * Escapes for mrkdwn, then gives back what our own texts mean as markup: user mentions ({@code <@U123>}) and
     * quote marks at the start of a line. Anything else that looked like markup stays inert.
     */
    public static String escapeKeepingMentions(String text) {
        return Mrkdwn.escape(text).replaceAll("&lt;@([UW][A-Z0-9]{2,})&gt;", "<@$1>")
                .replaceAll("(^|\\n)&gt; ", "$1> ");
    }
}
