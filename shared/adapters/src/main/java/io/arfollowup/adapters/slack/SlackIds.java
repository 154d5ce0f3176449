package io.arfollowup.adapters.slack;

/** Action, callback and block ids shared by the cards, the modal, the Slack function and the demo. */
public final class SlackIds {

    public static final String QUALIFY_OPEN = "qualify_open";
    public static final String ACCEPT_SUGGESTION = "accept_suggestion";
    public static final String VALIDATE = "validate";
    public static final String DELETE = "delete";
    public static final String SHOW_FULL = "show_full";
    /** "Release hold" on one item; value {@code customerId|itemNumber} (issue 7). */
    public static final String RELEASE_HOLD = "release_hold";

    public static final String ATTACHMENT_LINKS = "attachment_links";
    public static final String TRIAGE_CUSTOMER = "triage_customer";
    public static final String CHANGE_OWNER = "change_owner";
    public static final String EDIT_COMMENT = "edit_comment";
    public static final String CANCEL_FOLLOW_UP = "cancel_follow_up";
    public static final String REQUALIFY = "requalify";
    public static final String HOME_REFRESH = "home_refresh";
    public static final String HISTORY_PICK = "history_pick";

    public static final String QUALIFY_VIEW = "qualify_modal";
    public static final String OWNER_VIEW = "owner_modal";
    public static final String COMMENT_VIEW = "comment_modal";
    public static final String CANCEL_VIEW = "cancel_modal";
    public static final String FULL_TEXT_VIEW = "full_text_modal";
    public static final String HISTORY_VIEW = "history_modal";

    public static final String BLOCK_RESPONSE_ACTIONS = "response_actions";
    public static final String BLOCK_DECIDED_ACTIONS = "decided_actions";
    public static final String BLOCK_TRIAGE = "triage";

    public static final String BLOCK_ITEMS = "items_";
    public static final String BLOCK_STATUS = "status_";
    public static final String BLOCK_COMMENT = "comment_";
    public static final String BLOCK_OWNER = "owner_";
    public static final String BLOCK_FU_DATE = "fu_date_";
    public static final String BLOCK_PROMISED = "promised_";
    public static final String BLOCK_FU_TEMPLATE = "fu_tpl_";
    public static final String BLOCK_FU_MODE = "fu_mode_";
    public static final String BLOCK_FU_NONE = "fu_none_";
    public static final String BLOCK_FU_RULE = "fu_rule_";
    public static final String BLOCK_NOTIFY = "notify";
    public static final String BLOCK_NOTIFY_EMAIL = "notify_email";
    public static final String BLOCK_SCOPE = "scope";
    public static final String BLOCK_VALUE = "value_block";
    public static final String ACTION = "value";

    private SlackIds() {
    }
}
