package io.arfollowup.core.port;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.StatusRule;
import java.util.List;
import java.util.Optional;

/** The status catalogue with its rules, and the action templates (seeded from infra/config). */
public interface RuleCatalog {
    Optional<StatusRule> rule(String statusCode);

    List<StatusRule> rules();

    Optional<ActionTemplate> template(String templateId);

    List<ActionTemplate> templates();
}
