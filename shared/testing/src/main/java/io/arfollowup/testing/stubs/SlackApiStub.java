package io.arfollowup.testing.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for the Slack Web API ({@code SlackConfig.setMethodsEndpointUrlPrefix(endpoint + "/api/")})
 * and for {@code response_url} (any path under {@code /response/}). It records every request, keeps the messages
 * it was asked to post or update (so the local preview page can render them), and can be told to fail the next
 * call of a method (e.g. {@code expired_trigger_id}, or HTTP 429 with Retry-After).
 */
public final class SlackApiStub extends LoopbackStub {

    /** A message as Slack would hold it. */
    public record Message(String channel, String ts, String threadTs, String text, JsonNode blocks) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, JsonNode> views = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> homes = new ConcurrentHashMap<>();
    private final List<Message> ephemerals = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String lastViewId;

    /** The view last opened, pushed or updated, as Slack holds it (with its id and hash). */
    public Optional<JsonNode> lastView() {
        return lastViewId == null ? Optional.empty() : view(lastViewId);
    }

    /** Declares a user group (usergroups.users.list answers its members). */
    public void userGroup(String groupId, String... users) {
        userGroups.put(groupId, List.of(users));
    }

    /** The Home tab last published for a user (views.publish). */
    public Optional<JsonNode> home(String userId) {
        return Optional.ofNullable(homes.get(userId));
    }

    /** Ephemeral messages posted with chat.postEphemeral (channel = "user@channel"). */
    public List<Message> ephemerals() {
        return List.copyOf(ephemerals);
    }

    /** Makes the next call of {@code method} answer {@code {"ok":false,"error":error}}. */
    public void failNext(String method, String error) {
        script(method, Reply.json(200, "{\"ok\":false,\"error\":\"" + error + "\"}"));
    }

    /** Makes the next {@code times} calls of {@code method} answer HTTP 429 with Retry-After. */
    public void rateLimitNext(String method, int times, int retryAfterSeconds) {
        for (int i = 0; i < times; i++) {
            script(method, Reply.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
                    .withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
        }
    }

    private void script(String method, Reply reply) {
        scripted.computeIfAbsent(method, k -> new ArrayDeque<>()).add(reply);
    }

    /** Calls of one Web API method ("chat.postMessage"), in order, with their parameters. */
    public List<Map<String, String>> calls(String method) {
        List<Map<String, String>> out = new ArrayList<>();
        for (RecordedRequest r : requests(r -> r.path().equals("/api/" + method))) {
            out.add(params(r));
        }
        return out;
    }

    /** Posts to response_url, in order (JSON bodies). */
    public List<JsonNode> responseUrlPosts() {
        List<JsonNode> out = new ArrayList<>();
        for (RecordedRequest r : requests(r -> r.path().startsWith("/response/"))) {
            try {
                out.add(JSON.readTree(r.body()));
            } catch (IOException e) {
                out.add(JSON.getNodeFactory().textNode(r.bodyText()));
            }
        }
        return out;
    }

    public synchronized List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (String key : order) {
            out.add(messages.get(key));
        }
        return out;
    }

    public Optional<Message> message(String channel, String ts) {
        return Optional.ofNullable(messages.get(channel + "/" + ts));
    }

    /** The last view opened, pushed or updated with this id. */
    public Optional<JsonNode> view(String viewId) {
        return Optional.ofNullable(views.get(viewId));
    }

