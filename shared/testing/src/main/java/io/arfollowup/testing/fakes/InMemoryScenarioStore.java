package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.port.ScenarioStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** ScenarioStore in memory (issue 7 owns the DynamoDB one); remembers who saved last. */
public final class InMemoryScenarioStore implements ScenarioStore {
    private volatile List<ScenarioStep> steps;
    private volatile String lastActor;

    public InMemoryScenarioStore(List<ScenarioStep> initial) {
        this.steps = sorted(initial);
    }

    /** The default scenario of infra/config/scenario.yaml: D-3 courtesy, D+7, D+15, D+30 formal notice (issue 7). */
    public static InMemoryScenarioStore defaults() {
        return new InMemoryScenarioStore(List.of(
                new ScenarioStep("courtesy", -3, "scenario-courtesy", null, new Labels("Courtoisie", "Courtesy")),
                new ScenarioStep("first-reminder", 7, "scenario-first-reminder", null,
                        new Labels("Relance 1", "Reminder 1")),
                new ScenarioStep("second-reminder", 15, "scenario-second-reminder", null,
                        new Labels("Relance 2", "Reminder 2")),
                new ScenarioStep("formal-notice", 30, "scenario-formal-notice", null,
                        new Labels("Mise en demeure", "Formal notice"))));
    }

    @Override
    public List<ScenarioStep> steps() {
        return steps;
    }

    @Override
    public synchronized void save(List<ScenarioStep> newSteps, String actor) {
        this.steps = sorted(newSteps);
        this.lastActor = actor;
    }

    public String lastActor() {
        return lastActor;
    }

    private static List<ScenarioStep> sorted(List<ScenarioStep> in) {
        List<ScenarioStep> out = new ArrayList<>(in);
        out.sort(Comparator.comparingInt(ScenarioStep::offsetDays));
        return List.copyOf(out);
    }
}
