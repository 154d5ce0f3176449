package io.arfollowup.core.usecase;

/**
 * A unit of work handed from the Slack function to the worker ({@code {action, ids}}). Each kind names its action;
 * the adapters' codec maps actions to record types, so a new kind is one record plus one line there.
 */
public interface Work {
    String action();

    /** Qualify a response (from the modal or Accept suggestion). */
    record Qualify(QualifyResponse.Command command) implements Work {
        @Override
        public String action() {
            return "qualify";
        }
    }

    /** Keep a response without qualification. */
    record Validate(String responseId, String actor) implements Work {
        @Override
        public String action() {
            return "validate";
        }
    }

    /** Soft-delete a response (kept for audit). */
    record Delete(String responseId, String actor) implements Work {
        @Override
        public String action() {
            return "delete";
        }
    }

    /** A button on a follow-up card: send now, edit &amp; send, postpone, cancel, or a task's outcome (issue 6). */
    record FollowUpAction(FollowUpDecisions.Command command) implements Work {
        @Override
        public String action() {
            return "follow_up";
        }
    }

    /** The collector validates a colleague's "resolved" answer from the Slack thread (issue 6). */
    record ApplyInternalAnswer(String answerId, String actor) implements Work {
        @Override
        public String action() {
            return "internal_answer_apply";
        }
    }

    /** Release an item's hold by hand (the card's or /ar's "Release hold" button). */
    record ReleaseHold(String customerId, String itemNumber, String actor) implements Work {
        @Override
        public String action() {
            return "release_hold";
        }
    }
}
