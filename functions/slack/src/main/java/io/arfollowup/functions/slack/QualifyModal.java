package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.optionGroup;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Qualify… modal: items (preselected from the answer), status grouped by type, comment (prefilled with the
 * summary), resolution owner, follow-up date (empty = the rule's). Parsing returns either a command or the errors
 * per block, which Slack shows next to each field ({@code response_action: errors}).
 */
public final class QualifyModal {

    public static final int MAX_OPTIONS = 100;

    private final Language ui;
    private final RuleCatalog rules;

    public QualifyModal(Language ui, RuleCatalog rules) {
        this.ui = ui;
        this.rules = rules;
    }

    public View build(Response response, Customer customer, List<Item> openItems) {
        SuggestedGroup suggested = response.suggestion() == null ? null : response.suggestion().main().orElse(null);
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = "*" + Mrkdwn.escape(customer.name()) + "* — " + Mrkdwn.escapeAndCut(
                response.newText().isBlank() ? String.valueOf(response.subject()) : response.newText(), 280);
        blocks.add(context(c -> c.elements(List.of(markdownText(intro)))));

        List<OptionObject> itemOptions = new ArrayList<>();
        for (Item i : openItems.subList(0, Math.min(MAX_OPTIONS, openItems.size()))) {
            itemOptions.add(option(plainText(Mrkdwn.cut(i.number() + " · " + i.openAmount() + " " + i.currency()
                    + (i.dueDate() == null ? "" : " · " + i.dueDate()), 75)), i.number()));
        }
        List<String> preselect = suggested != null && !suggested.itemNumbers().isEmpty() ? suggested.itemNumbers()
                : response.itemRefs();
        List<OptionObject> initialItems = itemOptions.stream().filter(o -> preselect.contains(o.getValue())).toList();
        if (!itemOptions.isEmpty()) {
            blocks.add(input(b -> b.blockId(SlackIds.BLOCK_ITEMS + 0).optional(true)
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
                    if (suggested != null && r.code().equals(suggested.statusCode())) {
                        initialStatus = o;
                    }
                }
            }
            if (!options.isEmpty()) {
                groups.add(optionGroup(g -> g.label(plainText(type.label(ui))).options(options)));
            }
        }
        OptionObject status0 = initialStatus;
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_STATUS + 0).label(plainText(SlackText.get(ui, "status")))
                .element(staticSelect(s -> {
                    s.actionId(SlackIds.ACTION).optionGroups(groups);
                    if (status0 != null) {
                        s.initialOption(status0);
                    }
                    return s;
                }))));
        String summary = response.suggestion() == null ? null : response.suggestion().summary();
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_COMMENT + 0).optional(true)
                .label(plainText(SlackText.get(ui, "comment")))
                .element(plainTextInput(p -> {
                    p.actionId(SlackIds.ACTION).multiline(true).maxLength(2000);
                    if (summary != null && !summary.isBlank()) {
                        p.initialValue(Mrkdwn.cut(summary, 2000));
                    }
                    return p;
                }))));
        String collector = customer.collector();
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_OWNER + 0).optional(true)
                .label(plainText(SlackText.get(ui, "owner")))
                .element(usersSelect(u -> {
                    u.actionId(SlackIds.ACTION);
                    if (collector != null && collector.startsWith("U")) {
                        u.initialUser(collector);
                    }
                    return u;
                }))));
        LocalDate promised = suggested == null ? null : suggested.promisedDate();
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_PROMISED + 0).optional(true)
                .label(plainText(SlackText.get(ui, "promised")))
                .element(datePicker(d -> {
                    d.actionId(SlackIds.ACTION);
                    if (promised != null) {
                        d.initialDate(promised.toString());
                    }
                    return d;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_FU_DATE + 0).optional(true)
                .label(plainText(SlackText.get(ui, "fu_date")))
                .element(datePicker(d -> d.actionId(SlackIds.ACTION)))));

        return view(v -> v.type("modal").callbackId(SlackIds.QUALIFY_VIEW)
                .privateMetadata(response.id())
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.get(ui, "modal_title"))))
                .submit(viewSubmit(s -> s.type("plain_text").text(SlackText.get(ui, "modal_submit"))))
                .close(viewClose(c -> c.type("plain_text").text(SlackText.get(ui, "modal_close"))))
                .blocks(blocks));
    }

    /** The submission as a command, or the errors per block id. */
    public record Parsed(QualifyResponse.Command command, Map<String, String> errors) {
    }

    public Parsed parse(String responseId, String viewId, String viewHash, Map<String, Map<String, ViewState.Value>>
            values, String actor, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> items = value(values, SlackIds.BLOCK_ITEMS + 0)
                .map(v -> v.getSelectedOptions() == null ? List.<String>of()
                        : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList())
                .orElse(List.of());
        String status = value(values, SlackIds.BLOCK_STATUS + 0)
                .map(v -> v.getSelectedOption() == null ? null : v.getSelectedOption().getValue()).orElse(null);
        Optional<StatusRule> rule = Optional.ofNullable(status).flatMap(rules::rule);
        if (rule.isEmpty()) {
            errors.put(SlackIds.BLOCK_STATUS + 0, SlackText.get(ui, "err_status"));
        } else if (rule.get().type() != StatusType.NONE && items.isEmpty()) {
            errors.put(SlackIds.BLOCK_ITEMS + 0, SlackText.get(ui, "err_no_item"));
        }
        String comment = value(values, SlackIds.BLOCK_COMMENT + 0).map(ViewState.Value::getValue).orElse(null);
        String owner = value(values, SlackIds.BLOCK_OWNER + 0).map(ViewState.Value::getSelectedUser).orElse(null);
        LocalDate date = value(values, SlackIds.BLOCK_FU_DATE + 0).map(ViewState.Value::getSelectedDate)
                .filter(s -> !s.isBlank()).map(LocalDate::parse).orElse(null);
        LocalDate promised = value(values, SlackIds.BLOCK_PROMISED + 0).map(ViewState.Value::getSelectedDate)
                .filter(s -> !s.isBlank()).map(LocalDate::parse).orElse(null);
        if (date != null && date.isBefore(today)) {
            errors.put(SlackIds.BLOCK_FU_DATE + 0, SlackText.get(ui, "err_past"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        QualificationGroup group = new QualificationGroup(items, status, comment, owner, promised, null,
                date == null ? FollowUpOverride.NONE : new FollowUpOverride(null, date, null, false));
        return new Parsed(new QualifyResponse.Command(responseId, viewId + ":" + viewHash, List.of(group),
                Notify.NOBODY, actor, false), Map.of());
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> b = values == null ? null : values.get(block);
        return b == null ? Optional.empty() : Optional.ofNullable(b.get(SlackIds.ACTION));
    }
}
