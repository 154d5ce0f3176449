package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.port.TeamNotifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** TeamNotifier that keeps what it was asked to post. */
public final class RecordingTeamNotifier implements TeamNotifier {
    public final List<ScenarioReport> scenarioRuns = new CopyOnWriteArrayList<>();
    public final List<ImportReport> imports = new CopyOnWriteArrayList<>();
    public final List<String> brokenPromises = new CopyOnWriteArrayList<>();
    /** How many of the next broken-promise alerts fail (Slack down), as a post would. */
    public final java.util.concurrent.atomic.AtomicInteger failingAlerts = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void scenarioRun(ScenarioReport report) {
        scenarioRuns.add(report);
    }

    @Override
    public void importDone(ImportReport report) {
        imports.add(report);
    }

    @Override
    public void promiseBroken(Promise promise, Customer customer, String owner) {
        if (failingAlerts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("slack unavailable");
        }
        brokenPromises.add(owner + " " + promise.id());
    }
}
