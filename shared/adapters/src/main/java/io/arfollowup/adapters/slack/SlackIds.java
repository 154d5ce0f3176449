package io.arfollowup.adapters.slack;

/** Action, callback and block ids shared by the cards, the modal, the Slack function and the demo. */
public final class SlackIds {

    public static final String QUALIFY_OPEN = "qualify_open";
    public static final String ACCEPT_SUGGESTION = "accept_suggestion";
    public static final String VALIDATE = "validate";
    public static final String DELETE = "delete";
    public static final String SHOW_FULL = "show_full";

    public static final String QUALIFY_VIEW = "qualify_modal";

    public static final String BLOCK_ITEMS = "items_";
    public static final String BLOCK_STATUS = "status_";
    public static final String BLOCK_COMMENT = "comment_";
    public static final String BLOCK_OWNER = "owner_";
    public static final String BLOCK_FU_DATE = "fu_date_";
    public static final String BLOCK_PROMISED = "promised_";
    public static final String ACTION = "value";

    private SlackIds() {
    }
}
