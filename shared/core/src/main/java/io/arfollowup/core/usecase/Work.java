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

    /** Change the resolution owner of a qualified response's items (all of them when {@code itemNumbers} is empty). */
    record ChangeOwner(String responseId, java.util.List<String> itemNumbers, String owner, String actor,
                       String requestId) implements Work {
        @Override
        public String action() {
            return "change_owner";
        }
    }

    /** Replace the comment on a qualified response's items (all of them when {@code itemNumbers} is empty). */
    record EditComment(String responseId, java.util.List<String> itemNumbers, String comment, String actor,
                       String requestId) implements Work {
        @Override
        public String action() {
            return "edit_comment";
        }
    }

    /** Cancel a qualified response's follow-ups not yet run (all of them when {@code followUpIds} is empty). */
    record CancelFollowUps(String responseId, java.util.List<String> followUpIds, String actor) implements Work {
        @Override
        public String action() {
            return "cancel_follow_ups";
        }
    }

    /** Link an unmatched response to the customer a collector picked on its triage card. */
    record LinkCustomer(String responseId, String customerId, String actor) implements Work {
        @Override
        public String action() {
            return "link_customer";
        }
    }

    /** Fill the open view {@code viewId} with the history of a customer or an invoice ({@code /ar}). */
    record ShowHistory(String viewId, String query, String actor) implements Work {
        @Override
        public String action() {
            return "show_history";
        }
    }

    /** Publish a collector's Home tab. */
    record PublishHome(String userId) implements Work {
        @Override
        public String action() {
            return "publish_home";
        }
    }

    /** An admin's new or edited status rule (validated again by the worker before it is stored). */
    record SaveStatusRule(CatalogEdits.RuleDraft draft, String actor) implements Work {
        @Override
        public String action() {
            return "save_status_rule";
        }
    }

    /** An admin's edited action template. */
    record SaveTemplate(CatalogEdits.TemplateDraft draft, String actor) implements Work {
        @Override
        public String action() {
            return "save_template";
        }
    }

    /** An admin's edit of the dunning scenario's steps. */
    record SaveScenario(java.util.List<CatalogEdits.StepDraft> steps, String actor) implements Work {
        @Override
        public String action() {
            return "save_scenario";
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
