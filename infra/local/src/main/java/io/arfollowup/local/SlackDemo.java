package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * (f) The rest of a collector's day in Slack, on the demo's data, with the same signed requests: Change owner on a
 * qualified card, {@code /ar} on an invoice, the Home tab, an admin's {@code /ar-status}. Printed after step (e).
 */
final class SlackDemo {

    private final LocalRuntime runtime;
    private final Components c;
    private final SlackApiStub stub;
    private final LocalSlackClient slack;
    private final PrintStream out;

    SlackDemo(LocalRuntime runtime, PrintStream out) {
        this.runtime = runtime;
        this.c = runtime.environment().components();
        this.stub = runtime.environment().slack();
        this.slack = new LocalSlackClient(runtime.slackRequestUrl(), stub.endpoint(), LocalEnvironment.SIGNING_SECRET,
                Clock.systemUTC());
        this.out = out;
    }

    void run(List<Demo.EmailRun> runs) {
        out.println();
        out.println("(h) the collector's day in Slack (signed requests to " + runtime.slackRequestUrl() + ")");
        Optional<Demo.EmailRun> qualified = runs.stream().filter(r -> r.qualification() != null
                && r.response() != null && r.response().card() != null).findFirst();
        if (qualified.isEmpty()) {
            out.println("  no qualified reply to work on");
            return;
        }
        Response r = qualified.get().response();
        Qualification q = qualified.get().qualification();
        String item = q.groups().get(0).itemNumbers().isEmpty() ? null : q.groups().get(0).itemNumbers().get(0);
        String collector = q.decidedBy();

        int opened = stub.calls("views.open").size();
        slack.clickButton(collector, r.card().channel(), r.card().ts(), SlackIds.BLOCK_DECIDED_ACTIONS,
                SlackIds.CHANGE_OWNER, r.id(), stub.endpoint() + "/response/" + UUID.randomUUID());
        if (stub.calls("views.open").size() > opened) {
            JsonNode view = stub.lastView().orElseThrow();
            ObjectNode values = LocalJson.MAPPER.createObjectNode();
            values.putObject(SlackIds.BLOCK_SCOPE).putObject(SlackIds.ACTION).put("type", "static_select")
                    .putObject("selected_option").put("value", "*");
            values.putObject(SlackIds.BLOCK_VALUE).putObject(SlackIds.ACTION).put("type", "users_select")
                    .put("selected_user", "U0COLLECT2");
            slack.submit(collector, view, values);
            String owner = item == null ? "-" : c.items().get(r.customerId(), item).map(Item::owner).orElse("-");
            out.printf("  Change owner on %s (%s): %s → owner now %s; card rewritten%n", qualified.get().file(),
                    item, collector, owner);
        }

        if (item != null) {
            opened = stub.calls("views.open").size();
            slack.command(collector, "/ar", item, "C0COLLECT", stub.endpoint() + "/response/" + UUID.randomUUID());
            if (stub.calls("views.open").size() > opened) {
                JsonNode history = stub.lastView().orElseThrow();
                out.printf("  /ar %s → history modal of %d blocks (items, timeline, replies & comments, "
                        + "follow-ups)%n", item, history.path("blocks").size());
            }
        }

        ObjectNode event = LocalJson.MAPPER.createObjectNode().put("type", "app_home_opened").put("user", collector)
                .put("tab", "home");
        slack.event(event, 0, null);
        stub.home(collector).ifPresent(home -> out.printf("  App Home of %s published: %d blocks%n", collector,
                home.path("blocks").size()));

        String admin = LocalEnvironment.ADMINS.get(0);
        opened = stub.calls("views.open").size();
        LocalSlackClient.Reply denied = slack.command("U0NOTADMIN", "/ar-status", "", "C0COLLECT",
                stub.endpoint() + "/response/" + UUID.randomUUID());
        slack.command(admin, "/ar-status", "", "C0COLLECT", stub.endpoint() + "/response/" + UUID.randomUUID());
        if (stub.calls("views.open").size() > opened) {
            long statuses = stub.lastView().orElseThrow().findValuesAsText("action_id").stream()
                    .filter("status_edit"::equals).count();
            out.printf("  /ar-status by %s (user group %s): %d statuses listed; by a non-admin: \"%s\"%n", admin,
                    LocalEnvironment.ADMIN_GROUP, statuses, ephemeralText(denied.body()));
        }
    }

    /** The text a person sees of an ephemeral slash-command answer ({@code {"text": …}}), not its JSON. */
    static String ephemeralText(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = LocalJson.MAPPER.readTree(body);
            return json.hasNonNull("text") ? json.get("text").asText() : body;
        } catch (java.io.IOException | RuntimeException e) {
            return body;
        }
    }
}
