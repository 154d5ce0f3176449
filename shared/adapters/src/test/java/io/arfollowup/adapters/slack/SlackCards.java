package io.arfollowup.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Block Kit as Slack receives it (snake_case JSON), and walkers to check Slack's limits on it. */
public final class SlackCards {

    private static final Gson GSON = SlackWebApi.BLOCKS;

    private SlackCards() {
    }

    public static JsonElement json(Object blocksOrView) {
        return JsonParser.parseString(GSON.toJson(blocksOrView));
    }

    /** Calls {@code visit} with every object of the tree and the name of the field that holds it. */
    public static void walk(JsonElement e, String field, BiConsumer<String, JsonObject> visit) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            visit.accept(field, o);
            o.entrySet().forEach(x -> walk(x.getValue(), x.getKey(), visit));
        } else if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                walk(x, field, visit);
            }
        }
    }

    /** Every text a person can read in the tree ({@code text} of text objects). */
    public static List<String> texts(JsonElement e) {
        List<String> out = new ArrayList<>();
        walk(e, "", (field, o) -> {
            if (o.has("type") && o.has("text") && o.get("text").isJsonPrimitive()) {
                out.add(o.get("text").getAsString());
            }
        });
        return out;
    }

    /** The action ids of every interactive element. */
    public static List<String> actionIds(JsonElement e) {
        List<String> out = new ArrayList<>();
        walk(e, "", (field, o) -> {
            if (o.has("action_id")) {
                out.add(o.get("action_id").getAsString());
            }
        });
        return out;
    }

    /** The plain texts of every button. */
    public static List<String> buttonTexts(JsonElement e) {
        List<String> out = new ArrayList<>();
        walk(e, "", (field, o) -> {
            if ("button".equals(str(o, "type"))) {
                out.add(o.getAsJsonObject("text").get("text").getAsString());
            }
        });
        return out;
    }

    /** The text of every section block (mrkdwn or plain). */
    public static List<String> sectionTexts(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        for (JsonElement b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if ("section".equals(str(o, "type")) && o.has("text")) {
                out.add(o.getAsJsonObject("text").get("text").getAsString());
            }
        }
        return out;
    }

    static String str(JsonObject o, String field) {
        return o.has(field) && o.get(field).isJsonPrimitive() ? o.get(field).getAsString() : null;
    }
}
