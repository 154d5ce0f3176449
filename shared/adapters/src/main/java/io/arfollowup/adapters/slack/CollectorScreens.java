package io.arfollowup.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.CollectionsIndex;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.usecase.CustomerHistory;
import io.arfollowup.core.usecase.HomeOverview;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Block Kit for the collector's screens: the Home tab ({@code views.publish}, at most 100 blocks) and the
 * {@code /ar} history modal (at most 100 blocks). Lists are cut with "… and N more"; every text stays within 3000
 * characters and everything a customer wrote is escaped.
 */
public final class CollectorScreens {

    public static final int MAX_HOME_BLOCKS = 100;
    public static final int MAX_VIEW_BLOCKS = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language ui;
    private final ZoneId zone;
    private final RuleCatalog rules;
    private final ResponseCards cards;

    public CollectorScreens(Language ui, ZoneId zone, RuleCatalog rules) {
        this.ui = ui;
        this.zone = zone;
        this.rules = rules;
        this.cards = new ResponseCards(ui, zone, rules);
    }

    private String t(String key, Object... args) {
        return SlackText.get(ui, key, args);
    }

    // ---- App Home ----

    public View home(HomeOverview.Home home) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(t("home_title")))));
        blocks.add(actions(a -> a.blockId("home_top").elements(List.of(button(b -> b.actionId(SlackIds.HOME_REFRESH)
                .text(plainText(t("home_refresh"))).value("refresh"))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(t("home_updated",
                WHEN.format(home.at().atZone(zone))))))));

        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText("*" + t("home_to_qualify", home.toQualifyTotal()) + "*"))));
        for (HomeOverview.Pending p : home.toQualify()) {
            Response r = p.response();
            String who = p.customerName() == null ? "_" + t("unmatched") + "_" : "*" + Mrkdwn.escape(p.customerName())
                    + "*" + (p.mine() ? "" : " (" + t("home_unassigned") + ")");
            String line = who + " · " + WHEN.format(r.receivedAt().atZone(zone)) + "\n> "
                    + Mrkdwn.escapeAndCut(r.newText().isBlank() ? String.valueOf(r.subject())
                    : r.newText().replaceAll("\\s+", " "), 200);
            if (p.customerName() != null) {
                blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(line, 3000))).accessory(button(b -> b
                        .actionId(SlackIds.QUALIFY_OPEN).text(plainText(t("qualify"))).value(r.id())))));
            } else {
                blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(line, 3000)))));
            }
        }
        more(blocks, home.toQualifyTotal(), home.toQualify().size());

        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText("*" + t("home_confirm", home.awaitingConfirmation().size())
                + "*\n" + followUpLines(home.awaitingConfirmation(), home.customerNames())))));
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText("*" + t("home_due", home.dueThisWeekTotal()) + "*\n"
                + followUpLines(home.dueThisWeek(), home.customerNames())))));
        more(blocks, home.dueThisWeekTotal(), home.dueThisWeek().size());

        blocks.add(divider());
        StringBuilder disputes = new StringBuilder("*" + t("home_disputes", home.disputesTotal()) + "*");
        for (HomeOverview.Dispute d : home.disputes()) {
            Item i = d.item();
            long days = d.since() == null ? 0 : Math.max(0, Duration.between(d.since(), home.at()).toDays());
            disputes.append("\n• ").append(t("home_days", days)).append(" · *")
                    .append(Mrkdwn.escape(d.customerName() == null ? i.customerId() : d.customerName())).append("* · ")
                    .append(Mrkdwn.escape(i.number())).append(" · ").append(Mrkdwn.escape(cards.label(i.status())))
                    .append(" · ").append(cards.money(i.openAmount() == null ? BigDecimal.ZERO : i.openAmount()));
            if (i.owner() != null) {
                disputes.append(" · ").append(ResponseCards.mention(i.owner()));
            }
        }
        if (home.disputes().isEmpty()) {
            disputes.append("\n").append(t("history_none_short"));
        }
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(disputes.toString(), 3000)))));

        blocks.add(divider());
        HomeOverview.Figures f = home.figures();
        blocks.add(section(s -> s.text(markdownText("*" + t("home_figures", DAY.format(f.weekStart())) + "*\n"
                + t("home_figures_line", f.received(), f.qualified(), f.accepted(), f.edited(), f.rejected())))));
        List<LayoutBlock> capped = blocks.size() > MAX_HOME_BLOCKS ? blocks.subList(0, MAX_HOME_BLOCKS) : blocks;
        return view(v -> v.type("home").callbackId("home").blocks(capped));
    }

    private void more(List<LayoutBlock> blocks, int total, int shown) {
        if (total > shown) {
            blocks.add(context(c -> c.elements(List.of(markdownText(t("history_more", total - shown))))));
        }
    }

    private String followUpLines(List<FollowUp> followUps, Map<String, String> names) {
        if (followUps.isEmpty()) {
            return t("history_none_short");
        }
        StringBuilder sb = new StringBuilder();
        for (FollowUp f : followUps) {
            if (sb.length() > 2500) {
                sb.append("\n…");
                break;
            }
            String template = rules.template(f.templateId()).map(x -> x.name() == null ? x.id() : x.name().in(ui))
                    .orElse(String.valueOf(f.templateId()));
            sb.append(sb.length() == 0 ? "" : "\n").append("• ").append(WHEN.format(f.due().atZone(f.zone())))
                    .append(" · *").append(Mrkdwn.escape(names.getOrDefault(f.customerId(), String.valueOf(f.customerId()))))
                    .append("* · ").append(Mrkdwn.escape(template)).append(" · ")
                    .append(Mrkdwn.escape(Mrkdwn.cut(String.join(", ", f.itemNumbers()), 120)));
            if (f.owner() != null) {
                sb.append(" · ").append(ResponseCards.mention(f.owner()));
            }
        }
        return sb.toString();
    }

    // ---- /ar history ----

    /** The modal opened at once by the command, filled in by the worker. */
    public View historyLoading(String query) {
        return historyView(List.of(section(s -> s.text(markdownText(t("history_loading",
                Mrkdwn.escapeAndCut(query, 200)))))), query);
    }

    public View history(CustomerHistory.Page page) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (page.query().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(t("history_usage")))));
        } else if (!page.found() && page.candidates().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(t("history_none", Mrkdwn.escapeAndCut(page.query(), 200))))));
        } else if (!page.found()) {
            blocks.add(section(s -> s.text(markdownText(t("history_pick", Mrkdwn.escapeAndCut(page.query(), 200))))));
            for (CollectionsIndex.CustomerMatch m : page.candidates().subList(0, Math.min(20,
                    page.candidates().size()))) {
                blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escapeAndCut(m.name(), 200) + "* · "
                        + Mrkdwn.escape(m.id()))).accessory(button(b -> b.actionId(SlackIds.HISTORY_PICK)
                        .text(plainText(t("history_show"))).value(CustomerHistory.BY_ID + m.id())))));
            }
        } else {
            var c = page.customer();
            blocks.add(header(h -> h.text(plainText(Mrkdwn.cut(c.name(), 150)))));
            List<String> meta = new ArrayList<>(List.of(Mrkdwn.escape(c.id()), c.language().code(),
                    c.country().name()));
            if (c.collector() != null) {
                meta.add(ResponseCards.mention(c.collector()));
            }
            blocks.add(context(x -> x.elements(List.of(markdownText(String.join(" · ", meta))))));

            blocks.add(section(s -> s.text(markdownText("*" + t("history_items") + "*"))));
            if (page.items().isEmpty()) {
                blocks.add(context(x -> x.elements(List.of(markdownText(t("history_none_short"))))));
            }
            for (CustomerHistory.ItemLine line : page.items()) {
                Item i = line.item();
                StringBuilder sb = new StringBuilder(i.number().equals(page.focusItem()) ? "👉 *" : "*")
                        .append(Mrkdwn.escape(i.number())).append("* · ")
                        .append(cards.money(i.openAmount() == null ? BigDecimal.ZERO : i.openAmount()));
                if (i.dueDate() != null) {
                    sb.append(" · ").append(DAY.format(i.dueDate()));
                }
                if (i.status() != null) {
                    sb.append(" · *").append(Mrkdwn.escape(cards.label(i.status()))).append("*");
                }
                if (i.owner() != null) {
                    sb.append(" · ").append(ResponseCards.mention(i.owner()));
                }
                if (i.comment() != null && !i.comment().isBlank()) {
                    sb.append("\n_").append(Mrkdwn.escapeAndCut(i.comment().replace('\n', ' '), 400)).append("_");
                }
                if (i.hold() != null) {
                    sb.append("\n⏸ ").append(Mrkdwn.escape(i.hold().reason())).append(i.hold().until() == null ? ""
                            : " → " + DAY.format(i.hold().until().atZone(zone)));
                }
                blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(sb.toString(), 3000)))));
                if (!line.timeline().isEmpty()) {
                    String events = line.timeline().stream().map(this::event).collect(Collectors.joining("\n"));
                    blocks.add(context(x -> x.elements(List.of(markdownText(Mrkdwn.cut(events, 3000))))));
                }
            }

            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText("*" + t("history_responses") + "*"))));
            if (page.responses().isEmpty()) {
                blocks.add(context(x -> x.elements(List.of(markdownText(t("history_none_short"))))));
            }
            for (CustomerHistory.ResponseLine line : page.responses()) {
                Response r = line.response();
                StringBuilder sb = new StringBuilder("*").append(WHEN.format(r.receivedAt().atZone(zone)))
                        .append("* · ").append(t(r.channel() == io.arfollowup.core.domain.ResponseChannel.EMAIL
                                ? "via_email" : "via_web"))
                        .append(" · ").append(t("state_" + r.state().name().toLowerCase(java.util.Locale.ROOT)))
                        .append("\n> ").append(Mrkdwn.escapeAndCut(r.newText().replaceAll("\\s+", " "), 300));
                if (line.decision() != null) {
                    for (QualificationGroup g : line.decision().groups()) {
                        sb.append("\n• *").append(Mrkdwn.escape(cards.label(g.statusCode()))).append("* ")
                                .append(Mrkdwn.escape(String.join(", ", g.itemNumbers())));
                        if (g.comment() != null && !g.comment().isBlank()) {
                            sb.append(" — _").append(Mrkdwn.escapeAndCut(g.comment().replace('\n', ' '), 300))
                                    .append("_");
                        }
                    }
                    sb.append("\n").append(ResponseCards.mention(line.decision().decidedBy()));
                }
                blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(sb.toString(), 3000)))));
            }

            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText("*" + t("history_follow_ups") + "*\n"
                    + followUpHistory(page.followUps())))));
        }
        List<LayoutBlock> capped = blocks.size() > MAX_VIEW_BLOCKS ? blocks.subList(0, MAX_VIEW_BLOCKS) : blocks;
        return historyView(capped, page.query());
    }

    private String followUpHistory(List<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            return t("history_none_short");
        }
        StringBuilder sb = new StringBuilder();
        for (FollowUp f : followUps) {
            String template = rules.template(f.templateId()).map(x -> x.name() == null ? x.id() : x.name().in(ui))
                    .orElse(String.valueOf(f.templateId()));
            sb.append(sb.length() == 0 ? "" : "\n").append("• ").append(WHEN.format(f.due().atZone(f.zone())))
                    .append(" · ").append(Mrkdwn.escape(template)).append(" · ")
                    .append(Mrkdwn.escape(Mrkdwn.cut(String.join(", ", f.itemNumbers()), 100))).append(" · ")
                    .append(t("fu_" + f.state().name()));
            if (f.result() != null && !f.result().isBlank()) {
                sb.append(" — ").append(Mrkdwn.escapeAndCut(f.result(), 120));
            }
        }
        return Mrkdwn.cut(sb.toString(), 2800);
    }

    private String event(ItemEvent e) {
        Instant at = e.at() == null ? Instant.EPOCH : e.at();
        return WHEN.format(at.atZone(zone)) + " · " + ResponseCards.mention(e.actor()) + " · "
                + Mrkdwn.escape(e.field()) + " : " + Mrkdwn.escapeAndCut(String.valueOf(e.before()), 120) + " → "
                + Mrkdwn.escapeAndCut(String.valueOf(e.after()), 200);
    }

    private View historyView(List<LayoutBlock> blocks, String query) {
        return view(v -> v.type("modal").callbackId(SlackIds.HISTORY_VIEW)
                .privateMetadata(Mrkdwn.cut(query == null ? "" : query, 2000))
                .title(viewTitle(x -> x.type("plain_text").text(t("history_title"))))
                .close(viewClose(x -> x.type("plain_text").text(t("close"))))
                .blocks(blocks));
    }
}
