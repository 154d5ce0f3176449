package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.DayCount;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.CatalogOverrides;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.ScenarioStore;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.token.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admins' edits in Slack ({@code /ar-status}, {@code /ar-template}, {@code /ar-scenario}): drafts as the forms
 * send them, their validation (one finding per field, so the form shows each error beside its field), and the
 * save, audited. The Slack function validates before it answers the form; the worker validates again before it
 * writes (a draft may have been valid against an older catalogue).
 */
public final class CatalogEdits {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    public static final int MAX_HOLD_DAYS = 3650;
    public static final int MAX_STEPS = 12;
    /** Audit entries for configuration live under this pseudo-customer (one trail per rule/template/scenario). */
    public static final String AUDIT_OWNER = "CONFIG";

    /** A status rule as the form sends it; null fields are empty inputs. */
    public record RuleDraft(String code, boolean isNew, String labelFr, String labelEn, String type, boolean active,
                            Integer delayDays, String delayUnit, String templateId, String mode,
                            boolean holdsItems, Integer holdDays) {
    }

    /** An action template as the form sends it. */
    public record TemplateDraft(String id, String channel, String recipients, String subjectFr, String bodyFr,
                                String subjectEn, String bodyEn) {
    }

    /** One scenario step as the form sends it. */
    public record StepDraft(String id, Integer offsetDays, String templateId, String channel) {
    }

    public enum Problem {
        CODE_FORMAT, CODE_TAKEN, UNKNOWN_STATUS, LABEL_MISSING, TYPE_MISSING, DELAY_MISSING, DELAY_RANGE,
        UNKNOWN_TEMPLATE, MODE_MISSING, HOLD_RANGE, SYNTAX, CHANNEL_MISSING, RECIPIENTS_MISSING, SUBJECT_MISSING,
        BODY_MISSING, OFFSET_RANGE, DUPLICATE_OFFSET, TOO_MANY_STEPS
    }

    /** A problem with one field of a form ({@code detail}: e.g. the Mustache error). */
    public record Finding(String field, Problem problem, String detail) {
    }

    public enum Status { SAVED, UNCHANGED, INVALID }

    public record Result(Status status, List<Finding> findings) {
    }

    private final RuleCatalog catalog;
    private final CatalogOverrides overrides;
    private final ScenarioStore scenario;
    private final TemplateRenderer renderer;
    private final AuditLog audit;
    private final Clock clock;

    public CatalogEdits(RuleCatalog catalog, CatalogOverrides overrides, ScenarioStore scenario,
                        TemplateRenderer renderer, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.overrides = overrides;
        this.scenario = scenario;
        this.renderer = renderer;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- validation (pure: the Slack function runs it before answering the form) ----

    public static List<Finding> check(RuleDraft d, RuleCatalog catalog) {
        List<Finding> out = new ArrayList<>();
        String code = d.code() == null ? "" : d.code().trim();
        if (!CODE.matcher(code).matches()) {
            out.add(new Finding("code", Problem.CODE_FORMAT, null));
        } else if (d.isNew() && catalog.rule(code).isPresent()) {
            out.add(new Finding("code", Problem.CODE_TAKEN, null));
        } else if (!d.isNew() && catalog.rule(code).isEmpty()) {
            out.add(new Finding("code", Problem.UNKNOWN_STATUS, null));
        }
        if (blank(d.labelFr())) {
            out.add(new Finding("label_fr", Problem.LABEL_MISSING, null));
        }
        if (blank(d.labelEn())) {
            out.add(new Finding("label_en", Problem.LABEL_MISSING, null));
        }
        if (parse(StatusType.class, d.type()) == null) {
            out.add(new Finding("type", Problem.TYPE_MISSING, null));
        }
        boolean followUp = !blank(d.templateId()) || !blank(d.mode()) || d.delayDays() != null;
        if (followUp) {
            if (d.delayDays() == null) {
                out.add(new Finding("delay", Problem.DELAY_MISSING, null));
            } else if (d.delayDays() < 0 || d.delayDays() > 365) {
                out.add(new Finding("delay", Problem.DELAY_RANGE, null));
            }
            if (blank(d.templateId()) || catalog.template(d.templateId()).isEmpty()) {
                out.add(new Finding("template", Problem.UNKNOWN_TEMPLATE, d.templateId()));
            }
            if (parse(FollowUpMode.class, d.mode()) == null) {
                out.add(new Finding("mode", Problem.MODE_MISSING, null));
            }
        }
        if (d.holdsItems() && d.holdDays() != null && (d.holdDays() < 1 || d.holdDays() > MAX_HOLD_DAYS)) {
            out.add(new Finding("hold_days", Problem.HOLD_RANGE, null));
        }
        return out;
    }

    public static List<Finding> check(TemplateDraft d, RuleCatalog catalog, TemplateRenderer renderer) {
        List<Finding> out = new ArrayList<>();
        if (blank(d.id()) || catalog.template(d.id()).isEmpty()) {
            out.add(new Finding("id", Problem.UNKNOWN_TEMPLATE, d.id()));
        }
        if (parse(ActionChannel.class, d.channel()) == null) {
            out.add(new Finding("channel", Problem.CHANNEL_MISSING, null));
        }
        if (parse(RecipientRule.class, d.recipients()) == null) {
            out.add(new Finding("recipients", Problem.RECIPIENTS_MISSING, null));
        }
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("subject_fr", d.subjectFr());
        texts.put("body_fr", d.bodyFr());
        texts.put("subject_en", d.subjectEn());
        texts.put("body_en", d.bodyEn());
        texts.forEach((field, text) -> {
            if (blank(text)) {
                out.add(new Finding(field, field.startsWith("subject") ? Problem.SUBJECT_MISSING
                        : Problem.BODY_MISSING, null));
            } else {
                renderer.checkSyntax(text).ifPresent(e -> out.add(new Finding(field, Problem.SYNTAX, e)));
            }
        });
        return out;
    }

    public static List<Finding> check(List<StepDraft> steps, RuleCatalog catalog) {
        List<Finding> out = new ArrayList<>();
        if (steps.size() > MAX_STEPS) {
            out.add(new Finding("steps", Problem.TOO_MANY_STEPS, Integer.toString(MAX_STEPS)));
        }
        Set<Integer> offsets = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDraft s = steps.get(i);
            if (s.offsetDays() == null || s.offsetDays() < -60 || s.offsetDays() > 365) {
                out.add(new Finding("offset_" + i, Problem.OFFSET_RANGE, null));
            } else if (!offsets.add(s.offsetDays())) {
                out.add(new Finding("offset_" + i, Problem.DUPLICATE_OFFSET, null));
            }
            if (blank(s.templateId()) || catalog.template(s.templateId()).isEmpty()) {
                out.add(new Finding("template_" + i, Problem.UNKNOWN_TEMPLATE, s.templateId()));
            }
        }
        return out;
    }

