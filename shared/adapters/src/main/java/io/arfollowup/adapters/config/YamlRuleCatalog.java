package io.arfollowup.adapters.config;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.DayCount;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.RuleCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default catalogue from infra/config (shipped in every jar under {@code config/}): status rules and action
 * templates. Loading validates the cross references (a rule naming an unknown template fails at init, loudly).
 */
public final class YamlRuleCatalog implements RuleCatalog {


    private final Map<String, StatusRule> rules;
    private final Map<String, ActionTemplate> templates;

    public YamlRuleCatalog(Map<String, StatusRule> rules, Map<String, ActionTemplate> templates) {
        this.rules = Map.copyOf(rules);
        this.templates = Map.copyOf(templates);
        this.order = List.copyOf(rules.keySet());
        this.templateOrder = List.copyOf(templates.keySet());
        for (StatusRule r : rules.values()) {
            if (r.templateId() != null && !templates.containsKey(r.templateId())) {
                throw new IllegalStateException("status " + r.code() + " names unknown template " + r.templateId());
            }
        }
    }

    private final List<String> order;
    private final List<String> templateOrder;

    /** The catalogue shipped in the jar. */
    public static YamlRuleCatalog bundled() {
        return new YamlRuleCatalog(parseRules(Yaml.resource("config/status-rules.yaml")),
                parseTemplates(Yaml.resource("config/action-templates.yaml")));
    }

    public static Map<String, StatusRule> parseRules(Map<String, Object> root) {
        Map<String, StatusRule> out = new LinkedHashMap<>();
        for (Object o : Yaml.list(root.get("statuses"))) {
            Map<String, Object> s = Yaml.map(o);
            Map<String, Object> d = s.containsKey("delay") ? Yaml.map(s.get("delay")) : null;
            Delay delay = d == null ? null : new Delay(Yaml.integer(d, "days", 0),
                    DayCount.valueOf(Yaml.text(d, "unit", "CALENDAR")), Yaml.bool(d, "afterPromisedDate", false));
            Map<String, Object> holds = s.containsKey("holds") ? Yaml.map(s.get("holds")) : null;
            Integer holdDays = holds == null || !holds.containsKey("days") ? null : Yaml.integer(holds, "days", 0);
            String mode = Yaml.text(s, "mode", null);
            StatusRule rule = new StatusRule(Yaml.text(s, "code", null),
                    StatusType.valueOf(Yaml.text(s, "type", null)), labels(s.get("label")),
                    Yaml.bool(s, "active", true), delay, Yaml.text(s, "template", null),
                    mode == null ? null : FollowUpMode.valueOf(mode), holds != null, holdDays,
                    Yaml.bool(s, "autoApplyInternalAnswers", false));
            out.put(rule.code(), rule);
        }
        return out;
    }

    public static Map<String, ActionTemplate> parseTemplates(Map<String, Object> root) {
        Map<String, ActionTemplate> out = new LinkedHashMap<>();
        for (Object o : Yaml.list(root.get("templates"))) {
            Map<String, Object> t = Yaml.map(o);
            Map<Language, TemplateContent> content = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                if (t.containsKey(l.code())) {
                    Map<String, Object> c = Yaml.map(t.get(l.code()));
                    content.put(l, new TemplateContent(Yaml.text(c, "subject", ""), Yaml.text(c, "body", "")));
                }
            }
            ActionTemplate template = new ActionTemplate(Yaml.text(t, "id", null), labels(t.get("name")),
                    ActionChannel.valueOf(Yaml.text(t, "channel", null)),
                    RecipientRule.valueOf(Yaml.text(t, "recipients", "CLIENT")), content,
                    Yaml.bool(t, "attachDocuments", false));
            out.put(template.id(), template);
        }
        return out;
    }

    private static Labels labels(Object value) {
        Map<String, Object> m = Yaml.map(value);
        return new Labels(Yaml.text(m, "fr", null), Yaml.text(m, "en", null));
    }

    @Override
    public Optional<StatusRule> rule(String statusCode) {
        return Optional.ofNullable(rules.get(statusCode));
    }

    @Override
    public List<StatusRule> rules() {
        List<StatusRule> out = new ArrayList<>();
        order.forEach(c -> out.add(rules.get(c)));
        return out;
    }

    @Override
    public Optional<ActionTemplate> template(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    @Override
    public List<ActionTemplate> templates() {
        List<ActionTemplate> out = new ArrayList<>();
        templateOrder.forEach(id -> out.add(templates.get(id)));
        return out;
    }
}
