package io.arfollowup.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.RuleCatalog;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Block Kit for the response card and the follow-up cards. Everything the customer wrote is escaped for mrkdwn;
 * texts stay within Slack's limits (3000 characters per section, 75 per button, 50 blocks per message).
 */
public final class ResponseCards {

    public static final int MAX_SECTION = 3000;
    public static final int MAX_TEXT_SHOWN = 2800;
    public static final int MAX_BLOCKS = 50;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language ui;
    private final ZoneId zone;
    private final RuleCatalog rules;

    public ResponseCards(Language ui, ZoneId zone, RuleCatalog rules) {
        this.ui = ui;
        this.zone = zone;
        this.rules = rules;
    }

    public Language language() {
        return ui;
    }

    public RuleCatalog rules() {
        return rules;
    }

    /** The one-line fallback text (notifications, screen readers): never the customer's words. */
    public String fallback(CardView view) {
        return view.customer() == null ? SlackText.get(ui, "unmatched")
                : SlackText.get(ui, "reply_from", view.customer().name());
    }

    public List<LayoutBlock> responseCard(CardView view) {
        Response r = view.response();
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = view.customer() == null ? SlackText.get(ui, "unmatched")
                : SlackText.get(ui, "reply_from", view.customer().name());
        blocks.add(header(h -> h.text(plainText(Mrkdwn.cut(title, 150)))));

        List<String> meta = new ArrayList<>();
        meta.add(r.channel() == ResponseChannel.EMAIL ? "✉️ " + SlackText.get(ui, "via_email")
                : "🌐 " + SlackText.get(ui, "via_web"));
        meta.add(WHEN.format(r.receivedAt().atZone(zone)));
        if (r.sender() != null) {
            meta.add(Mrkdwn.escape(r.senderName() == null ? r.sender() : r.senderName() + " (" + r.sender() + ")"));
        }
        if (!view.openItems().isEmpty()) {
            meta.add(SlackText.get(ui, "open_total", money(total(view.openItems(), false)),
                    money(total(view.openItems(), true))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(String.join(" · ", meta))))));

        if (!r.flags().isEmpty()) {
            String flags = r.flags().stream().sorted().map(f -> "⚠️ " + SlackText.get(ui, "flag_" + f.name()))
                    .collect(Collectors.joining("   "));
            blocks.add(context(c -> c.elements(List.of(markdownText(flags)))));
        }

