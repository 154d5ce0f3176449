package io.arfollowup.core.port;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Language;
import java.util.Map;

/** Renders action templates (Mustache): text unescaped, HTML escaped, subject stripped of CR/LF. */
public interface TemplateRenderer {
    RenderedMessage render(ActionTemplate template, Language language, Map<String, Object> model);
}
