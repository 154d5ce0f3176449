package io.arfollowup.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        return new YamlRuleCatalog(parseRules(resource("config/status-rules.yaml")),
                parseTemplates(resource("config/action-templates.yaml")));
    }

    static JsonNode resource(String path) {
        try (InputStream in = YamlRuleCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path + " on the class path");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, StatusRule> parseRules(JsonNode root) {
        Map<String, StatusRule> out = new LinkedHashMap<>();
        for (JsonNode s : root.path("statuses")) {
            JsonNode d = s.get("delay");
            Delay delay = d == null ? null : new Delay(d.path("days").asInt(0),
                    DayCount.valueOf(d.path("unit").asText("CALENDAR")), d.path("afterPromisedDate").asBoolean(false));
            JsonNode holds = s.get("holds");
            Integer holdDays = holds == null || !holds.has("days") ? null : holds.get("days").asInt();
            StatusRule rule = new StatusRule(s.path("code").asText(), StatusType.valueOf(s.path("type").asText()),
                    labels(s.path("label")), s.path("active").asBoolean(true), delay,
                    text(s, "template"), s.has("mode") ? FollowUpMode.valueOf(s.get("mode").asText()) : null,
                    holds != null, holdDays);
            out.put(rule.code(), rule);
        }
        return out;
    }

    public static Map<String, ActionTemplate> parseTemplates(JsonNode root) {
        Map<String, ActionTemplate> out = new LinkedHashMap<>();
        for (JsonNode t : root.path("templates")) {
            Map<Language, TemplateContent> content = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                JsonNode c = t.get(l.code());
                if (c != null) {
                    content.put(l, new TemplateContent(c.path("subject").asText(""), c.path("body").asText("")));
                }
            }
            ActionTemplate template = new ActionTemplate(t.path("id").asText(), labels(t.path("name")),
                    ActionChannel.valueOf(t.path("channel").asText()),
                    RecipientRule.valueOf(t.path("recipients").asText("CLIENT")), content);
            out.put(template.id(), template);
        }
        return out;
    }

    private static Labels labels(JsonNode n) {
        return new Labels(n.path("fr").asText(null), n.path("en").asText(null));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
