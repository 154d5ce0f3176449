package io.arfollowup.local;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.ScenarioStep;
import java.util.List;

/** A small dunning scenario for the local runtime, so /ar-scenario has steps to show before issue 7's store. */
final class LocalScenario {

    private LocalScenario() {
    }

    static List<ScenarioStep> seed() {
        return List.of(
                new ScenarioStep("step-p7", 7, "payment-check-reminder", ActionChannel.EMAIL,
                        new Labels("Relance J+7", "Reminder D+7")),
                new ScenarioStep("step-p21", 21, "payment-plan-call", ActionChannel.CALL,
                        new Labels("Appel J+21", "Call D+21")));
    }
}
