package io.arfollowup.adapters.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.arfollowup.core.usecase.Work;
import java.util.Map;

/**
 * The worker's payload: {@code {"action": "...", "work": {...}}}. One line per kind of {@link Work} below; unknown
 * actions are refused loudly (a deploy mismatch, not something to drop silently).
 */
public final class WorkCodec {

    private static final Map<String, Class<? extends Work>> KINDS = Map.ofEntries(
            Map.entry("qualify", Work.Qualify.class),
            Map.entry("validate", Work.Validate.class),
            Map.entry("delete", Work.Delete.class),
            Map.entry("change_owner", Work.ChangeOwner.class),
            Map.entry("edit_comment", Work.EditComment.class),
            Map.entry("cancel_follow_ups", Work.CancelFollowUps.class),
            Map.entry("link_customer", Work.LinkCustomer.class),
            Map.entry("show_history", Work.ShowHistory.class),
            Map.entry("publish_home", Work.PublishHome.class),
            Map.entry("save_status_rule", Work.SaveStatusRule.class),
            Map.entry("save_template", Work.SaveTemplate.class),
            Map.entry("save_scenario", Work.SaveScenario.class),
            Map.entry("follow_up", Work.FollowUpAction.class),
            Map.entry("internal_answer_apply", Work.ApplyInternalAnswer.class),
            Map.entry("release_hold", Work.ReleaseHold.class));

    private WorkCodec() {
    }

    public static String encode(Work work) {
        JsonObject root = new JsonObject();
        root.addProperty("action", work.action());
        root.add("work", Json.GSON.toJsonTree(work));
        return Json.GSON.toJson(root);
    }

    public static Work decode(String json) {
        try {
            JsonObject root = Json.parse(json);
            String action = Json.text(root, "", "action");
            Class<? extends Work> type = KINDS.get(action);
            if (type == null) {
                throw new IllegalArgumentException("unknown worker action '" + action + "'");
            }
            JsonElement work = root.get("work");
            return Json.GSON.fromJson(work, type);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("unreadable worker payload", e);
        }
    }
}
