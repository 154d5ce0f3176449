package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.optionGroup;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.arfollowup.adapters.slack.Mrkdwn;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.usecase.QualifyResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Qualify… modal. One or more groups (a reply can promise on one invoice and dispute another: "Add a group"),
 * each with items (preselected from the answer / suggestion), status grouped by type, comment (prefilled with the
 * summary), resolution owner, promised date and follow-up date (empty = the rule's). Parsing returns either a
 * command or the errors per block, which Slack shows next to each field ({@code response_action: errors}).
 */
public final class QualifyModal {

    public static final int MAX_OPTIONS = 100;
    public static final int MAX_GROUPS = 5;
    public static final String ADD_GROUP = "add_group";

    private final Language ui;
    private final RuleCatalog rules;

    public QualifyModal(Language ui, RuleCatalog rules) {
        this.ui = ui;
        this.rules = rules;
    }

    /** The modal with as many groups as the suggestion proposes (at least one). */
    public View build(Response response, Customer customer, List<Item> openItems) {
        int suggested = response.suggestion() == null ? 1 : Math.max(1, response.suggestion().groups().size());
        return build(response, customer, openItems, Math.min(MAX_GROUPS, suggested));
    }

    public View build(Response response, Customer customer, List<Item> openItems, int groups) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = "*" + Mrkdwn.escape(customer.name()) + "* — " + Mrkdwn.escapeAndCut(
                response.newText().isBlank() ? String.valueOf(response.subject()) : response.newText(), 280);
        blocks.add(context(c -> c.elements(List.of(markdownText(intro)))));

        List<OptionObject> itemOptions = new ArrayList<>();
        for (Item i : openItems.subList(0, Math.min(MAX_OPTIONS, openItems.size()))) {
            itemOptions.add(option(plainText(Mrkdwn.cut(i.number() + " · " + i.openAmount() + " " + i.currency()
                    + (i.dueDate() == null ? "" : " · " + i.dueDate()), 75)), i.number()));
        }
        List<SuggestedGroup> proposals = response.suggestion() == null ? List.of() : response.suggestion().groups();
        for (int g = 0; g < groups; g++) {
            SuggestedGroup proposal = g < proposals.size() ? proposals.get(g) : null;
            if (groups > 1) {
                int n = g + 1;
                if (g > 0) {
                    blocks.add(divider());
                }
                blocks.add(header(h -> h.text(plainText((ui == Language.FR ? "Groupe " : "Group ") + n))));
            }
            List<String> preselect = proposal != null && !proposal.itemNumbers().isEmpty() ? proposal.itemNumbers()
                    : g == 0 ? response.itemRefs() : List.of();
            addGroup(blocks, g, itemOptions, preselect, proposal,
                    g == 0 && response.suggestion() != null ? response.suggestion().summary() : null,
                    customer.collector());
        }
        if (groups < MAX_GROUPS && itemOptions.size() > 1) {
            blocks.add(actions(a -> a.blockId("modal_actions").elements(List.of(button(b -> b.actionId(ADD_GROUP)
                    .text(plainText(ui == Language.FR ? "Ajouter un groupe" : "Add a group"))
                    .value(response.id()))))));
        }
        return view(v -> v.type("modal").callbackId(SlackIds.QUALIFY_VIEW)
                .privateMetadata(response.id())
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.get(ui, "modal_title"))))
                .submit(viewSubmit(s -> s.type("plain_text").text(SlackText.get(ui, "modal_submit"))))
                .close(viewClose(c -> c.type("plain_text").text(SlackText.get(ui, "modal_close"))))
                .blocks(blocks));
    }

    private void addGroup(List<LayoutBlock> blocks, int g, List<OptionObject> itemOptions, List<String> preselect,
                          SuggestedGroup proposal, String summary, String collector) {
        List<OptionObject> initialItems = itemOptions.stream().filter(o -> preselect.contains(o.getValue())).toList();
        if (!itemOptions.isEmpty()) {
            blocks.add(input(b -> b.blockId(SlackIds.BLOCK_ITEMS + g).optional(true)
                    .label(plainText(SlackText.get(ui, "items")))
                    .element(multiStaticSelect(m -> {
                        m.actionId(SlackIds.ACTION).options(itemOptions);
                        if (!initialItems.isEmpty()) {
                            m.initialOptions(initialItems);
                        }
                        return m;
                    }))));
        }
        List<OptionGroupObject> groups = new ArrayList<>();
        OptionObject initialStatus = null;
        for (StatusType type : StatusType.values()) {
            List<OptionObject> options = new ArrayList<>();
            for (StatusRule r : rules.rules()) {
                if (r.type() == type && r.active()) {
                    OptionObject o = option(plainText(Mrkdwn.cut(r.label(ui), 75)), r.code());
                    options.add(o);
                    if (proposal != null && r.code().equals(proposal.statusCode())) {
                        initialStatus = o;
                    }
                }
            }
            if (!options.isEmpty()) {
                groups.add(optionGroup(og -> og.label(plainText(type.label(ui))).options(options)));
            }
        }
        OptionObject status0 = initialStatus;
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_STATUS + g).label(plainText(SlackText.get(ui, "status")))
                .element(staticSelect(s -> {
                    s.actionId(SlackIds.ACTION).optionGroups(groups);
                    if (status0 != null) {
                        s.initialOption(status0);
                    }
                    return s;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_COMMENT + g).optional(true)
                .label(plainText(SlackText.get(ui, "comment")))
                .element(plainTextInput(p -> {
                    p.actionId(SlackIds.ACTION).multiline(true).maxLength(2000);
                    if (summary != null && !summary.isBlank()) {
                        p.initialValue(Mrkdwn.cut(summary, 2000));
                    }
                    return p;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_OWNER + g).optional(true)
                .label(plainText(SlackText.get(ui, "owner")))
                .element(usersSelect(u -> {
                    u.actionId(SlackIds.ACTION);
                    if (collector != null && collector.startsWith("U")) {
                        u.initialUser(collector);
                    }
                    return u;
                }))));
        LocalDate promised = proposal == null ? null : proposal.promisedDate();
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_PROMISED + g).optional(true)
                .label(plainText(SlackText.get(ui, "promised")))
                .element(datePicker(d -> {
                    d.actionId(SlackIds.ACTION);
                    if (promised != null) {
                        d.initialDate(promised.toString());
                    }
                    return d;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_FU_DATE + g).optional(true)
                .label(plainText(SlackText.get(ui, "fu_date")))
                .element(datePicker(d -> d.actionId(SlackIds.ACTION)))));
    }

    /** The number of groups a submitted view carries. */
    public static int groupCount(Map<String, Map<String, ViewState.Value>> values) {
        int n = 0;
        while (values != null && values.containsKey(SlackIds.BLOCK_STATUS + n)) {
            n++;
        }
        return Math.max(1, n);
    }

    /** The submission as a command, or the errors per block id. */
    public record Parsed(QualifyResponse.Command command, Map<String, String> errors) {
    }

    public Parsed parse(String responseId, String viewId, String viewHash, Map<String, Map<String, ViewState.Value>>
            values, String actor, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<QualificationGroup> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = groupCount(values);
        for (int g = 0; g < count; g++) {
            List<String> items = value(values, SlackIds.BLOCK_ITEMS + g)
                    .map(v -> v.getSelectedOptions() == null ? List.<String>of()
                            : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList())
                    .orElse(List.of());
            String status = value(values, SlackIds.BLOCK_STATUS + g)
                    .map(v -> v.getSelectedOption() == null ? null : v.getSelectedOption().getValue()).orElse(null);
            Optional<StatusRule> rule = Optional.ofNullable(status).flatMap(rules::rule);
            if (rule.isEmpty()) {
                errors.put(SlackIds.BLOCK_STATUS + g, SlackText.get(ui, "err_status"));
            } else if (rule.get().type() != StatusType.NONE && items.isEmpty()) {
                errors.put(SlackIds.BLOCK_ITEMS + g, SlackText.get(ui, "err_no_item"));
            }
            for (String item : items) {
                if (!seen.add(item)) {
                    errors.put(SlackIds.BLOCK_ITEMS + g, ui == Language.FR
                            ? "La facture " + item + " est déjà dans un autre groupe."
                            : "Invoice " + item + " is already in another group.");
                }
            }
            String comment = value(values, SlackIds.BLOCK_COMMENT + g).map(ViewState.Value::getValue).orElse(null);
            String owner = value(values, SlackIds.BLOCK_OWNER + g).map(ViewState.Value::getSelectedUser).orElse(null);
            LocalDate date = date(values, SlackIds.BLOCK_FU_DATE + g);
            LocalDate promised = date(values, SlackIds.BLOCK_PROMISED + g);
            if (date != null && date.isBefore(today)) {
                errors.put(SlackIds.BLOCK_FU_DATE + g, SlackText.get(ui, "err_past"));
            }
            if (status != null) {
                groups.add(new QualificationGroup(items, status, comment, owner, promised, null,
                        date == null ? FollowUpOverride.NONE : new FollowUpOverride(null, date, null, false)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new QualifyResponse.Command(responseId, viewId + ":" + viewHash, groups, Notify.NOBODY,
                actor, false), Map.of());
    }

    private static LocalDate date(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(ViewState.Value::getSelectedDate).filter(s -> s != null && !s.isBlank())
                .map(LocalDate::parse).orElse(null);
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> b = values == null ? null : values.get(block);
        return b == null ? Optional.empty() : Optional.ofNullable(b.get(SlackIds.ACTION));
    }
}
