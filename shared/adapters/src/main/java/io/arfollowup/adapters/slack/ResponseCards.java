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
import static com.slack.api.model.block.element.BlockElements.externalSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.RuleCatalog;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Block Kit for the response card and the follow-up cards. Everything the customer wrote is escaped for mrkdwn;
 * the builders keep Slack's limits (50 blocks per message, 3000 characters per text, 75 per button, unique action
 * ids), so no input can make Slack refuse a card.
 * <p>The card: customer, open and overdue totals, channel, time, sender, flags, the new text (cut, with
 * <i>Show full message</i>), the web form's answers, invoices found, attachments (short-lived links), the
 * suggestion; then Accept suggestion / Qualify… / Validate / Delete. An unmatched response gets a customer picker
 * instead. Once decided, the outcome (who, when, what, next follow-ups) and, when qualified, Change owner / Edit
 * comment / Cancel follow-up / Re-qualify.
 */
public final class ResponseCards {

    public static final int MAX_SECTION = 3000;
    public static final int MAX_TEXT_SHOWN = 2800;
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_BUTTON = 75;
    public static final int MAX_ATTACHMENTS_LISTED = 20;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language ui;
    private final ZoneId zone;
    private final RuleCatalog rules;
    private final Clock clock;
    private final Function<String, Optional<String>> links;
    private final Duration linkTtl;

    public ResponseCards(Language ui, ZoneId zone, RuleCatalog rules) {
        this(ui, zone, rules, Clock.systemUTC(), key -> Optional.empty(), Duration.ZERO);
    }

