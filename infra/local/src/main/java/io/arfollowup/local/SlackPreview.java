package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local Slack preview ({@code GET /preview}): renders what the Slack stand-in holds — the cards posted, the
 * modal a click opened, the Home tab — from their Block Kit JSON, for the block and element types the product
 * uses. Its buttons and modal forms are plain HTML forms (no JavaScript) posted back here, turned into real signed
 * interaction payloads by {@link LocalSlackClient} and sent over HTTP to the Slack function: the path AWS runs.
 */
final class SlackPreview {

    private final SlackApiStub stub;
    private final LocalSlackClient slack;
    private final Map<String, String> openView = new ConcurrentHashMap<>();
    private final Map<String, String> notices = new ConcurrentHashMap<>();

    SlackPreview(LocalRuntime runtime) {
        this.stub = runtime.environment().slack();
        this.slack = new LocalSlackClient(runtime.slackRequestUrl(), stub.endpoint(), LocalEnvironment.SIGNING_SECRET,
                Clock.systemUTC());
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> form = form(exchange.getRequestMethod().equals("POST")
                    ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : exchange.getRequestURI().getRawQuery());
            String user = first(form, "user", "U0COLLECT1");
            if (path.endsWith("/action")) {
                action(user, form);
                redirect(exchange, user);
            } else if (path.endsWith("/submit")) {
                submit(user, form);
                redirect(exchange, user);
            } else {
                byte[] page = page(user).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(page);
                }
            }
        }
    }

    private void redirect(HttpExchange exchange, String user) throws IOException {
        exchange.getResponseHeaders().add("Location", "/preview?user=" + user);
        exchange.sendResponseHeaders(303, -1);
    }

    // ---- interactions ----

    private void action(String user, Map<String, List<String>> form) {
        int views = viewCalls();
        String url = stub.endpoint() + "/response/preview-" + user + "-" + System.nanoTime();
        String action = first(form, "action_id", "");
        String block = first(form, "block_id", "");
        String selected = first(form, "selected", null);
        LocalSlackClient.Reply reply = selected != null
                ? slack.selectInMessage(user, first(form, "channel", ""), first(form, "ts", ""), block, action,
                selected, url)
                : slack.clickButton(user, first(form, "channel", ""), first(form, "ts", ""), block, action,
                first(form, "value", ""), url);
        afterCall(user, views, reply, url);
    }

    private void submit(String user, Map<String, List<String>> form) {
        String viewId = openView.get(user);
        JsonNode view = viewId == null ? null : stub.view(viewId).orElse(null);
        if (view == null) {
            return;
        }
        ObjectNode values = values(view, form);
        int views = viewCalls();
        String button = first(form, "_button", null);
        if (button != null) {
            String[] p = button.split("\\|", 3);
            afterCall(user, views, slack.clickInView(user, view, values, p[1], p[0], p.length > 2 ? p[2] : ""), null);
            return;
        }
        LocalSlackClient.Reply reply = slack.submit(user, view, values);
        JsonNode answer = reply.json();
        if ("errors".equals(answer.path("response_action").asText())) {
            notices.put(user, "⚠ " + answer.path("errors").toString());
        } else if (!"update".equals(answer.path("response_action").asText())) {
            openView.remove(user);
            notices.put(user, "Submitted (HTTP " + reply.status() + ")");
        }
    }

    private void afterCall(String user, int views, LocalSlackClient.Reply reply, String responseUrl) {
        if (viewCalls() > views) {
            stub.lastView().ifPresent(v -> openView.put(user, v.path("id").asText()));
        }
        StringBuilder n = new StringBuilder();
        if (responseUrl != null) {
            String path = responseUrl.substring(stub.endpoint().toString().length());
            stub.requests(r -> r.path().equals(path)).forEach(r -> n.append(LocalJson.read(r.bodyText())
                    .path("text").asText()).append(' '));
        }
        if (reply.body() != null && !reply.body().isBlank()) {
            n.append(reply.body());
        }
        if (n.length() > 0) {
            notices.put(user, n.toString().trim());
        }
    }

    private int viewCalls() {
        return stub.calls("views.open").size() + stub.calls("views.push").size() + stub.calls("views.update").size();
    }

    /** The form's fields as Slack's view.state.values, by each input's element type. */
    static ObjectNode values(JsonNode view, Map<String, List<String>> form) {
        ObjectNode values = LocalJson.MAPPER.createObjectNode();
        for (JsonNode b : view.path("blocks")) {
            if (!b.path("type").asText().equals("input")) {
                continue;
            }
            String id = b.path("block_id").asText();
            JsonNode el = b.path("element");
            String type = el.path("type").asText();
            ObjectNode v = values.putObject(id).putObject(el.path("action_id").asText()).put("type", type);
            List<String> got = form.getOrDefault(id, List.of()).stream().filter(s -> !s.isBlank()).toList();
            switch (type) {
                case "static_select", "external_select", "radio_buttons" -> {
                    if (got.isEmpty()) {
                        v.putNull("selected_option");
                    } else {
                        v.putObject("selected_option").put("value", got.get(0));
                    }
                }
                case "multi_static_select", "multi_external_select", "checkboxes" -> {
                    ArrayNode a = v.putArray("selected_options");
                    got.forEach(x -> a.addObject().put("value", x));
                }
                case "users_select" -> v.put("selected_user", got.isEmpty() ? null : got.get(0));
                case "datepicker" -> v.put("selected_date", got.isEmpty() ? null : got.get(0));
                default -> v.put("value", got.isEmpty() ? null : got.get(0));
            }
        }
        return values;
    }

    // ---- rendering ----

    String page(String user) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8><title>Slack preview"
                + "</title><style>body{font-family:sans-serif;max-width:980px;margin:1em auto}"
                + ".card{border:1px solid #ccc;border-radius:8px;padding:.6em 1em;margin:.8em 0}"
                + ".modal{border:2px solid #4a154b;border-radius:8px;padding:1em;background:#faf7fb}"
                + "small{color:#555}form.inline{display:inline}label{display:block;margin-top:.6em;font-weight:bold}"
                + ".notice{background:#fff3cd;padding:.5em}</style></head><body>");
        h.append("<h1>Slack preview</h1><form method=get action=/preview>Acting as <input name=user value=\"")
                .append(esc(user)).append("\"><button>Switch</button></form>");
        String notice = notices.remove(user);
        if (notice != null) {
            h.append("<p class=notice id=notice>").append(esc(notice)).append("</p>");
        }
        String viewId = openView.get(user);
        stub.view(viewId == null ? "" : viewId).ifPresent(v -> modal(h, user, v));
        stub.home(user).ifPresent(home -> {
            h.append("<h2>App Home</h2><div class=card>");
            blocks(h, user, home.path("blocks"), null, null);
            h.append("</div>");
        });
        h.append("<h2>Channel</h2>");
        List<SlackApiStub.Message> messages = new ArrayList<>(stub.messages());
        for (int i = messages.size() - 1; i >= 0 && i >= messages.size() - 30; i--) {
            SlackApiStub.Message m = messages.get(i);
            h.append("<div class=card id=\"msg-").append(esc(m.ts())).append("\"><small>").append(esc(m.channel()))
                    .append(" · ").append(esc(m.ts())).append("</small>");
            blocks(h, user, m.blocks(), m.channel(), m.ts());
            h.append("</div>");
        }
        return h.append("</body></html>").toString();
    }

    private void modal(StringBuilder h, String user, JsonNode v) {
        h.append("<div class=modal id=modal><h2>").append(esc(v.path("title").path("text").asText())).append("</h2>")
                .append("<form method=post action=/preview/submit><input type=hidden name=user value=\"")
                .append(esc(user)).append("\">");
        for (JsonNode b : v.path("blocks")) {
            String type = b.path("type").asText();
            if (type.equals("input")) {
                input(h, b);
            } else if (type.equals("actions")) {
                for (JsonNode e : b.path("elements")) {
                    h.append("<button name=_button value=\"").append(esc(e.path("action_id").asText() + "|"
                            + b.path("block_id").asText() + "|" + e.path("value").asText())).append("\">")
                            .append(esc(e.path("text").path("text").asText())).append("</button> ");
                }
            } else if (type.equals("section") && b.path("accessory").path("type").asText().equals("button")) {
                JsonNode e = b.path("accessory");
                h.append("<p>").append(mrkdwn(b.path("text").path("text").asText())).append(" <button name=_button "
                        + "value=\"").append(esc(e.path("action_id").asText() + "|" + b.path("block_id").asText()
                        + "|" + e.path("value").asText())).append("\">").append(esc(e.path("text").path("text")
                        .asText())).append("</button></p>");
            } else {
                blocks(h, user, LocalJson.MAPPER.createArrayNode().add(b), null, null);
            }
        }
        if (v.has("submit")) {
            h.append("<p><button id=submit>").append(esc(v.path("submit").path("text").asText()))
                    .append("</button></p>");
        }
        h.append("</form></div>");
    }

    private void input(StringBuilder h, JsonNode b) {
        String id = b.path("block_id").asText();
        JsonNode el = b.path("element");
        h.append("<label>").append(esc(b.path("label").path("text").asText())).append("</label>");
        switch (el.path("type").asText()) {
            case "static_select", "multi_static_select", "external_select", "multi_external_select" -> {
                boolean multi = el.path("type").asText().startsWith("multi");
                List<String> initial = new ArrayList<>();
                el.path("initial_options").forEach(o -> initial.add(o.path("value").asText()));
                if (el.has("initial_option")) {
                    initial.add(el.path("initial_option").path("value").asText());
                }
                h.append("<select name=\"").append(esc(id)).append("\"").append(multi ? " multiple" : "")
                        .append("><option value=\"\">—</option>");
                List<JsonNode> options = new ArrayList<>();
                el.path("options").forEach(options::add);
                el.path("option_groups").forEach(g -> g.path("options").forEach(options::add));
                el.path("initial_options").forEach(o -> {
                    if (!el.has("options")) {
                        options.add(o);
                    }
                });
                for (JsonNode o : options) {
                    String value = o.path("value").asText();
                    h.append("<option value=\"").append(esc(value)).append("\"")
                            .append(initial.contains(value) ? " selected" : "").append(">")
                            .append(esc(o.path("text").path("text").asText())).append("</option>");
                }
                h.append("</select>");
            }
            case "checkboxes", "radio_buttons" -> {
                boolean radio = el.path("type").asText().equals("radio_buttons");
                List<String> initial = new ArrayList<>();
                el.path("initial_options").forEach(o -> initial.add(o.path("value").asText()));
                if (el.has("initial_option")) {
                    initial.add(el.path("initial_option").path("value").asText());
                }
                for (JsonNode o : el.path("options")) {
                    String value = o.path("value").asText();
                    h.append("<input type=").append(radio ? "radio" : "checkbox").append(" name=\"").append(esc(id))
                            .append("\" value=\"").append(esc(value)).append("\"")
                            .append(initial.contains(value) ? " checked" : "").append("> ")
                            .append(esc(o.path("text").path("text").asText())).append(" ");
                }
            }
            case "datepicker" -> h.append("<input type=date name=\"").append(esc(id)).append("\" value=\"")
                    .append(esc(el.path("initial_date").asText(""))).append("\">");
            case "users_select" -> h.append("<input name=\"").append(esc(id)).append("\" placeholder=U0... value=\"")
                    .append(esc(el.path("initial_user").asText(""))).append("\">");
            default -> {
                if (el.path("multiline").asBoolean(false)) {
                    h.append("<textarea rows=4 cols=80 name=\"").append(esc(id)).append("\">")
                            .append(esc(el.path("initial_value").asText(""))).append("</textarea>");
                } else {
                    h.append("<input size=60 name=\"").append(esc(id)).append("\" value=\"")
                            .append(esc(el.path("initial_value").asText(""))).append("\">");
                }
            }
        }
    }

    private void blocks(StringBuilder h, String user, JsonNode blocks, String channel, String ts) {
        for (JsonNode b : blocks) {
            switch (b.path("type").asText()) {
                case "header" -> h.append("<h3>").append(esc(b.path("text").path("text").asText())).append("</h3>");
                case "divider" -> h.append("<hr>");
                case "context" -> {
                    h.append("<p><small>");
                    b.path("elements").forEach(e -> h.append(mrkdwn(e.path("text").asText())).append(' '));
                    h.append("</small></p>");
                }
                case "section" -> {
                    h.append("<p>").append(mrkdwn(b.path("text").path("text").asText())).append("</p>");
                    JsonNode a = b.path("accessory");
                    if (a.path("type").asText().equals("button")) {
                        button(h, user, channel, ts, b.path("block_id").asText(), a);
                    } else if (a.path("type").asText().endsWith("select")) {
                        h.append("<form class=inline method=post action=/preview/action>").append(hidden(user,
                                channel, ts, b.path("block_id").asText(), a.path("action_id").asText(), ""))
                                .append("<input name=selected placeholder=\"customer id\"> <button>")
                                .append(esc(a.path("placeholder").path("text").asText("Pick"))).append("</button>")
                                .append("</form>");
                    }
                }
                case "actions" -> {
                    for (JsonNode e : b.path("elements")) {
                        button(h, user, channel, ts, b.path("block_id").asText(), e);
                    }
                }
                default -> h.append("<pre>").append(esc(b.toString())).append("</pre>");
            }
        }
    }

    private void button(StringBuilder h, String user, String channel, String ts, String block, JsonNode e) {
        h.append("<form class=inline method=post action=/preview/action>")
                .append(hidden(user, channel, ts, block, e.path("action_id").asText(), e.path("value").asText()))
                .append("<button data-action=\"").append(esc(e.path("action_id").asText())).append("\">")
                .append(esc(e.path("text").path("text").asText())).append("</button></form> ");
    }

    private static String hidden(String user, String channel, String ts, String block, String action, String value) {
        return field("user", user) + field("channel", channel) + field("ts", ts) + field("block_id", block)
                + field("action_id", action) + field("value", value);
    }

    private static String field(String name, String value) {
        return "<input type=hidden name=" + name + " value=\"" + esc(value == null ? "" : value) + "\">";
    }

    /** Slack mrkdwn as HTML: entities kept escaped, *bold*, _italic_, links, quotes, line breaks. */
    static String mrkdwn(String text) {
        String s = text.replace("&", "&amp;").replace("&amp;amp;", "&amp;").replace("&amp;lt;", "&lt;")
                .replace("&amp;gt;", "&gt;").replace("\"", "&quot;");
        s = s.replaceAll("<(https?://[^|>]+)\\|([^>]*)>", "<a href=\"$1\">$2</a>");
        s = s.replaceAll("<@([A-Z0-9]+)>", "@$1");
        s = s.replaceAll("(?<![\\w*])\\*([^*\\n]+)\\*(?![\\w*])", "<b>$1</b>");
        s = s.replaceAll("(?<![\\w_])_([^_\\n]+)_(?![\\w_])", "<i>$1</i>");
        return s.replace("\n", "<br>");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String first(Map<String, List<String>> form, String name, String fallback) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    static Map<String, List<String>> form(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static String blockIdPrefix() {
        return SlackIds.BLOCK_STATUS;
    }
}
