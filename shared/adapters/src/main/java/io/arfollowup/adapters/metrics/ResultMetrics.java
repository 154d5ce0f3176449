package io.arfollowup.adapters.metrics;

import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.port.Metrics;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.usecase.AmendQualification;
import io.arfollowup.core.usecase.CatchUpFollowUps;
import io.arfollowup.core.usecase.FollowUpDecisions;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.ReceiveEmail;
import io.arfollowup.core.usecase.RunFollowUp;
import io.arfollowup.core.webform.SubmitWebAnswers;
import java.util.Map;

/**
 * What each use case's result counts for (docs/operations: the metrics): one place that maps the core's results to
 * the {@link Metrics} counters, called by the handlers after the use case returned. Dimensions are enum words only.
 */
public final class ResultMetrics {

    private ResultMetrics() {
    }

    public static void record(Metrics m, Object result) {
        if (result instanceof io.arfollowup.core.usecase.RecordMailFeedback.Result r) {
            m.count(Metrics.MAIL_FEEDBACK, 1, Map.of("Kind", r.kind().name()));
            if (r.marked() > 0) {
                m.count(Metrics.CONTACTS_MARKED_FAILING, r.marked(), Map.of("Kind", r.kind().name()));
            }
        } else if (result instanceof ReceiveEmail.Result r && r.outcome() == ReceiveEmail.Outcome.STORED) {
            m.count(Metrics.ANSWERS_RECEIVED, 1, Map.of("Channel", "EMAIL"));
        } else if (result instanceof SubmitWebAnswers.Submitted s && !s.duplicate()) {
            m.count(Metrics.ANSWERS_RECEIVED, 1, Map.of("Channel", "WEB"));
        } else if (result instanceof QualifyResponse.Result r && r.status() == QualifyResponse.Status.QUALIFIED) {
            m.count(Metrics.QUALIFICATIONS, 1);
            SuggestionOutcome outcome = r.qualification() == null ? null : r.qualification().outcome();
            if (outcome == SuggestionOutcome.ACCEPTED) {
                m.count(Metrics.SUGGESTIONS_ACCEPTED, 1);
            } else if (outcome == SuggestionOutcome.EDITED) {
                m.count(Metrics.SUGGESTIONS_EDITED, 1);
            } else if (outcome == SuggestionOutcome.REJECTED) {
                m.count(Metrics.SUGGESTIONS_REJECTED, 1);
            }
        } else if (result instanceof RunFollowUp.Result r) {
            switch (r.status()) {
                case DONE, AWAITING_CONFIRMATION -> m.count(Metrics.FOLLOW_UPS_RUN, 1, Map.of("Outcome", r.status().name()));
                case FAILED -> m.count(Metrics.FOLLOW_UPS_FAILED, 1);
                case CANCELLED -> m.count(Metrics.FOLLOW_UPS_CANCELLED, 1);
                default -> { }
            }
        } else if (result instanceof CatchUpFollowUps.Result r) {
            m.count(Metrics.FOLLOW_UPS_RUN, r.done(), Map.of("Outcome", "CATCH_UP"));
            m.count(Metrics.FOLLOW_UPS_FAILED, r.failed());
        } else if (result instanceof FollowUpDecisions.Result r && r.status() == FollowUpDecisions.Status.CANCELLED) {
            m.count(Metrics.FOLLOW_UPS_CANCELLED, 1);
        } else if (result instanceof ScenarioReport r) {
            m.count(Metrics.SCENARIO_REMINDERS_SENT, r.sent().size());
        } else if (result instanceof ImportReport r) {
            m.count(Metrics.IMPORT_ROWS_LOADED, Math.max(0, r.rows() - r.errors().size()), Map.of("Kind", kind(r)));
            m.count(Metrics.IMPORT_ROWS_REJECTED, r.errors().size(), Map.of("Kind", kind(r)));
        }
    }

    /** The worker's "cancel these follow-ups" (AmendQualification's result does not say which amendment it was). */
    public static void recordCancelled(Metrics m, AmendQualification.Result r) {
        if (r != null && r.status() == AmendQualification.Status.DONE && r.changed() > 0) {
            m.count(Metrics.FOLLOW_UPS_CANCELLED, r.changed());
        }
    }

    private static String kind(ImportReport r) {
        return r.kind() == null || r.kind().isBlank() ? "unknown" : r.kind().replaceAll("[^A-Za-z_-]", "");
    }
}
