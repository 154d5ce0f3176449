package io.arfollowup.core.port;

import io.arfollowup.core.domain.ScenarioStep;
import java.util.List;

/** The dunning scenario's steps: seeded from infra/config, edited in Slack (/ar-scenario), read by the daily run. */
public interface ScenarioStore {
    /** The steps, ordered by offset. */
    List<ScenarioStep> steps();

    /** Replaces the steps (an admin's edit); the change is audited by the caller. */
    void save(List<ScenarioStep> steps, String actor);
}
