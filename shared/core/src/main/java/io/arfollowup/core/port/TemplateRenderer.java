package io.arfollowup.core.port;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Language;
import java.util.Map;

/** Renders action templates (Mustache): text unescaped, HTML escaped, subject stripped of CR/LF. */
public interface TemplateRenderer {
    RenderedMessage render(ActionTemplate template, Language language, Map<String, Object> model);

    /** The template's syntax error, if any (for the admins' editor); empty when it compiles. */
    default java.util.Optional<String> checkSyntax(String source) {
        return java.util.Optional.empty();
    }
}