    /** {@code links}: a short-lived download link for an object key of the mail bucket (empty: name only). */
    public ResponseCards(Language ui, ZoneId zone, RuleCatalog rules, Clock clock,
                         Function<String, Optional<String>> links, Duration linkTtl) {
        this.ui = ui;
        this.zone = zone;
        this.rules = rules;
        this.clock = clock;
        this.links = links;
        this.linkTtl = linkTtl;
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
            meta.add(Mrkdwn.escape(Mrkdwn.cut(r.senderName() == null ? r.sender()
                    : r.senderName() + " (" + r.sender() + ")", 300)));
        }
        if (!view.openItems().isEmpty()) {
            meta.add(SlackText.get(ui, "open_total", money(total(view.openItems(), false)),
                    money(total(view.openItems(), true))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.cut(String.join(" · ", meta), MAX_SECTION))))));

        if (!r.flags().isEmpty()) {
            String flags = r.flags().stream().sorted().map(f -> "⚠️ " + SlackText.get(ui, "flag_" + f.name()))
                    .collect(Collectors.joining("   "));
            blocks.add(context(c -> c.elements(List.of(markdownText(flags)))));
        }

        if (r.subject() != null && !r.subject().isBlank()) {
            blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escapeAndCut(r.subject().strip(), 250) + "*"))));
        }
        boolean cut = isCut(r);
        String text = r.newText().isBlank() ? SlackText.get(ui, "no_text")
                : quote(Mrkdwn.escapeAndCut(r.newText(), MAX_TEXT_SHOWN));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(text, MAX_SECTION)))));

        if (!r.answers().isEmpty()) {
            String answers = "*" + SlackText.get(ui, "web_answers") + "*\n"
                    + r.answers().stream().map(this::answer).collect(Collectors.joining("\n"));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(answers, MAX_SECTION)))));
        }
        if (!r.itemRefs().isEmpty()) {
            String refs = "*" + SlackText.get(ui, "invoices") + "* : " + Mrkdwn.escape(String.join(", ", r.itemRefs()));
            blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.cut(refs, MAX_SECTION))))));
        }
        if (!r.attachments().isEmpty()) {
            String files = attachments(r.attachments());
            blocks.add(context(c -> c.elements(List.of(markdownText(files)))));
        }
        if (r.suggestion() != null && !r.suggestion().groups().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(suggestion(r.suggestion()), MAX_SECTION)))));
        }

        if (view.outcome() != null) {
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(outcome(view)))));
            if (r.state() == ResponseState.QUALIFIED) {
                blocks.add(actions(a -> a.blockId(SlackIds.BLOCK_DECIDED_ACTIONS).elements(decidedButtons(view, cut))));
            } else if (cut && !r.state().isOpen()) {
                blocks.add(actions(a -> a.blockId(SlackIds.BLOCK_DECIDED_ACTIONS).elements(List.of(showFull(r)))));
            }
            blocks.addAll(holds(view)); // issue 7: what is out of the scenario, and a way back in
        }
        if (r.state().isOpen()) {
            // NEW, or VALIDATED (kept without qualification): it can still be qualified or deleted later
            if (!r.isMatched()) {
                blocks.add(section(s -> s.blockId(SlackIds.BLOCK_TRIAGE + "|" + r.id()).text(markdownText(SlackText.get(ui,
                        "triage_hint"))).accessory(externalSelect(e -> e.actionId(SlackIds.TRIAGE_CUSTOMER)
                        .placeholder(plainText(SlackText.get(ui, "triage_placeholder"))).minQueryLength(2)))));
            }
            blocks.add(actions(a -> a.blockId(SlackIds.BLOCK_RESPONSE_ACTIONS).elements(buttons(r, cut))));
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

    /** True when the card shows only the beginning of the text (the full message opens in a modal). */
    public static boolean isCut(Response r) {
        return r.newText().length() > MAX_TEXT_SHOWN || Mrkdwn.escape(r.newText()).length() > MAX_TEXT_SHOWN
                || r.has(ResponseFlag.TRUNCATED);
    }

    /** Accept suggestion is offered when it can qualify in one click: items named, or a NONE status (= Validate). */
    public boolean acceptable(Response r) {
        Suggestion s = r.suggestion();
        if (s == null || s.groups().isEmpty() || !r.isMatched()) {
            return false;
        }
        return s.namesItems() || isNone(s);
    }

    /** A suggestion whose statuses are all of type NONE (out of office, no action): accepting it = Validate. */
    public boolean isNone(Suggestion s) {
        return !s.groups().isEmpty() && s.groups().stream().allMatch(g -> g.type() == StatusType.NONE
                || rules.rule(g.statusCode()).map(x -> x.type() == StatusType.NONE).orElse(false));
    }

    private List<BlockElement> buttons(Response r, boolean cut) {
        List<BlockElement> buttons = new ArrayList<>();
        boolean accept = acceptable(r);
        if (accept) {
            buttons.add(button(b -> b.actionId(SlackIds.ACCEPT_SUGGESTION).style("primary")
                    .text(plainText(text("accept"))).value(r.id())));
        }
        if (r.isMatched()) {
            buttons.add(button(b -> b.actionId(SlackIds.QUALIFY_OPEN).text(plainText(text("qualify")))
                    .value(r.id()).style(accept ? null : "primary")));
        }
        if (r.state() == ResponseState.NEW) {
            buttons.add(button(b -> b.actionId(SlackIds.VALIDATE).text(plainText(text("validate"))).value(r.id())));
        }
        buttons.add(button(b -> b.actionId(SlackIds.DELETE).style("danger")
                .text(plainText(text("delete"))).value(r.id())
                .confirm(confirmationDialog(c -> c.title(plainText(Mrkdwn.cut(SlackText.get(ui, "delete_confirm_title"),
                                100)))
                        .text(plainText(SlackText.get(ui, "delete_confirm_text")))
                        .confirm(plainText(text("delete"))).deny(plainText(text("cancel")))))));
        if (cut) {
            buttons.add(showFull(r));
        }
        if (!r.attachments().isEmpty()) {
            buttons.add(button(b -> b.actionId(SlackIds.ATTACHMENT_LINKS).text(plainText(text("fresh_links")))
                    .value(r.id())));
        }
        return buttons;
    }

    private BlockElement showFull(Response r) {
        return button(b -> b.actionId(SlackIds.SHOW_FULL).text(plainText(text("show_full"))).value(r.id()));
    }

    private List<BlockElement> decidedButtons(CardView view, boolean cut) {
        Response r = view.response();
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(button(b -> b.actionId(SlackIds.CHANGE_OWNER).text(plainText(text("change_owner")))
                .value(r.id())));
        buttons.add(button(b -> b.actionId(SlackIds.EDIT_COMMENT).text(plainText(text("edit_comment")))
                .value(r.id())));
        boolean pending = view.outcome().followUps().stream().anyMatch(f -> !f.state().isFinal()
                && f.state() != io.arfollowup.core.domain.FollowUpState.RUNNING);
        if (pending) {
            buttons.add(button(b -> b.actionId(SlackIds.CANCEL_FOLLOW_UP).text(plainText(text("cancel_follow_up")))
                    .value(r.id())));
        }
        buttons.add(button(b -> b.actionId(SlackIds.REQUALIFY).text(plainText(text("requalify"))).value(r.id())));
        if (cut) {
            buttons.add(showFull(r));
        }
        return buttons;
    }

    private String text(String key) {
        return Mrkdwn.cut(SlackText.get(ui, key), MAX_BUTTON);
    }

    private String attachments(List<AttachmentRef> files) {
        StringBuilder sb = new StringBuilder("📎 ");
        int shown = 0;
        boolean linked = false;
        for (AttachmentRef a : files) {
            if (shown == MAX_ATTACHMENTS_LISTED) {
                sb.append(" ").append(SlackText.get(ui, "history_more", files.size() - shown));
                break;
            }
            String name = Mrkdwn.escape(Mrkdwn.cut(a.filename() == null ? "?" : a.filename(), 80)).replace('|', '¦');
            String size = " (" + Math.max(1, a.sizeBytes() / 1024) + " KB)";
            Optional<String> link = a.executable() ? Optional.empty() : links.apply(a.key());
            String entry = (link.isPresent() ? "<" + Mrkdwn.escape(link.get()) + "|" + name + ">" : name) + size;
            if (sb.length() + entry.length() + 200 > MAX_SECTION) {
                sb.append(" ").append(SlackText.get(ui, "history_more", files.size() - shown));
                break;
            }
            sb.append(shown == 0 ? "" : ", ").append(entry);
            linked |= link.isPresent();
            shown++;
        }
        if (linked && !linkTtl.isZero()) {
            sb.append("  _(").append(SlackText.get(ui, "links_valid", human(linkTtl))).append(")_");
        }
        return sb.toString();
    }

    /** Attachment links for the ephemeral "Download links" answer. */
    public String attachmentLinks(Response r) {
        return SlackText.get(ui, "fresh_links_text", human(linkTtl)) + "\n" + attachments(r.attachments());
    }

    private String human(Duration d) {
        long hours = d.toHours();
        if (hours >= 24) {
            return hours / 24 + (ui == Language.FR ? " j" : " d");
        }
        return hours >= 1 ? hours + " h" : Math.max(1, d.toMinutes()) + " min";
    }

    private String outcome(CardView view) {
        CardView.Outcome o = view.outcome();
        String who = mention(o.actor());
        String when = WHEN.format(o.at().atZone(zone));
        ResponseState state = view.response().state();
        StringBuilder sb = new StringBuilder();
        if (state == ResponseState.QUALIFIED && o.qualification() != null) {
            sb.append(SlackText.get(ui, "qualified_by", who, when));
            Map<String, Item> open = view.openItems().stream().collect(Collectors.toMap(Item::number, i -> i,
                    (a, b) -> a));
            for (QualificationGroup g : o.qualification().groups()) {
                // owner and comment as they stand now (Change owner / Edit comment), else as decided
                Item first = g.itemNumbers().isEmpty() ? null : open.get(g.itemNumbers().get(0));
                String owner = first != null ? first.owner() : g.owner();
                String comment = first != null ? first.comment() : g.comment();
                sb.append("\n• *").append(label(g.statusCode(), true)).append("*");
                if (!g.itemNumbers().isEmpty()) {
                    sb.append(" — ").append(Mrkdwn.escape(String.join(", ", g.itemNumbers())));
                }
                if (owner != null && !owner.isBlank()) {
                    sb.append(" — ").append(SlackText.get(ui, "owner_short")).append(" ").append(mention(owner));
                }
                if (comment != null && !comment.isBlank()) {
                    sb.append(" — _").append(Mrkdwn.escapeAndCut(comment.replace('\n', ' '), 300)).append("_");
                }
            }
            for (FollowUp f : o.followUps()) {
                String name = rules.template(f.templateId()).map(t -> t.name() == null ? t.id() : t.name().in(ui))
                        .orElse(String.valueOf(f.templateId()));
                sb.append("\n").append(SlackText.get(ui, "next_follow_up", Mrkdwn.escape(name),
                        WHEN.format(f.due().atZone(f.zone())))).append(" (")
                        .append(SlackText.get(ui, "fu_" + f.state().name())).append(")");
            }
        } else if (state == ResponseState.DELETED) {
            sb.append(SlackText.get(ui, "deleted_by", who, when));
        } else {
            sb.append(SlackText.get(ui, "validated_by", who, when));
        }
        return Mrkdwn.cut(sb.toString(), MAX_SECTION);
    }

    static String mention(String user) {
        if (user == null) {
            return "?";
        }
        return user.matches("[UW][A-Z0-9]{2,20}") ? "<@" + user + ">" : Mrkdwn.escape(user);
    }

    private String suggestion(Suggestion s) {
        StringBuilder sb = new StringBuilder("💡 *").append(SlackText.get(ui, "suggestion")).append("* : ");
        for (int i = 0; i < s.groups().size() && i < 10; i++) {
            SuggestedGroup g = s.groups().get(i);
            if (i > 0) {
                sb.append("\n      + ");
            }
            sb.append("*").append(label(g.statusCode(), true)).append("* (")
                    .append(SlackText.get(ui, "confidence")).append(" ")
                    .append(Math.round(g.confidence() * 100)).append(" %)");
            if (!g.itemNumbers().isEmpty()) {
                sb.append(" — ").append(Mrkdwn.escape(Mrkdwn.cut(String.join(", ", g.itemNumbers()), 200)));
            }
            if (g.promisedDate() != null) {
                sb.append(" — ").append(SlackText.get(ui, "promised")).append(" ").append(DAY.format(g.promisedDate()));
            }
            Optional<StatusRule> rule = rules.rule(g.statusCode());
            String template = g.templateId() != null ? g.templateId() : rule.map(StatusRule::templateId).orElse(null);
            if (g.followUpDate() != null) {
                String name = template == null ? "" : rules.template(template)
                        .map(t -> t.name() == null ? t.id() : t.name().in(ui)).orElse(template) + ", ";
                sb.append(" — ").append(Mrkdwn.escape(name))
                        .append(SlackText.get(ui, "follow_up_on", DAY.format(g.followUpDate())));
            }
        }
        if (s.summary() != null && !s.summary().isBlank()) {
            sb.append("\n> ").append(Mrkdwn.escapeAndCut(s.summary().replace('\n', ' '), 600));
        }
        if (s.evidence() != null && !s.evidence().isBlank()) {
            sb.append("\n_« ").append(Mrkdwn.escapeAndCut(s.evidence().replace('\n', ' '), 200)).append(" »_");
        }
        return sb.toString();
    }

    private String answer(ItemAnswer a) {
        StringBuilder sb = new StringBuilder("• *").append(Mrkdwn.escape(a.itemNumber())).append("* : ")
                .append(SlackText.get(ui, "answer_" + a.choice().name()));
        if (a.date() != null) {
            sb.append(" ").append(DAY.format(a.date()));
        }
        if (a.amount() != null) {
            sb.append(" ").append(money(a.amount()));
        }
        if (a.reason() != null) {
            sb.append(" (").append(SlackText.get(ui, "reason_" + a.reason().name())).append(")");
        }
        if (a.reference() != null) {
            sb.append(" ref ").append(Mrkdwn.escape(Mrkdwn.cut(a.reference(), 100)));
        }
        return sb.toString();
    }

    public String label(String statusCode) {
        return rules.rule(statusCode).map(r -> r.label(ui)).orElse(statusCode);
    }

    private String label(String statusCode, boolean escaped) {
        return escaped ? Mrkdwn.escape(label(statusCode)) : label(statusCode);
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    private BigDecimal total(List<Item> items, boolean overdueOnly) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        BigDecimal sum = BigDecimal.ZERO;
        for (Item i : items) {
            if (i.openAmount() != null && (!overdueOnly || (i.dueDate() != null && i.dueDate().isBefore(today)))) {
                sum = sum.add(i.openAmount());
            }
        }
        return sum;
    }

    String money(BigDecimal value) {
        NumberFormat f = NumberFormat.getCurrencyInstance(ui == Language.FR ? Locale.FRANCE : Locale.UK);
        f.setCurrency(java.util.Currency.getInstance("EUR"));
        return f.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    static boolean flagged(Response r, ResponseFlag f) {
        return r.flags().contains(f);
    }
}
