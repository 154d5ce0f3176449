package io.arfollowup.adapters.config;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.port.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The default dunning scenario, infra/config/scenario.yaml (shipped in every jar under {@code config/}). */
public final class YamlScenario {

    private YamlScenario() {
    }

    public static List<ScenarioStep> bundled() {
        return parse(Yaml.resource("config/scenario.yaml"));
    }

    /** The bundled steps, checked against the catalogue: a step naming an unknown template fails loudly. */
    public static List<ScenarioStep> bundled(RuleCatalog rules) {
        List<ScenarioStep> steps = bundled();
        for (ScenarioStep s : steps) {
            if (rules.template(s.templateId()).isEmpty()) {
                throw new IllegalStateException("scenario step " + s.id() + " names unknown template " + s.templateId());
            }
        }
        return steps;
    }

    static List<ScenarioStep> parse(Map<String, Object> root) {
        List<ScenarioStep> out = new ArrayList<>();
        for (Object o : Yaml.list(root.get("steps"))) {
            Map<String, Object> s = Yaml.map(o);
            Map<String, Object> name = Yaml.map(s.get("name"));
            String channel = Yaml.text(s, "channel", null);
            out.add(new ScenarioStep(Yaml.text(s, "id", null), Yaml.integer(s, "offsetDays", 0),
                    Yaml.text(s, "template", null), channel == null ? null : ActionChannel.valueOf(channel),
                    new Labels(Yaml.text(name, "fr", null), Yaml.text(name, "en", null))));
        }
        return List.copyOf(out);
    }
}
