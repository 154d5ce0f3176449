package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.port.ScenarioStore;
import java.util.Comparator;
import java.util.List;

/** ScenarioStore in memory; {@link #defaults()} = D-3 courtesy, D+7, D+15, D+30 formal notice. */
public final class InMemoryScenarioStore implements ScenarioStore {
    private volatile List<ScenarioStep> steps;

    public InMemoryScenarioStore(List<ScenarioStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public static InMemoryScenarioStore defaults() {
        return new InMemoryScenarioStore(List.of(
                new ScenarioStep("courtesy", -3, "scenario-courtesy", null, new Labels("Courtoisie", "Courtesy")),
                new ScenarioStep("first-reminder", 7, "scenario-first-reminder", null, new Labels("Relance 1", "Reminder 1")),
                new ScenarioStep("second-reminder", 15, "scenario-second-reminder", null, new Labels("Relance 2", "Reminder 2")),
                new ScenarioStep("formal-notice", 30, "scenario-formal-notice", null,
                        new Labels("Mise en demeure", "Formal notice"))));
    }

    @Override
    public List<ScenarioStep> steps() {
        return steps.stream().sorted(Comparator.comparingInt(ScenarioStep::offsetDays)).toList();
    }

    @Override
    public void save(List<ScenarioStep> newSteps, String actor) {
        steps = List.copyOf(newSteps);
    }
}
