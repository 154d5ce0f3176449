package io.arfollowup.testing.fakes;

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