    public Optional<JsonNode> lastOpenedView() {
        List<Map<String, String>> opened = calls("views.open");
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(opened.get(opened.size() - 1).get("view")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    protected Reply answer(RecordedRequest request) throws IOException {
        String path = request.path();
        if (path.startsWith("/response/")) {
            return Reply.json(200, "{\"ok\":true}");
        }
        if (!path.startsWith("/api/")) {
            return Reply.json(404, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
        String method = path.substring("/api/".length());
        Deque<Reply> queue = scripted.get(method);
        if (queue != null) {
            Reply next;
            synchronized (queue) {
                next = queue.poll();
            }
            if (next != null) {
                return next;
            }
        }
        Map<String, String> p = params(request);
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> ok.put("url", "https://ar-followup-local.slack.com/").put("team", "Local")
                    .put("user", "ar-followup").put("team_id", "T0LOCAL").put("user_id", "U0ARBOT")
                    .put("bot_id", "B0ARBOT");
            case "chat.postMessage" -> {
                String ts = nextTs();
                String channel = p.getOrDefault("channel", "C0COLLECT");
                store(new Message(channel, ts, p.get("thread_ts"), p.get("text"), blocks(p)));
                ok.put("channel", channel).put("ts", ts);
                ok.set("message", JSON.createObjectNode().put("ts", ts).put("text", p.getOrDefault("text", "")));
            }
            case "chat.update" -> {
                String channel = p.get("channel");
                String ts = p.get("ts");
                Message before = messages.get(channel + "/" + ts);
                store(new Message(channel, ts, before == null ? null : before.threadTs(), p.get("text"), blocks(p)));
                ok.put("channel", channel).put("ts", ts);
            }
            case "chat.postEphemeral" -> {
                String ts = nextTs();
                ephemerals.add(new Message(p.get("user") + "@" + p.get("channel"), ts, null, p.get("text"),
                        blocks(p)));
                ok.put("message_ts", ts);
            }
            case "usergroups.users.list" -> {
                List<String> members = userGroups.get(p.get("usergroup"));
                if (members == null) {
                    return Reply.json(200, "{\"ok\":false,\"error\":\"no_such_subteam\"}");
                }
                var users = ok.putArray("users");
                members.forEach(users::add);
            }
            case "views.open", "views.push", "views.update" -> {
                JsonNode view = JSON.readTree(p.getOrDefault("view", "{}"));
                String id = p.containsKey("view_id") ? p.get("view_id") : "V" + nextTs().replace(".", "");
                ObjectNode stored = view.deepCopy();
                stored.put("id", id).put("hash", "h" + nextTs().replace(".", ""));
                views.put(id, stored);
                lastViewId = id;
                ok.set("view", stored);
            }
            case "views.publish" -> {
                JsonNode view = JSON.readTree(p.getOrDefault("view", "{}"));
                homes.put(p.getOrDefault("user_id", "?"), view);
                ok.set("view", view);
            }
            case "conversations.open" -> ok.set("channel", JSON.createObjectNode().put("id", "D" + p.get("users")));
            case "users.info" -> ok.set("user", JSON.createObjectNode().put("id", p.get("user"))
                    .put("name", p.get("user")).put("real_name", p.get("user")));
            default -> {
                // every other method simply succeeds
            }
        }
        return Reply.json(200, JSON.writeValueAsString(ok));
    }

    private synchronized void store(Message m) {
        String key = m.channel() + "/" + m.ts();
        if (!messages.containsKey(key)) {
            order.add(key);
        }
        messages.put(key, m);
    }

    private String nextTs() {
        long micros = clock.incrementAndGet();
        return (micros / 1_000_000L) + "." + String.format("%06d", micros % 1_000_000L);
    }

    private static JsonNode blocks(Map<String, String> p) throws IOException {
        String blocks = p.get("blocks");
        return blocks == null ? JSON.createArrayNode() : JSON.readTree(blocks);
    }

    /** Parameters of a Web API call, whether form-encoded or JSON. */
    public static Map<String, String> params(RecordedRequest r) {
        String ct = r.header("content-type");
        if (ct != null && ct.startsWith("application/json")) {
            Map<String, String> out = new LinkedHashMap<>();
            try {
                JsonNode node = JSON.readTree(r.body());
                node.fields().forEachRemaining(e -> out.put(e.getKey(),
                        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            } catch (IOException e) {
                // leave empty
            }
            return out;
        }
        return r.form();
    }
}
