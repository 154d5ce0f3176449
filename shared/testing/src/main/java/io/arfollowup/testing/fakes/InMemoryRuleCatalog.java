package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.port.RuleCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RuleCatalog in memory, filled by the test. */
public final class InMemoryRuleCatalog implements RuleCatalog {
    private final Map<String, StatusRule> rules = new LinkedHashMap<>();
    private final Map<String, ActionTemplate> templates = new LinkedHashMap<>();

    public InMemoryRuleCatalog rule(StatusRule rule) {
        rules.put(rule.code(), rule);
        return this;
    }

    public InMemoryRuleCatalog template(ActionTemplate template) {
        templates.put(template.id(), template);
        return this;
    }

    @Override
    public Optional<StatusRule> rule(String statusCode) {
        return Optional.ofNullable(rules.get(statusCode));
    }

    @Override
    public List<StatusRule> rules() {
        return List.copyOf(rules.values());
    }

    @Override
    public Optional<ActionTemplate> template(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    @Override
    public List<ActionTemplate> templates() {
        return List.copyOf(templates.values());
    }
}
