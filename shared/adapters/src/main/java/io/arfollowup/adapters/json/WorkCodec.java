package io.arfollowup.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arfollowup.core.usecase.Work;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The worker's payload: {@code {"action": "...", "work": {...}}}. One line per kind of {@link Work} below; unknown
 * actions are refused loudly (a deploy mismatch, not something to drop silently).
 */
public final class WorkCodec {

    private static final Map<String, Class<? extends Work>> KINDS = Map.of(
            "qualify", Work.Qualify.class,
            "validate", Work.Validate.class,
            "delete", Work.Delete.class);

    private WorkCodec() {
    }

    public static String encode(Work work) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("action", work.action());
        root.set("work", Json.MAPPER.valueToTree(work));
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Work decode(String json) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            String action = root.path("action").asText();
            Class<? extends Work> type = KINDS.get(action);
            if (type == null) {
                throw new IllegalArgumentException("unknown worker action '" + action + "'");
            }
            return Json.MAPPER.treeToValue(root.get("work"), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable worker payload", e);
        }
    }
}
