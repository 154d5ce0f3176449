package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Promise;

/** Short messages to the collectors in Slack: scenario runs, import results, broken promises. */
public interface TeamNotifier {
    /** The daily run's summary, in the collectors' channel. */
    void scenarioRun(ScenarioReport report);

    /** An import's result, in the collectors' channel. */
    void importDone(ImportReport report);

    /** Tells the owner (a Slack user id, else the channel) that a promise was broken and the chase resumes. */
    void promiseBroken(Promise promise, Customer customer, String owner);
}