    // ---- saving (the worker) ----

    public Result saveRule(RuleDraft d, String actor) {
        List<Finding> findings = check(d, catalog);
        if (!findings.isEmpty()) {
            return new Result(Status.INVALID, findings);
        }
        Optional<StatusRule> before = catalog.rule(d.code().trim());
        StatusRule rule = toRule(d, before.orElse(null));
        if (before.isPresent() && before.get().equals(rule)) {
            return new Result(Status.UNCHANGED, List.of());
        }
        overrides.putRule(rule, actor);
        record("status/" + rule.code(), "rule", before.map(Object::toString).orElse(null), rule.toString(), actor,
                "/ar-status");
        return new Result(Status.SAVED, List.of());
    }

    public Result saveTemplate(TemplateDraft d, String actor) {
        List<Finding> findings = check(d, catalog, renderer);
        if (!findings.isEmpty()) {
            return new Result(Status.INVALID, findings);
        }
        ActionTemplate before = catalog.template(d.id()).orElseThrow();
        ActionTemplate template = toTemplate(d, before);
        if (template.equals(before)) {
            return new Result(Status.UNCHANGED, List.of());
        }
        overrides.putTemplate(template, actor);
        record("template/" + template.id(), "template", before.toString(), template.toString(), actor,
                "/ar-template");
        return new Result(Status.SAVED, List.of());
    }

    public Result saveScenario(List<StepDraft> drafts, String actor) {
        List<Finding> findings = check(drafts, catalog);
        if (!findings.isEmpty()) {
            return new Result(Status.INVALID, findings);
        }
        List<ScenarioStep> steps = toSteps(drafts, catalog);
        List<ScenarioStep> before = scenario.steps();
        if (before.equals(steps)) {
            return new Result(Status.UNCHANGED, List.of());
        }
        scenario.save(steps, actor);
        record("scenario", "steps", before.toString(), steps.toString(), actor, "/ar-scenario");
        return new Result(Status.SAVED, List.of());
    }

    private void record(String subject, String field, String before, String after, String actor, String cause) {
        // the same change saved twice (a retried worker) is audited once: the key is the change itself
        audit.record(new ItemEvent(AUDIT_OWNER, subject, clock.instant(), actor, field, cut(before), cut(after),
                cause), subject + "/" + Ids.derived("", Objects.toString(before) + "→" + after));
    }

    /** The rule a draft describes; what the form does not show (a promise check's date rule) is kept. */
    public static StatusRule toRule(RuleDraft d, StatusRule before) {
        boolean followUp = d.delayDays() != null && !blank(d.templateId());
        boolean afterPromisedDate = before != null && before.delay() != null && before.delay().afterPromisedDate();
        return new StatusRule(d.code().trim(), parse(StatusType.class, d.type()),
                new Labels(d.labelFr().trim(), d.labelEn().trim()), d.active(),
                followUp ? new Delay(d.delayDays(), parse(DayCount.class, d.delayUnit()), afterPromisedDate) : null,
                followUp ? d.templateId() : null, followUp ? parse(FollowUpMode.class, d.mode()) : null,
                d.holdsItems(), d.holdsItems() ? d.holdDays() : null);
    }

    /** Keeps the template's name; the form edits channel, recipients and both languages' texts. */
    public static ActionTemplate toTemplate(TemplateDraft d, ActionTemplate before) {
        Map<Language, TemplateContent> content = new EnumMap<>(Language.class);
        content.put(Language.FR, new TemplateContent(d.subjectFr(), d.bodyFr()));
        content.put(Language.EN, new TemplateContent(d.subjectEn(), d.bodyEn()));
        return new ActionTemplate(before.id(), before.name(), parse(ActionChannel.class, d.channel()),
                parse(RecipientRule.class, d.recipients()), content);
    }

    public static List<ScenarioStep> toSteps(List<StepDraft> drafts, RuleCatalog catalog) {
        List<ScenarioStep> out = new ArrayList<>();
        for (StepDraft d : drafts) {
            ActionChannel channel = parse(ActionChannel.class, d.channel());
            var template = catalog.template(d.templateId()).orElseThrow();
            String id = blank(d.id()) ? "step-" + (d.offsetDays() < 0 ? "m" + -d.offsetDays() : "p" + d.offsetDays())
                    : d.id();
            out.add(new ScenarioStep(id, d.offsetDays(), d.templateId(), channel == null ? template.channel()
                    : channel, template.name()));
        }
        out.sort(java.util.Comparator.comparingInt(ScenarioStep::offsetDays));
        return out;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
