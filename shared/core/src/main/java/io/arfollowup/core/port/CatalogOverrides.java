package io.arfollowup.core.port;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.StatusRule;

/**
 * Where the admins' edits of status rules and action templates are kept, over the seed of infra/config (which stays
 * what a new deployment starts from). The {@link RuleCatalog} reads the seed with these edits on top.
 */
public interface CatalogOverrides {

    void putRule(StatusRule rule, String actor);

    void putTemplate(ActionTemplate template, String actor);
}
