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
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiExternalSelect;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
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
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.usecase.QualifyResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Qualify… modal. One or more groups (a reply can promise on one invoice and dispute another: "Add a group"),
 * each with items (preselected from the answer / suggestion; an external select with search beyond 100 open items),
 * status grouped by type (choosing one refreshes the group's follow-up), comment (prefilled with the summary),
 * resolution owner, promised date and the follow-up — action, mode and date prefilled from the status rule and
 * editable, or none; then who to notify by e-mail. Parsing returns either a command or the errors per block, which
 * Slack shows next to each field ({@code response_action: errors}).
 * <p>The follow-up's action and mode carry the status in their block ids ({@code fu_tpl_0.PAYMENT_PROMISE}): a new
 * status is a new block for Slack, so the rule's values show instead of what the old status had prefilled.
 */
public final class QualifyModal {

    public static final int MAX_OPTIONS = 100;
    public static final int MAX_GROUPS = 5;
    public static final String ADD_GROUP = "add_group";
    /** private_metadata suffix of a re-qualification. */
    public static final String REQUALIFY = "|rq";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language ui;
    private final RuleCatalog rules;
    private final FollowUpPlanner planner;

    public QualifyModal(Language ui, RuleCatalog rules) {
        this(ui, rules, new FollowUpPlanner(Clock.systemUTC()));
    }

    public QualifyModal(Language ui, RuleCatalog rules, FollowUpPlanner planner) {
        this.ui = ui;
        this.rules = rules;
        this.planner = planner;
    }

    /** What one group shows when the modal opens (all optional). */
    public record GroupPrefill(List<String> items, String status, String comment, String owner, LocalDate promised,
                               String fuTemplate, FollowUpMode fuMode, LocalDate fuDate, boolean fuNone) {
        public GroupPrefill {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The groups and the notification the modal opens with; {@code requalify}: the decision is replaced. */
    public record Prefill(List<GroupPrefill> groups, Notify notification, boolean requalify) {
        public Prefill {
            groups = groups == null || groups.isEmpty() ? List.of(new GroupPrefill(null, null, null, null, null, null,
                    null, null, false)) : List.copyOf(groups.subList(0, Math.min(MAX_GROUPS, groups.size())));
            notification = notification == null ? Notify.NOBODY : notification;
        }
    }

    /** The modal with as many groups as the suggestion proposes (at least one). */
    public View build(Response response, Customer customer, List<Item> openItems) {
        return build(response, customer, openItems, fromSuggestion(response, customer, 0));
    }

    public View build(Response response, Customer customer, List<Item> openItems, int groups) {
        return build(response, customer, openItems, fromSuggestion(response, customer, groups));
    }

    /** The suggestion's groups (or the detected invoices), padded to {@code groups} when more are asked for. */
    Prefill fromSuggestion(Response response, Customer customer, int groups) {
        List<GroupPrefill> out = new ArrayList<>();
        List<SuggestedGroup> proposals = response.suggestion() == null ? List.of() : response.suggestion().groups();
        String summary = response.suggestion() == null ? null : response.suggestion().summary();
        for (int g = 0; g < Math.max(1, Math.max(groups, proposals.size())) && g < MAX_GROUPS; g++) {
            SuggestedGroup p = g < proposals.size() ? proposals.get(g) : null;
            List<String> items = p != null && !p.itemNumbers().isEmpty() ? p.itemNumbers()
                    : g == 0 ? response.itemRefs() : List.of();
            out.add(new GroupPrefill(items, p == null ? null : p.statusCode(), g == 0 ? summary : null,
                    customer.collector(), p == null ? null : p.promisedDate(), null, null, null, false));
            if (groups > 0 && out.size() == groups) {
                break;
            }
        }
        return new Prefill(out, Notify.NOBODY, false);
    }

    /** A re-qualification opens with the latest decision. */
    public static Prefill fromDecision(Qualification q) {
        List<GroupPrefill> groups = new ArrayList<>();
        for (QualificationGroup g : q.groups()) {
            groups.add(new GroupPrefill(g.itemNumbers(), g.statusCode(), g.comment(), g.owner(), g.promisedDate(),
                    g.followUp().templateId(), g.followUp().mode(), g.followUp().date(), g.followUp().cancelled()));
        }
        return new Prefill(groups, q.notification(), true);
    }

    public View build(Response response, Customer customer, List<Item> openItems, Prefill prefill) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = "*" + Mrkdwn.escape(customer.name()) + "* — " + Mrkdwn.escapeAndCut(
                response.newText().isBlank() ? String.valueOf(response.subject()) : response.newText(), 280);
        blocks.add(context(c -> c.elements(List.of(markdownText(intro)))));

        boolean external = openItems.size() > MAX_OPTIONS;
        List<OptionObject> itemOptions = new ArrayList<>();
        for (Item i : openItems) {
            itemOptions.add(itemOption(i));
        }
        int groups = prefill.groups().size();
        for (int g = 0; g < groups; g++) {
            if (groups > 1) {
                int n = g + 1;
                if (g > 0) {
                    blocks.add(divider());
                }
                blocks.add(header(h -> h.text(plainText(SlackText.get(ui, "group", n)))));
            }
            addGroup(blocks, g, itemOptions, external, prefill.groups().get(g), customer);
        }
        if (groups < MAX_GROUPS && openItems.size() > 1) {
            blocks.add(actions(a -> a.blockId("modal_actions").elements(List.of(button(b -> b.actionId(ADD_GROUP)
                    .text(plainText(SlackText.get(ui, "add_group"))).value(response.id()))))));
        }
        addNotify(blocks, prefill.notification());
        String metadata = response.id() + (prefill.requalify() ? REQUALIFY : "");
        return view(v -> v.type("modal").callbackId(SlackIds.QUALIFY_VIEW)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.get(ui, "modal_title"))))
                .submit(viewSubmit(s -> s.type("plain_text").text(SlackText.get(ui, "modal_submit"))))
                .close(viewClose(c -> c.type("plain_text").text(SlackText.get(ui, "modal_close"))))
                .blocks(blocks));
    }

    static OptionObject itemOption(Item i) {
        return option(plainText(Mrkdwn.cut(i.number() + " · " + i.openAmount() + " " + i.currency()
                + (i.dueDate() == null ? "" : " · " + i.dueDate()), 75)), i.number());
    }

    private void addGroup(List<LayoutBlock> blocks, int g, List<OptionObject> itemOptions, boolean external,
                          GroupPrefill p, Customer customer) {
        if (!itemOptions.isEmpty()) {
            List<OptionObject> initial = new ArrayList<>();
            for (String number : p.items()) {
                itemOptions.stream().filter(o -> o.getValue().equals(number)).findFirst().ifPresent(initial::add);
            }
            blocks.add(input(b -> b.blockId(SlackIds.BLOCK_ITEMS + g).optional(true)
                    .label(plainText(SlackText.get(ui, "items")))
                    .element(external ? multiExternalSelect(m -> {
                        m.actionId(SlackIds.ACTION).minQueryLength(0);
                        if (!initial.isEmpty()) {
                            m.initialOptions(initial);
                        }
                        return m;
                    }) : multiStaticSelect(m -> {
                        m.actionId(SlackIds.ACTION).options(itemOptions);
                        if (!initial.isEmpty()) {
                            m.initialOptions(initial);
                        }
                        return m;
                    }))));
        }
        List<OptionGroupObject> groups = new ArrayList<>();
        OptionObject initialStatus = null;
        for (StatusType type : StatusType.values()) {
            List<OptionObject> options = new ArrayList<>();
            for (StatusRule r : rules.rules()) {
                if (r.type() == type && (r.active() || r.code().equals(p.status()))) {
                    OptionObject o = option(plainText(Mrkdwn.cut(r.label(ui), 75)), r.code());
                    options.add(o);
                    if (r.code().equals(p.status())) {
                        initialStatus = o;
                    }
                }
            }
            if (!options.isEmpty()) {
                groups.add(optionGroup(og -> og.label(plainText(Mrkdwn.cut(type.label(ui), 75))).options(options)));
            }
        }
        OptionObject status0 = initialStatus;
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_STATUS + g).dispatchAction(true)
                .label(plainText(SlackText.get(ui, "status")))
                .element(staticSelect(s -> {
                    s.actionId(SlackIds.ACTION).optionGroups(groups);
                    if (status0 != null) {
                        s.initialOption(status0);
                    }
                    return s;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_COMMENT + g).optional(true)
                .label(plainText(SlackText.get(ui, "comment")))
                .element(plainTextInput(t -> {
                    t.actionId(SlackIds.ACTION).multiline(true).maxLength(2000);
                    if (p.comment() != null && !p.comment().isBlank()) {
                        t.initialValue(Mrkdwn.cut(p.comment(), 2000));
                    }
                    return t;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_OWNER + g).optional(true)
                .label(plainText(SlackText.get(ui, "owner")))
                .element(usersSelect(u -> {
                    u.actionId(SlackIds.ACTION);
                    if (p.owner() != null && p.owner().matches("[UW][A-Z0-9]+")) {
                        u.initialUser(p.owner());
                    }
                    return u;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_PROMISED + g).optional(true)
                .label(plainText(SlackText.get(ui, "promised")))
                .element(datePicker(d -> {
                    d.actionId(SlackIds.ACTION);
                    if (p.promised() != null) {
                        d.initialDate(p.promised().toString());
                    }
                    return d;
                }))));
        addFollowUp(blocks, g, p, customer);
    }

    /** The group's follow-up, prefilled from its status rule (or what a re-qualification had). */
    private void addFollowUp(List<LayoutBlock> blocks, int g, GroupPrefill p, Customer customer) {
        Optional<StatusRule> rule = Optional.ofNullable(p.status()).flatMap(rules::rule);
        if (rule.isEmpty() || !rule.get().plansFollowUp()) {
            String hint = SlackText.get(ui, rule.isEmpty() ? "fu_rule_pick" : "fu_rule_none");
            blocks.add(context(c -> c.blockId(SlackIds.BLOCK_FU_RULE + g).elements(List.of(markdownText(hint)))));
            return;
        }
        StatusRule r = rule.get();
        LocalDate ruleDate = planner.dueDate(r.delay(), customer.zone(), customer.country(), p.promised());
        String templateName = rules.template(r.templateId()).map(this::name).orElse(r.templateId());
        String hint = SlackText.get(ui, "fu_rule", Mrkdwn.escape(templateName), DAY.format(ruleDate),
                SlackText.get(ui, "mode_" + r.mode().name()));
        blocks.add(context(c -> c.blockId(SlackIds.BLOCK_FU_RULE + g).elements(List.of(markdownText(hint)))));

        String suffix = "." + r.code();
        List<OptionObject> templates = new ArrayList<>();
        OptionObject initialTemplate = null;
        String wanted = p.fuTemplate() != null ? p.fuTemplate() : r.templateId();
        for (ActionTemplate t : rules.templates()) {
            if (templates.size() == MAX_OPTIONS) {
                break;
            }
            OptionObject o = option(plainText(Mrkdwn.cut(name(t), 75)), t.id());
            templates.add(o);
            if (t.id().equals(wanted)) {
                initialTemplate = o;
            }
        }
        OptionObject template0 = initialTemplate;
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_FU_TEMPLATE + g + suffix).optional(true)
                .label(plainText(SlackText.get(ui, "fu_template")))
                .element(staticSelect(s -> {
                    s.actionId(SlackIds.ACTION).options(templates);
                    if (template0 != null) {
                        s.initialOption(template0);
                    }
                    return s;
                }))));
        List<OptionObject> modes = new ArrayList<>();
        OptionObject initialMode = null;
        FollowUpMode wantedMode = p.fuMode() != null ? p.fuMode() : r.mode();
        for (FollowUpMode m : FollowUpMode.values()) {
            OptionObject o = option(plainText(SlackText.get(ui, "mode_" + m.name())), m.name());
            modes.add(o);
            if (m == wantedMode) {
                initialMode = o;
            }
        }
        OptionObject mode0 = initialMode;
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_FU_MODE + g + suffix).optional(true)
                .label(plainText(SlackText.get(ui, "fu_mode")))
                .element(staticSelect(s -> {
                    s.actionId(SlackIds.ACTION).options(modes);
                    if (mode0 != null) {
                        s.initialOption(mode0);
                    }
                    return s;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_FU_DATE + g).optional(true)
                .label(plainText(SlackText.get(ui, "fu_date")))
                .element(datePicker(d -> {
                    d.actionId(SlackIds.ACTION);
                    if (p.fuDate() != null) {
                        d.initialDate(p.fuDate().toString());
                    }
                    return d;
                }))));
        OptionObject none = option(plainText(SlackText.get(ui, "fu_none")), "none");
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_FU_NONE + g).optional(true)
                .label(plainText(SlackText.get(ui, "no_follow_up")))
                .element(checkboxes(c -> {
                    c.actionId(SlackIds.ACTION).options(List.of(none));
                    if (p.fuNone()) {
                        c.initialOptions(List.of(none));
                    }
                    return c;
                }))));
    }

    private void addNotify(List<LayoutBlock> blocks, Notify notify) {
        List<OptionObject> targets = new ArrayList<>();
        OptionObject initial = null;
        for (Notify.Target t : Notify.Target.values()) {
            OptionObject o = option(plainText(SlackText.get(ui, "notify_" + t.name())), t.name());
            targets.add(o);
            if (t == notify.target()) {
                initial = o;
            }
        }
        OptionObject initial0 = initial;
        blocks.add(divider());
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_NOTIFY).optional(true)
                .label(plainText(SlackText.get(ui, "notify")))
                .hint(plainText(SlackText.get(ui, "notify_hint")))
                .element(radioButtons(r -> {
                    r.actionId(SlackIds.ACTION).options(targets);
                    if (initial0 != null) {
                        r.initialOption(initial0);
                    }
                    return r;
                }))));
        blocks.add(input(b -> b.blockId(SlackIds.BLOCK_NOTIFY_EMAIL).optional(true)
                .label(plainText(SlackText.get(ui, "notify_email")))
                .element(plainTextInput(t -> {
                    t.actionId(SlackIds.ACTION).maxLength(254);
                    if (notify.colleagueEmail() != null) {
                        t.initialValue(notify.colleagueEmail());
                    }
                    return t;
                }))));
    }

    private String name(ActionTemplate t) {
        return t.name() == null ? t.id() : t.name().in(ui);
    }

    /** The number of groups a submitted view carries. */
    public static int groupCount(Map<String, Map<String, ViewState.Value>> values) {
        int n = 0;
        while (values != null && values.containsKey(SlackIds.BLOCK_STATUS + n)) {
            n++;
        }
        return Math.max(1, n);
    }

    /** What the modal holds now (to rebuild it after Add a group or a new status without losing a thing). */
    public Prefill fromState(Map<String, Map<String, ViewState.Value>> values, boolean requalify, int groups) {
        List<GroupPrefill> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            out.add(new GroupPrefill(items(values, g), status(values, g),
                    value(values, SlackIds.BLOCK_COMMENT + g).map(ViewState.Value::getValue).orElse(null),
                    value(values, SlackIds.BLOCK_OWNER + g).map(ViewState.Value::getSelectedUser).orElse(null),
                    date(values, SlackIds.BLOCK_PROMISED + g), null, null, date(values, SlackIds.BLOCK_FU_DATE + g),
                    none(values, g)));
        }
        return new Prefill(out, notify(values), requalify);
    }

    /** The submission as a command, or the errors per block id. */
    public record Parsed(QualifyResponse.Command command, Map<String, String> errors) {
    }

    /** The response id and whether this is a re-qualification, from private_metadata. */
    public record Metadata(String responseId, boolean requalify) {
        public static Metadata parse(String privateMetadata) {
            String m = privateMetadata == null ? "" : privateMetadata;
            return m.endsWith(REQUALIFY) ? new Metadata(m.substring(0, m.length() - REQUALIFY.length()), true)
                    : new Metadata(m, false);
        }
    }

    public Parsed parse(String responseId, String viewId, String viewHash, Map<String, Map<String, ViewState.Value>>
            values, String actor, LocalDate today) {
        return parse(new Metadata(responseId, false), viewId, viewHash, values, actor, today);
    }

    public Parsed parse(Metadata metadata, String viewId, String viewHash, Map<String, Map<String, ViewState.Value>>
            values, String actor, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<QualificationGroup> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = groupCount(values);
        for (int g = 0; g < count; g++) {
            List<String> items = items(values, g);
            String status = status(values, g);
            Optional<StatusRule> rule = Optional.ofNullable(status).flatMap(rules::rule);
            if (rule.isEmpty()) {
                errors.put(SlackIds.BLOCK_STATUS + g, SlackText.get(ui, "err_status"));
            } else if (rule.get().type() != StatusType.NONE && items.isEmpty()) {
                errors.put(SlackIds.BLOCK_ITEMS + g, SlackText.get(ui, "err_no_item"));
            }
            for (String item : items) {
                if (!seen.add(item)) {
                    errors.put(SlackIds.BLOCK_ITEMS + g, SlackText.get(ui, "err_item_twice", item));
                }
            }
            String comment = value(values, SlackIds.BLOCK_COMMENT + g).map(ViewState.Value::getValue).orElse(null);
            String owner = value(values, SlackIds.BLOCK_OWNER + g).map(ViewState.Value::getSelectedUser).orElse(null);
            LocalDate date = date(values, SlackIds.BLOCK_FU_DATE + g);
            LocalDate promised = date(values, SlackIds.BLOCK_PROMISED + g);
            if (date != null && date.isBefore(today)) {
                errors.put(blockId(values, SlackIds.BLOCK_FU_DATE + g), SlackText.get(ui, "err_past"));
            }
            String template = selected(values, SlackIds.BLOCK_FU_TEMPLATE + g);
            if (template != null && rules.template(template).isEmpty()) {
                errors.put(blockId(values, SlackIds.BLOCK_FU_TEMPLATE + g), SlackText.get(ui, "err_template"));
            }
            String modeName = selected(values, SlackIds.BLOCK_FU_MODE + g);
            FollowUpMode mode = null;
            if (modeName != null) {
                try {
                    mode = FollowUpMode.valueOf(modeName);
                } catch (IllegalArgumentException e) {
                    errors.put(blockId(values, SlackIds.BLOCK_FU_MODE + g), SlackText.get(ui, "err_template"));
                }
            }
            boolean none = none(values, g);
            // the rule's own values are no override: a later edit of the rule still applies to them
            if (rule.isPresent() && template != null && template.equals(rule.get().templateId())) {
                template = null;
            }
            if (rule.isPresent() && mode != null && mode == rule.get().mode()) {
                mode = null;
            }
            FollowUpOverride override = date == null && template == null && mode == null && !none
                    ? FollowUpOverride.NONE : new FollowUpOverride(template, date, mode, none);
            if (status != null) {
                groups.add(new QualificationGroup(items, status, comment, owner, promised, null, override));
            }
        }
        Notify notify = notify(values);
        if (notify.target() == Notify.Target.COLLEAGUE && (notify.colleagueEmail() == null
                || !EMAIL.matcher(notify.colleagueEmail()).matches())) {
            errors.put(SlackIds.BLOCK_NOTIFY_EMAIL, SlackText.get(ui, "err_email"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new QualifyResponse.Command(metadata.responseId(), viewId + ":" + viewHash, groups, notify,
                actor, metadata.requalify()), Map.of());
    }

    private static List<String> items(Map<String, Map<String, ViewState.Value>> values, int g) {
        return value(values, SlackIds.BLOCK_ITEMS + g)
                .map(v -> v.getSelectedOptions() == null ? List.<String>of()
                        : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList())
                .orElse(List.of());
    }

    private static String status(Map<String, Map<String, ViewState.Value>> values, int g) {
        return value(values, SlackIds.BLOCK_STATUS + g)
                .map(v -> v.getSelectedOption() == null ? null : v.getSelectedOption().getValue()).orElse(null);
    }

    private static boolean none(Map<String, Map<String, ViewState.Value>> values, int g) {
        return value(values, SlackIds.BLOCK_FU_NONE + g).map(v -> v.getSelectedOptions() != null
                && !v.getSelectedOptions().isEmpty()).orElse(false);
    }

    private static Notify notify(Map<String, Map<String, ViewState.Value>> values) {
        String target = selected(values, SlackIds.BLOCK_NOTIFY);
        Notify.Target t;
        try {
            t = target == null ? Notify.Target.NOBODY : Notify.Target.valueOf(target);
        } catch (IllegalArgumentException e) {
            t = Notify.Target.NOBODY;
        }
        String email = value(values, SlackIds.BLOCK_NOTIFY_EMAIL).map(ViewState.Value::getValue)
                .map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        return new Notify(t, t == Notify.Target.COLLEAGUE ? email : null);
    }

    private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(v -> v.getSelectedOption() == null ? null : v.getSelectedOption().getValue())
                .orElse(null);
    }

    private static LocalDate date(Map<String, Map<String, ViewState.Value>> values, String block) {
        try {
            return value(values, block).map(ViewState.Value::getSelectedDate).filter(s -> s != null && !s.isBlank())
                    .map(LocalDate::parse).orElse(null);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The block id as submitted: exactly {@code block}, or {@code block.<status>}. */
    private static String blockId(Map<String, Map<String, ViewState.Value>> values, String block) {
        if (values == null || values.containsKey(block)) {
            return block;
        }
        return values.keySet().stream().filter(k -> k.startsWith(block + ".")).findFirst().orElse(block);
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        if (values == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> b = values.get(blockId(values, block));
        return b == null ? Optional.empty() : Optional.ofNullable(b.get(SlackIds.ACTION));
    }
}
