package io.arfollowup.functions.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.arfollowup.adapters.slack.Mrkdwn;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.adapters.templates.MustacheTemplateRenderer;
import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.DayCount;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.usecase.CatalogEdits;
import io.arfollowup.core.usecase.Work;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admins' commands, limited to the members of a configured Slack user group ({@code SLACK_ADMIN_GROUP}, read
 * with {@code usergroups.users.list} and kept a minute): {@code /ar-status} (list, create, edit a status rule),
 * {@code /ar-template} (edit an action template, with a preview rendered on a sample item) and {@code /ar-scenario}
 * (the dunning scenario's steps). Forms are validated here, field by field ({@link CatalogEdits}), before anything
 * is handed to the worker, which validates again, stores the edit over the seed of infra/config and audits it.
 */
final class AdminCommands {

    static final String STATUS = "/ar-status";
    static final String TEMPLATE = "/ar-template";
    static final String SCENARIO = "/ar-scenario";
    static final String STATUS_LIST = "status_list";
    static final String STATUS_EDIT = "status_edit";
    static final String STATUS_NEW = "status_new";
    static final String TEMPLATE_LIST = "template_list";
    static final String TEMPLATE_EDIT = "template_edit";
    static final String TEMPLATE_PREVIEW = "template_preview";
    static final String SCENARIO_EDIT = "scenario_edit";
    static final String SAVED = "admin_saved";
    static final Duration MEMBERS_TTL = Duration.ofMinutes(1);
    static final String NONE = "-";

    private final App app;
    private final SlackApp.Ports ports;
    private final Map<String, Instant> admins = new ConcurrentHashMap<>();
    private volatile Instant membersReadAt = Instant.EPOCH;

    AdminCommands(App app, SlackApp.Ports ports) {
        this.app = app;
        this.ports = ports;
    }

    private String t(String key, Object... args) {
        return SlackText.get(ports.ui(), key, args);
    }

    void register() {
        app.command(STATUS, (req, ctx) -> {
            String denied = denied(req.getPayload().getUserId(), ctx);
            if (denied != null) {
                return ctx.ack(denied);
            }
            ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId()).view(statusList()));
            return ctx.ack();
        });
        app.blockAction(STATUS_EDIT, (req, ctx) -> {
            if (denied(Interactions.user(req), ctx) == null) {
                String code = Interactions.value(req);
                ctx.client().viewsPush(v -> v.triggerId(req.getPayload().getTriggerId())
                        .view(statusEdit(ports.rules().rule(code).orElse(null))));
            }
            return ctx.ack();
        });
        app.blockAction(STATUS_NEW, (req, ctx) -> {
            if (denied(Interactions.user(req), ctx) == null) {
                ctx.client().viewsPush(v -> v.triggerId(req.getPayload().getTriggerId()).view(statusEdit(null)));
            }
            return ctx.ack();
        });
        app.viewSubmission(STATUS_EDIT, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            if (denied(user, ctx) != null) {
                return ctx.ackWithUpdate(saved(t("admin_only", ports.adminGroup()), "statuses_title"));
            }
            var view = req.getPayload().getView();
            Map<String, String> errors = new LinkedHashMap<>();
            CatalogEdits.RuleDraft draft = ruleDraft(view.getPrivateMetadata(), view.getState().getValues(), errors);
            if (errors.isEmpty()) {
                CatalogEdits.check(draft, ports.rules()).forEach(f -> errors.putIfAbsent(f.field(), text(f)));
            }
            if (!errors.isEmpty()) {
                return ctx.ackWithErrors(errors);
            }
            ports.dispatcher().dispatch(new Work.SaveStatusRule(draft, user));
            return ctx.ackWithUpdate(saved(t("saved", draft.code(), Interactions.mention(user)), "statuses_title"));
        });

        app.command(TEMPLATE, (req, ctx) -> {
            String denied = denied(req.getPayload().getUserId(), ctx);
            if (denied != null) {
                return ctx.ack(denied);
            }
            ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId()).view(templateList()));
            return ctx.ack();
        });
        app.blockAction(TEMPLATE_EDIT, (req, ctx) -> {
            if (denied(Interactions.user(req), ctx) == null) {
                ports.rules().template(Interactions.value(req)).ifPresent(tpl -> {
                    try {
                        ctx.client().viewsPush(v -> v.triggerId(req.getPayload().getTriggerId())
                                .view(templateEdit(tpl, draftOf(tpl), null)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            return ctx.ack();
        });
        app.blockAction(TEMPLATE_PREVIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            if (denied(Interactions.user(req), ctx) == null && view != null) {
                Optional<ActionTemplate> tpl = ports.rules().template(view.getPrivateMetadata());
                if (tpl.isPresent()) {
                    CatalogEdits.TemplateDraft draft = templateDraft(tpl.get().id(), view.getState().getValues());
                    ctx.client().viewsUpdate(v -> v.viewId(view.getId()).hash(view.getHash())
                            .view(templateEdit(tpl.get(), draft, preview(draft))));
                }
            }
            return ctx.ack();
        });
        app.viewSubmission(TEMPLATE_EDIT, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            if (denied(user, ctx) != null) {
                return ctx.ackWithUpdate(saved(t("admin_only", ports.adminGroup()), "templates_title"));
            }
            var view = req.getPayload().getView();
            CatalogEdits.TemplateDraft draft = templateDraft(view.getPrivateMetadata(), view.getState().getValues());
            Map<String, String> errors = new LinkedHashMap<>();
            CatalogEdits.check(draft, ports.rules(), renderer()).forEach(f -> errors.putIfAbsent(f.field(), text(f)));
            if (!errors.isEmpty()) {
                return ctx.ackWithErrors(errors);
            }
            ports.dispatcher().dispatch(new Work.SaveTemplate(draft, user));
            return ctx.ackWithUpdate(saved(t("saved", draft.id(), Interactions.mention(user)), "templates_title"));
        });

        app.command(SCENARIO, (req, ctx) -> {
            String denied = denied(req.getPayload().getUserId(), ctx);
            if (denied != null) {
                return ctx.ack(denied);
            }
            if (ports.scenario() == null) {
                return ctx.ack(t("scenario_unavailable"));
            }
            ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId())
                    .view(scenarioEdit(ports.scenario().steps())));
            return ctx.ack();
        });
        app.viewSubmission(SCENARIO_EDIT, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            if (denied(user, ctx) != null || ports.scenario() == null) {
                return ctx.ackWithUpdate(saved(t("scenario_unavailable"), "scenario_title"));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            List<Integer> rows = new ArrayList<>();
            List<CatalogEdits.StepDraft> steps = stepDrafts(req.getPayload().getView().getState().getValues(), rows,
                    errors);
            if (errors.isEmpty()) {
                for (CatalogEdits.Finding f : CatalogEdits.check(steps, ports.rules())) {
                    String field = f.field();
                    int underscore = field.lastIndexOf('_');
                    if (underscore > 0 && field.substring(underscore + 1).matches("\\d+")) {
                        field = field.substring(0, underscore + 1)
                                + rows.get(Integer.parseInt(field.substring(underscore + 1)));
                    } else {
                        field = "offset_0";
                    }
                    errors.putIfAbsent(field, text(f));
                }
            }
            if (!errors.isEmpty()) {
                return ctx.ackWithErrors(errors);
            }
            ports.dispatcher().dispatch(new Work.SaveScenario(steps, user));
            return ctx.ackWithUpdate(saved(t("saved", t("scenario_title"), Interactions.mention(user)),
                    "scenario_title"));
        });
    }

    // ---- who may ----

    /** Null when {@code user} is an admin; otherwise the reason, to show them. */
    String denied(String user, Context ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        String group = ports.adminGroup();
        if (group == null || group.isBlank()) {
            return t("admin_no_group");
        }
        Instant now = ports.clock().instant();
        if (now.isAfter(membersReadAt.plus(MEMBERS_TTL))) {
            var out = ctx.client().usergroupsUsersList(r -> r.usergroup(group));
            admins.clear();
            if (out.isOk() && out.getUsers() != null) {
                out.getUsers().forEach(u -> admins.put(u, now));
            }
            membersReadAt = now;
        }
        return admins.containsKey(user) ? null : t("admin_only", group);
    }

    private TemplateRenderer renderer() {
        return ports.renderer() != null ? ports.renderer() : new MustacheTemplateRenderer();
    }

    private String text(CatalogEdits.Finding f) {
        return switch (f.problem()) {
            case CODE_FORMAT -> t("err_code");
            case CODE_TAKEN -> t("err_code_taken");
            case UNKNOWN_STATUS -> t("err_unknown_status");
            case LABEL_MISSING -> t("err_label");
            case TYPE_MISSING -> t("err_type");
            case DELAY_MISSING -> t("err_delay_missing");
            case DELAY_RANGE -> t("err_delay");
            case UNKNOWN_TEMPLATE -> t("err_unknown_template", f.detail() == null ? "—" : f.detail());
            case MODE_MISSING -> t("err_mode");
            case HOLD_RANGE -> t("err_hold");
            case SYNTAX -> Mrkdwn.cut(t("err_syntax", f.detail()), 2000);
            case CHANNEL_MISSING, RECIPIENTS_MISSING, SUBJECT_MISSING, BODY_MISSING -> t("err_required");
            case OFFSET_RANGE -> t("err_offset");
            case DUPLICATE_OFFSET -> t("err_offset_twice");
            case TOO_MANY_STEPS -> t("err_offset");
        };
    }

    private View modal(String callback, String metadata, String title, boolean submit, List<LayoutBlock> blocks) {
        List<LayoutBlock> capped = blocks.size() > 100 ? blocks.subList(0, 100) : blocks;
        return view(v -> {
            v.type("modal").callbackId(callback).privateMetadata(metadata == null ? "" : metadata)
                    .title(viewTitle(x -> x.type("plain_text").text(t(title))))
                    .close(viewClose(x -> x.type("plain_text").text(t(submit ? "cancel" : "close"))))
                    .blocks(capped);
            if (submit) {
                v.submit(viewSubmit(x -> x.type("plain_text").text(t("save"))));
            }
            return v;
        });
    }

    private View saved(String text, String title) {
        return modal(SAVED, null, title, false, List.of(section(s -> s.text(markdownText(text)))));
    }

    // ---- /ar-status ----

    View statusList() {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(actions(a -> a.blockId("status_actions").elements(List.of(button(b -> b.actionId(STATUS_NEW)
                .style("primary").text(plainText(t("new_status"))).value("new"))))));
        for (StatusRule r : ports.rules().rules()) {
            if (blocks.size() >= 99) {
                break;
            }
            StringBuilder sb = new StringBuilder("*").append(Mrkdwn.escape(r.label(ports.ui()))).append("* `")
                    .append(r.code()).append("` · ").append(r.type().label(ports.ui()));
            if (!r.active()) {
                sb.append(" · _").append(t("inactive")).append("_");
            }
            if (r.plansFollowUp()) {
                sb.append("\nJ+").append(r.delay().days()).append(" ")
                        .append(t("unit_" + r.delay().unit().name())).append(" · ").append(Mrkdwn.escape(r.templateId()))
                        .append(" · ").append(t("mode_" + r.mode().name()));
            }
            if (r.holdsItems()) {
                sb.append(" · ⏸ ").append(r.holdDays() == null ? "✓" : r.holdDays() + " j");
            }
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(sb.toString(), 3000)))
                    .accessory(button(b -> b.actionId(STATUS_EDIT).text(plainText(t("edit"))).value(r.code())))));
        }
        return modal(STATUS_LIST, null, "statuses_title", false, blocks);
    }

    View statusEdit(StatusRule r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (r == null) {
            blocks.add(input(b -> b.blockId("code").label(plainText(t("code")))
                    .element(plainTextInput(p -> p.actionId(ACTION).maxLength(40)))));
        } else {
            blocks.add(context(c -> c.elements(List.of(markdownText("`" + r.code() + "`")))));
        }
        blocks.add(textInput("label_fr", t("label_fr"), r == null ? null : r.labels().fr(), false, false));
        blocks.add(textInput("label_en", t("label_en"), r == null ? null : r.labels().en(), false, false));
        List<OptionObject> types = new ArrayList<>();
        for (StatusType type : StatusType.values()) {
            types.add(option(plainText(type.label(ports.ui())), type.name()));
        }
        blocks.add(select("type", t("type"), types, r == null ? null : r.type().name(), false));
        OptionObject active = option(plainText(t("active")), "active");
        blocks.add(input(b -> b.blockId("active").optional(true).label(plainText(t("active")))
                .element(checkboxes(c -> {
                    c.actionId(ACTION).options(List.of(active));
                    if (r == null || r.active()) {
                        c.initialOptions(List.of(active));
                    }
                    return c;
                }))));
        blocks.add(textInput("delay", t("delay"), r == null || r.delay() == null ? null
                : Integer.toString(r.delay().days()), true, false));
        List<OptionObject> units = new ArrayList<>();
        for (DayCount unit : DayCount.values()) {
            units.add(option(plainText(t("unit_" + unit.name())), unit.name()));
        }
        blocks.add(select("delay_unit", t("delay_unit"), units, r == null || r.delay() == null ? DayCount.CALENDAR.name()
                : r.delay().unit().name(), true));
        List<OptionObject> templates = new ArrayList<>();
        templates.add(option(plainText("—"), NONE));
        for (ActionTemplate tpl : ports.rules().templates()) {
            if (templates.size() < 100) {
                templates.add(option(plainText(Mrkdwn.cut(tpl.id(), 75)), tpl.id()));
            }
        }
        blocks.add(select("template", t("template"), templates, r == null || r.templateId() == null ? NONE
                : r.templateId(), true));
        List<OptionObject> modes = new ArrayList<>();
        modes.add(option(plainText("—"), NONE));
        for (FollowUpMode m : FollowUpMode.values()) {
            modes.add(option(plainText(t("mode_" + m.name())), m.name()));
        }
        blocks.add(select("mode", t("fu_mode"), modes, r == null || r.mode() == null ? NONE : r.mode().name(), true));
        OptionObject holds = option(plainText(t("holds")), "holds");
        blocks.add(input(b -> b.blockId("holds").optional(true).label(plainText(t("holds")))
                .element(checkboxes(c -> {
                    c.actionId(ACTION).options(List.of(holds));
                    if (r != null && r.holdsItems()) {
                        c.initialOptions(List.of(holds));
                    }
                    return c;
                }))));
        blocks.add(textInput("hold_days", t("hold_days"), r == null || r.holdDays() == null ? null
                : Integer.toString(r.holdDays()), true, false));
        return modal(STATUS_EDIT, r == null ? "new" : "edit:" + r.code(), "status_title", true, blocks);
    }

    private CatalogEdits.RuleDraft ruleDraft(String metadata, Map<String, Map<String, ViewState.Value>> values,
                                             Map<String, String> errors) {
        boolean isNew = !metadata.startsWith("edit:");
        String code = isNew ? Interactions.text(values, "code") : metadata.substring("edit:".length());
        Integer delay = integer(values, "delay", errors);
        Integer holdDays = integer(values, "hold_days", errors);
        String template = Interactions.selected(values, "template");
        String mode = Interactions.selected(values, "mode");
        return new CatalogEdits.RuleDraft(code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT), isNew,
                Interactions.text(values, "label_fr"), Interactions.text(values, "label_en"),
                Interactions.selected(values, "type"), Interactions.checked(values, "active"), delay,
                Interactions.selected(values, "delay_unit"), NONE.equals(template) ? null : template,
                NONE.equals(mode) ? null : mode, Interactions.checked(values, "holds"), holdDays);
    }

    private Integer integer(Map<String, Map<String, ViewState.Value>> values, String block,
                            Map<String, String> errors) {
        String text = Interactions.text(values, block);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text.replace("J+", "").replace("+", "").trim());
        } catch (NumberFormatException e) {
            errors.put(block, t("err_number"));
            return null;
        }
    }

    // ---- /ar-template ----

    View templateList() {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (ActionTemplate tpl : ports.rules().templates()) {
            if (blocks.size() >= 100) {
                break;
            }
            String line = "*" + Mrkdwn.escape(tpl.name() == null ? tpl.id() : tpl.name().in(ports.ui())) + "* `"
                    + tpl.id() + "` · " + tpl.channel() + " · " + tpl.recipients();
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.cut(line, 3000)))
                    .accessory(button(b -> b.actionId(TEMPLATE_EDIT).text(plainText(t("edit"))).value(tpl.id())))));
        }
        return modal(TEMPLATE_LIST, null, "templates_title", false, blocks);
    }

    static CatalogEdits.TemplateDraft draftOf(ActionTemplate tpl) {
        TemplateContent fr = tpl.content().get(Language.FR);
        TemplateContent en = tpl.content().get(Language.EN);
        return new CatalogEdits.TemplateDraft(tpl.id(), tpl.channel().name(), tpl.recipients().name(),
                fr == null ? null : fr.subject(), fr == null ? null : fr.body(), en == null ? null : en.subject(),
                en == null ? null : en.body());
    }

    View templateEdit(ActionTemplate tpl, CatalogEdits.TemplateDraft d, String preview) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("*" + Mrkdwn.escape(tpl.name() == null ? tpl.id()
                : tpl.name().in(ports.ui())) + "* `" + tpl.id() + "`")))));
        List<OptionObject> channels = new ArrayList<>();
        for (ActionChannel c : ActionChannel.values()) {
            channels.add(option(plainText(c.name()), c.name()));
        }
        blocks.add(select("channel", t("channel"), channels, d.channel(), false));
        List<OptionObject> recipients = new ArrayList<>();
        for (RecipientRule r : RecipientRule.values()) {
            recipients.add(option(plainText(r.name()), r.name()));
        }
        blocks.add(select("recipients", t("recipients"), recipients, d.recipients(), false));
        blocks.add(textInput("subject_fr", t("subject_fr"), d.subjectFr(), false, false));
        blocks.add(textInput("body_fr", t("body_fr"), d.bodyFr(), false, true));
        blocks.add(textInput("subject_en", t("subject_en"), d.subjectEn(), false, false));
        blocks.add(textInput("body_en", t("body_en"), d.bodyEn(), false, true));
        blocks.add(actions(a -> a.blockId("preview_actions").elements(List.of(button(b -> b
                .actionId(TEMPLATE_PREVIEW).text(plainText(t("preview"))).value(tpl.id()))))));
        if (preview != null) {
            blocks.add(section(s -> s.blockId("preview").text(markdownText(Mrkdwn.cut(preview, 3000)))));
        }
        return modal(TEMPLATE_EDIT, tpl.id(), "template_title", true, blocks);
    }

    private CatalogEdits.TemplateDraft templateDraft(String id, Map<String, Map<String, ViewState.Value>> values) {
        return new CatalogEdits.TemplateDraft(id, Interactions.selected(values, "channel"),
                Interactions.selected(values, "recipients"), rawText(values, "subject_fr"), rawText(values, "body_fr"),
                rawText(values, "subject_en"), rawText(values, "body_en"));
    }

    private static String rawText(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Interactions.value(values, block).map(ViewState.Value::getValue).orElse(null);
    }

    /** The draft rendered on a sample item in both languages, or its syntax errors. */
    String preview(CatalogEdits.TemplateDraft d) {
        Map<String, Object> model = sampleModel();
        StringBuilder sb = new StringBuilder(t("preview_of", "FA-2025-00042"));
        String[][] parts = {{"FR", d.subjectFr(), d.bodyFr()}, {"EN", d.subjectEn(), d.bodyEn()}};
        for (String[] p : parts) {
            sb.append("\n\n*").append(p[0]).append("*\n");
            Optional<String> error = renderer().checkSyntax(p[1] == null ? "" : p[1])
                    .or(() -> renderer().checkSyntax(p[2] == null ? "" : p[2]));
            if (error.isPresent()) {
                sb.append("⚠️ ").append(Mrkdwn.escapeAndCut(t("err_syntax", error.get()), 600));
                continue;
            }
            String subject = MustacheTemplateRenderer.renderText(p[1], model).replaceAll("[\\r\\n]+", " ").trim();
            String body = MustacheTemplateRenderer.renderText(p[2], model);
            sb.append("*").append(Mrkdwn.escapeAndCut(subject, 250)).append("*\n> ")
                    .append(Mrkdwn.escapeAndCut(body, 1100).replace("\n", "\n> "));
        }
        return sb.toString();
    }

    static Map<String, Object> sampleModel() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("number", "FA-2025-00042");
        item.put("dueDate", LocalDate.of(2025, 10, 31).toString());
        item.put("amount", "1 250,00");
        item.put("openAmount", "1 250,00");
        item.put("currency", "EUR");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerName", "Atelier Exemple SARL");
        m.put("companyName", "Atelier Lumen");
        m.put("items", List.of(item));
        m.put("itemNumbers", "FA-2025-00042");
        m.put("total", "1 250,00");
        m.put("currency", "EUR");
        m.put("comment", "Virement annoncé pour le 14");
        m.put("owner", "Camille Roux");
        m.put("status", "Promesse de paiement");
        m.put("replyAddress", "reply+abcdefghij@inbound.example.com");
        m.put("customerWords", "Le virement partira le 14.");
        m.put("webLink", "https://relances.example.com/r/exemple");
        return m;
    }

    // ---- /ar-scenario ----

    View scenarioEdit(List<ScenarioStep> steps) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText(t("scenario_intro"))))));
        int rows = Math.min(CatalogEdits.MAX_STEPS, Math.max(3, steps.size() + 2));
        List<OptionObject> templates = new ArrayList<>();
        for (ActionTemplate tpl : ports.rules().templates()) {
            if (templates.size() < 100) {
                templates.add(option(plainText(Mrkdwn.cut(tpl.id(), 75)), tpl.id()));
            }
        }
        List<OptionObject> channels = new ArrayList<>();
        for (ActionChannel c : ActionChannel.values()) {
            channels.add(option(plainText(c.name()), c.name()));
        }
        for (int i = 0; i < rows; i++) {
            ScenarioStep s = i < steps.size() ? steps.get(i) : null;
            int n = i + 1;
            blocks.add(context(c -> c.elements(List.of(markdownText("*" + t("step", n) + "*")))));
            blocks.add(textInput("offset_" + i, t("offset"), s == null ? null : Integer.toString(s.offsetDays()),
                    true, false));
            blocks.add(select("template_" + i, t("template"), templates, s == null ? null : s.templateId(), true));
            blocks.add(select("channel_" + i, t("channel"), channels, s == null ? null : s.channel().name(), true));
        }
        return modal(SCENARIO_EDIT, "scenario", "scenario_title", true, blocks);
    }

    private List<CatalogEdits.StepDraft> stepDrafts(Map<String, Map<String, ViewState.Value>> values,
                                                    List<Integer> rows, Map<String, String> errors) {
        List<CatalogEdits.StepDraft> out = new ArrayList<>();
        List<ScenarioStep> before = ports.scenario().steps();
        for (int i = 0; i < CatalogEdits.MAX_STEPS; i++) {
            String offset = Interactions.text(values, "offset_" + i);
            String template = Interactions.selected(values, "template_" + i);
            if (offset == null && template == null) {
                continue; // an empty row: removed or never filled
            }
            Integer days = integer(values, "offset_" + i, errors);
            if (offset != null && days == null) {
                continue;
            }
            String id = i < before.size() && before.get(i).templateId().equals(template)
                    && days != null && before.get(i).offsetDays() == days ? before.get(i).id() : null;
            out.add(new CatalogEdits.StepDraft(id, days, template, Interactions.selected(values, "channel_" + i)));
            rows.add(i);
        }
        return out;
    }

    // ---- building blocks ----

    static final String ACTION = io.arfollowup.adapters.slack.SlackIds.ACTION;

    private LayoutBlock textInput(String block, String label, String initial, boolean optional, boolean multiline) {
        return input(b -> b.blockId(block).optional(optional).label(plainText(Mrkdwn.cut(label, 2000)))
                .element(plainTextInput(p -> {
                    p.actionId(ACTION).multiline(multiline).maxLength(multiline ? 3000 : 250);
                    if (initial != null && !initial.isEmpty()) {
                        p.initialValue(Mrkdwn.cut(initial, multiline ? 3000 : 250));
                    }
                    return p;
                })));
    }

    private LayoutBlock select(String block, String label, List<OptionObject> options, String initial,
                               boolean optional) {
        OptionObject first = initial == null ? null : options.stream().filter(o -> o.getValue().equals(initial))
                .findFirst().orElse(null);
        return input(b -> b.blockId(block).optional(optional).label(plainText(label))
                .element(staticSelect(s -> {
                    s.actionId(ACTION).options(options);
                    if (first != null) {
                        s.initialOption(first);
                    }
                    return s;
                })));
    }
}