        if (r.subject() != null && !r.subject().isBlank()) {
            blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escapeAndCut(r.subject(), 250) + "*"))));
        }
        String text = r.newText().isBlank() ? "_(vide / empty)_" : Mrkdwn.escapeAndCut(r.newText(), MAX_TEXT_SHOWN);
        blocks.add(section(s -> s.text(markdownText(quote(text)))));

        if (!r.answers().isEmpty()) {
            String answers = r.answers().stream().map(this::answer).collect(Collectors.joining("\n"));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(answers, MAX_SECTION)))));
        }
        if (!r.itemRefs().isEmpty()) {
            String refs = "*" + SlackText.get(ui, "invoices") + "* : " + Mrkdwn.escape(String.join(", ", r.itemRefs()));
            blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.cut(refs, MAX_SECTION))))));
        }
        if (!r.attachments().isEmpty()) {
            String files = "📎 " + r.attachments().stream().map(a -> Mrkdwn.escape(a.filename())
                    + " (" + Math.max(1, a.sizeBytes() / 1024) + " KB)").collect(Collectors.joining(", "));
            blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.cut(files, MAX_SECTION))))));
        }
        if (r.suggestion() != null && !r.suggestion().groups().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(suggestion(r.suggestion()), MAX_SECTION)))));
        }

        if (view.outcome() != null) {
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(outcome(view)))));
            blocks.addAll(holds(view)); // issue 7: what is out of the scenario, and a way back in
        }
        if (r.state().isOpen()) {
            // a validated answer can still be qualified or deleted later
            blocks.add(actions(a -> a.blockId("response_actions").elements(buttons(r))));
        }
        return blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks;
    }

    /** The customer's items on hold (reason, until) and a "Release" button for each (at most 5). */
    List<LayoutBlock> holds(CardView view) {
        java.time.Instant now = java.time.Instant.now();
        List<Item> held = view.openItems().stream().filter(i -> i.hold() != null && i.hold().activeAt(now)).toList();
        if (held.isEmpty()) {
            return List.of();
        }
        String list = held.stream().map(i -> i.hold().until() == null
                ? SlackText.get(ui, "hold_check", Mrkdwn.escape(i.number()), label(i.hold().reason()))
                : SlackText.get(ui, "hold_until", Mrkdwn.escape(i.number()), label(i.hold().reason()),
                        DAY.format(i.hold().until().atZone(zone)))).collect(Collectors.joining(", "));
        List<LayoutBlock> out = new ArrayList<>();
        out.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.cut(SlackText.get(ui, "on_hold", list),
                MAX_SECTION))))));
        List<BlockElement> buttons = held.stream().limit(5).map(i -> (BlockElement) button(b -> b
                .actionId(SlackIds.RELEASE_HOLD + "_" + Item.normalizeNumber(i.number()))
                .text(plainText(Mrkdwn.cut(SlackText.get(ui, "release_hold", i.number()), 75)))
                .value(i.customerId() + "|" + i.number()))).toList();
        out.add(actions(a -> a.blockId("hold_actions").elements(buttons)));
        return out;
    }

    private List<BlockElement> buttons(Response r) {
        List<BlockElement> buttons = new ArrayList<>();
        Suggestion s = r.suggestion();
        if (s != null && !s.groups().isEmpty() && s.namesItems() && r.isMatched()) {
            buttons.add(button(b -> b.actionId(SlackIds.ACCEPT_SUGGESTION).style("primary")
                    .text(plainText(SlackText.get(ui, "accept"))).value(r.id())));
        }
        buttons.add(button(b -> b.actionId(SlackIds.QUALIFY_OPEN).text(plainText(SlackText.get(ui, "qualify")))
                .value(r.id()).style(s == null || !s.namesItems() ? "primary" : null)));
        if (r.state() == ResponseState.NEW) {
            buttons.add(button(b -> b.actionId(SlackIds.VALIDATE).text(plainText(SlackText.get(ui, "validate")))
                    .value(r.id())));
        }
        buttons.add(button(b -> b.actionId(SlackIds.DELETE).style("danger")
                .text(plainText(SlackText.get(ui, "delete"))).value(r.id())
                .confirm(confirmationDialog(c -> c.title(plainText(SlackText.get(ui, "delete_confirm_title")))
                        .text(plainText(SlackText.get(ui, "delete_confirm_text")))
                        .confirm(plainText(SlackText.get(ui, "delete"))).deny(plainText(SlackText.get(ui, "cancel"))))))
        );
        if (r.newText().length() > MAX_TEXT_SHOWN) {
            buttons.add(button(b -> b.actionId(SlackIds.SHOW_FULL).text(plainText(SlackText.get(ui, "show_full")))
                    .value(r.id())));
        }
        return buttons;
    }

    private String outcome(CardView view) {
        CardView.Outcome o = view.outcome();
        String who = o.actor() == null ? "?" : (o.actor().startsWith("U") ? "<@" + o.actor() + ">" : o.actor());
        String when = WHEN.format(o.at().atZone(zone));
        ResponseState state = view.response().state();
        StringBuilder sb = new StringBuilder();
        if (state == ResponseState.QUALIFIED && o.qualification() != null) {
            sb.append(SlackText.get(ui, "qualified_by", who, when));
            o.qualification().groups().forEach(g -> sb.append("\n• *").append(label(g.statusCode())).append("* — ")
                    .append(Mrkdwn.escape(String.join(", ", g.itemNumbers())))
                    .append(g.comment() == null || g.comment().isBlank() ? "" : " — _" + Mrkdwn.escape(g.comment()) + "_"));
            for (FollowUp f : o.followUps()) {
                sb.append("\n").append(SlackText.get(ui, "next_follow_up", f.templateId(),
                        WHEN.format(f.due().atZone(f.zone()))));
            }
        } else if (state == ResponseState.DELETED) {
            sb.append(SlackText.get(ui, "deleted_by", who, when));
        } else {
            sb.append(SlackText.get(ui, "validated_by", who, when));
        }
        return Mrkdwn.cut(sb.toString(), MAX_SECTION);
    }

    private String suggestion(Suggestion s) {
        StringBuilder sb = new StringBuilder("💡 *").append(SlackText.get(ui, "suggestion")).append("* : ");
        for (int i = 0; i < s.groups().size(); i++) {
            SuggestedGroup g = s.groups().get(i);
            if (i > 0) {
                sb.append("\n      + ");
            }
            sb.append("*").append(label(g.statusCode())).append("* (")
                    .append(Math.round(g.confidence() * 100)).append(" %)");
            if (!g.itemNumbers().isEmpty()) {
                sb.append(" — ").append(Mrkdwn.escape(String.join(", ", g.itemNumbers())));
            }
            if (g.followUpDate() != null) {
                sb.append(" — ").append(SlackText.get(ui, "follow_up_on", DAY.format(g.followUpDate())));
            }
        }
        if (s.summary() != null && !s.summary().isBlank()) {
            sb.append("\n> ").append(Mrkdwn.escape(s.summary()));
        }
        if (s.evidence() != null && !s.evidence().isBlank()) {
            sb.append("\n_« ").append(Mrkdwn.escape(Mrkdwn.cut(s.evidence(), 200))).append(" »_");
        }
        return sb.toString();
    }

    private String answer(ItemAnswer a) {
        StringBuilder sb = new StringBuilder("• *").append(Mrkdwn.escape(a.itemNumber())).append("* : ")
                .append(a.choice().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (a.date() != null) {
            sb.append(" ").append(DAY.format(a.date()));
        }
        if (a.amount() != null) {
            sb.append(" ").append(money(a.amount()));
        }
        if (a.reason() != null) {
            sb.append(" (").append(a.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(")");
        }
        if (a.reference() != null) {
            sb.append(" ref ").append(Mrkdwn.escape(a.reference()));
        }
        return sb.toString();
    }

    public String label(String statusCode) {
        return rules.rule(statusCode).map(r -> r.label(ui)).orElse(statusCode);
    }

    /** A confirmation or task card for a follow-up's owner. */
    public List<LayoutBlock> followUpCard(FollowUpCard card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String kind = card.kind() == FollowUpCard.Kind.CONFIRMATION ? SlackText.get(ui, "to_confirm")
                : SlackText.get(ui, "task");
        String customer = card.customer() == null ? "" : card.customer().name();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.cut(kind + " — " + customer, 150)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(label(card.followUp().statusCode()) + " · "
                + Mrkdwn.escape(String.join(", ", card.followUp().itemNumbers())))))));
        if (card.message() != null) {
            blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escapeAndCut(card.message().subject(), 250)
                    + "*"))));
            blocks.add(section(s -> s.text(markdownText(quote(Mrkdwn.escapeAndCut(card.message().text(),
                    MAX_TEXT_SHOWN))))));
        }
        return blocks;
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    private static BigDecimal total(List<Item> items, boolean overdueOnly) {
        LocalDate today = LocalDate.now();
        BigDecimal sum = BigDecimal.ZERO;
        for (Item i : items) {
            if (i.openAmount() != null && (!overdueOnly || (i.dueDate() != null && i.dueDate().isBefore(today)))) {
                sum = sum.add(i.openAmount());
            }
        }
        return sum;
    }

    private String money(BigDecimal value) {
        NumberFormat f = NumberFormat.getCurrencyInstance(ui == Language.FR ? Locale.FRANCE : Locale.UK);
        f.setCurrency(java.util.Currency.getInstance("EUR"));
        return f.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    static boolean flagged(Response r, ResponseFlag f) {
        return r.flags().contains(f);
    }
}
