package io.arfollowup.adapters.config;

import io.arfollowup.core.domain.ActionTemplate;

/** Loads one template from a YAML file of infra/config shipped in the jar (e.g. the web page's own e-mails). */
public final class BundledTemplates {

    private BundledTemplates() {
    }

    public static ActionTemplate load(String resource, String templateId) {
        ActionTemplate t = YamlRuleCatalog.parseTemplates(Yaml.resource(resource)).get(templateId);
        if (t == null) {
            throw new IllegalStateException("no template " + templateId + " in " + resource);
        }
        return t;
    }
}
