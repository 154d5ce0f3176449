package io.arfollowup.adapters.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * JSON for the Lambdas, with Gson (already present through the Slack SDK; see docs/decisions/json-with-gson.md):
 * one configured instance with ISO java.time adapters, and null-safe navigation helpers for event trees.
 */
public final class Json {

    public static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, iso(Instant::toString, Instant::parse).nullSafe())
            .registerTypeAdapter(LocalDate.class, iso(LocalDate::toString, LocalDate::parse).nullSafe())
            .registerTypeHierarchyAdapter(ZoneId.class, iso(ZoneId::getId, ZoneId::of).nullSafe())
            .create();

    private Json() {
    }

    public static JsonObject parse(InputStream in) {
        JsonElement e = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return e.getAsJsonObject();
    }

    public static JsonObject parse(String json) {
        JsonElement e = JsonParser.parseString(json);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** The element at a path of object keys, or JsonNull: never throws on a missing or mistyped step. */
    public static JsonElement path(JsonElement root, String... keys) {
        JsonElement e = root;
        for (String k : keys) {
            if (e == null || !e.isJsonObject()) {
                return JsonNull.INSTANCE;
            }
            e = e.getAsJsonObject().get(k);
        }
        return e == null ? JsonNull.INSTANCE : e;
    }

    /** The text at a path, or {@code fallback} when missing, null or not a primitive. */
    public static String text(JsonElement root, String fallback, String... keys) {
        JsonElement e = path(root, keys);
        return e.isJsonPrimitive() ? e.getAsString() : fallback;
    }

    public static boolean bool(JsonElement root, boolean fallback, String... keys) {
        JsonElement e = path(root, keys);
        return e.isJsonPrimitive() ? e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean()
                : Boolean.parseBoolean(e.getAsString()) : fallback;
    }

    /** The elements of the array at a path (empty when it is not an array). */
    public static List<JsonElement> array(JsonElement root, String... keys) {
        JsonElement e = path(root, keys);
        List<JsonElement> out = new ArrayList<>();
        if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                out.add(x);
            }
        }
        return out;
    }

    public static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static <T> TypeAdapter<T> iso(Function<T, String> write, Function<String, T> read) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                out.value(write.apply(value));
            }

            @Override
            public T read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                return read.apply(in.nextString());
            }
        };
    }
}
