package io.arfollowup.functions.slack;

import io.arfollowup.adapters.http.HttpEvent;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.wiring.Components;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * slack: the Slack request URL (HTTP API v2 or REST v1 event) → signature check → Bolt → HTTP response. Three steps,
 * as in Slack's own Lambda handler: parse the event, run the app, map the response.
 */
public final class SlackHandler implements RequestStreamHandler {

    private final SlackHttpAdapter adapter;

    public SlackHandler() {
        this(build(Components.fromEnvironment()));
    }

    public SlackHandler(SlackHttpAdapter adapter) {
        this.adapter = adapter;
    }

    /** Wires the app from the environment; used by the Lambda and by the local runtime. */
    public static SlackHttpAdapter build(Components c) {
        return build(c, c.lambdaDispatcher());
    }

    public static SlackHttpAdapter build(Components c, io.arfollowup.core.port.WorkDispatcher dispatcher) {
        SlackConfig slackConfig = new SlackConfig();
        c.config().slackApi().ifPresent(url -> slackConfig.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url
                : url + "/"));
        String token = c.config().slackBotToken() == null ? "xoxb-local" : c.config().slackBotToken();
        SlackApp app = new SlackApp(token, Slack.getInstance(slackConfig), ports(c, dispatcher));
        return new SlackHttpAdapter(app.app(), new SlackSignatureVerifier(c.config().slackSigningSecret(), c.clock()));
    }

    /** Everything the listeners read, from the Lambda's components. */
    public static SlackApp.Ports ports(Components c, io.arfollowup.core.port.WorkDispatcher dispatcher) {
        return new SlackApp.Ports(c.responses(), c.customers(), c.items(), c.rules(), dispatcher, c.clock(),
                c.uiLanguage(), c.qualifications(), c.followUps(), c.collectionsIndex(), c.scenarioStore(),
                c.renderer(), c.config().slackAdminGroup(), c.config().defaultZone(),
                key -> c.mailLinks().link(key));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpEvent.Reply reply = adapter.handle(HttpEvent.parse(Json.parse(input)));
        output.write(reply.toLambdaJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
