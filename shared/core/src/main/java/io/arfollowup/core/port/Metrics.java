package io.arfollowup.core.port;

import java.util.Map;

/**
 * Business counters (DESIGN §2, issue 9): answers received by channel, qualifications, suggestions accepted / edited
 * / rejected, follow-ups run / failed / cancelled, scenario reminders sent, import rows loaded / rejected, mail feedback (bounces, complaints) and the contacts it
 * marked failing. Counted
 * during an invocation, written once by {@link #flush()} at its end (CloudWatch Embedded Metric Format in AWS). A
 * dimension value is an enum-like word (a channel, an outcome), never an id, an address or customer text.
 */
public interface Metrics {

    String ANSWERS_RECEIVED = "AnswersReceived";
    String QUALIFICATIONS = "Qualifications";
    String SUGGESTIONS_ACCEPTED = "SuggestionsAccepted";
    String SUGGESTIONS_EDITED = "SuggestionsEdited";
    String SUGGESTIONS_REJECTED = "SuggestionsRejected";
    String FOLLOW_UPS_RUN = "FollowUpsRun";
    String FOLLOW_UPS_FAILED = "FollowUpsFailed";
    String FOLLOW_UPS_CANCELLED = "FollowUpsCancelled";
    String SCENARIO_REMINDERS_SENT = "ScenarioRemindersSent";
    String IMPORT_ROWS_LOADED = "ImportRowsLoaded";
    String IMPORT_ROWS_REJECTED = "ImportRowsRejected";
    String MAIL_FEEDBACK = "MailFeedback";
    String CONTACTS_MARKED_FAILING = "ContactsMarkedFailing";

    /** Adds {@code value} to the counter {@code name} under {@code dimensions} (may be empty). */
    void count(String name, long value, Map<String, String> dimensions);

    default void count(String name, long value) {
        count(name, value, Map.of());
    }

    /** Writes what was counted since the last flush and starts again. */
    void flush();

    Metrics NONE = new Metrics() {
        @Override
        public void count(String name, long value, Map<String, String> dimensions) {
        }

        @Override
        public void flush() {
        }
    };
}
