package io.arfollowup.testing.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A loopback stand-in for the EventBridge Scheduler REST-JSON API: CreateSchedule ({@code POST /schedules/{Name}}),
 * UpdateSchedule ({@code PUT}), GetSchedule ({@code GET}), DeleteSchedule ({@code DELETE}). It keeps the schedules,
 * answers like AWS (409 on a second create with another ClientToken, 404 on a missing one) and tells a listener,
 * which the local scheduler emulator uses to fire the runner.
 */
public class SchedulerStub extends LoopbackStub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> schedules = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, JsonNode> listener = (op, body) -> { };
    private volatile int throttleNext;

    public void onChange(BiConsumer<String, JsonNode> listener) {
        this.listener = listener;
    }

    /** The next {@code times} calls answer 429 ThrottlingException. */
    public void throttleNext(int times) {
        this.throttleNext = times;
    }

    public Map<String, JsonNode> schedules() {
        return Map.copyOf(schedules);
    }

    /** Removes a schedule without an API call (a one-time schedule that fired with ActionAfterCompletion DELETE). */
    protected JsonNode removeSchedule(String name) {
        return schedules.remove(name);
    }

    public Optional<JsonNode> schedule(String name) {
        return Optional.ofNullable(schedules.get(name));
    }

    @Override
    protected Reply answer(RecordedRequest request) throws IOException {
        if (!request.path().startsWith("/schedules/")) {
            return error(404, "ResourceNotFoundException", "unknown path " + request.path());
        }
        if (throttleNext > 0) {
            throttleNext--;
            return error(429, "ThrottlingException", "Rate exceeded");
        }
        String name = URLDecoder.decode(request.path().substring("/schedules/".length()), StandardCharsets.UTF_8);
        switch (request.method()) {
            case "POST" -> {
                JsonNode body = JSON.readTree(request.body());
                JsonNode existing = schedules.get(name);
                if (existing != null) {
                    if (existing.path("ClientToken").asText("").equals(body.path("ClientToken").asText("-"))) {
                        return Reply.json(200, arn(body, name));
                    }
                    return error(409, "ConflictException", "Schedule " + name + " already exists.");
                }
                schedules.put(name, body);
                listener.accept("create", withName(body, name));
                return Reply.json(200, arn(body, name));
            }
            case "PUT" -> {
                if (!schedules.containsKey(name)) {
                    return error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
                }
                JsonNode body = JSON.readTree(request.body());
                schedules.put(name, body);
                listener.accept("update", withName(body, name));
                return Reply.json(200, arn(body, name));
            }
            case "GET" -> {
                JsonNode s = schedules.get(name);
                return s == null ? error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.")
                        : Reply.json(200, JSON.writeValueAsString(withName(s, name)));
            }
            case "DELETE" -> {
                JsonNode removed = schedules.remove(name);
                if (removed == null) {
                    return error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
                }
                listener.accept("delete", withName(removed, name));
                return Reply.json(200, "{}");
            }
            default -> {
                return error(400, "ValidationException", "unsupported " + request.method());
            }
        }
    }

    private static JsonNode withName(JsonNode body, String name) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).put("Name", name);
    }

    private static String arn(JsonNode body, String name) {
        String group = body.path("GroupName").asText("default");
        return "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-3:123456789012:schedule/" + group + "/" + name + "\"}";
    }

    private static Reply error(int status, String type, String message) {
        return Reply.json(status, "{\"Message\":\"" + message + "\"}").withHeader("x-amzn-ErrorType", type);
    }
}
