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
import io.arfollowup.adapters.lambda.HttpLambdaWorkDispatcher;
import io.arfollowup.core.port.WorkDispatcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * slack: the Slack request URL (HTTP API v2 or REST v1 event) → signature check → Bolt → HTTP response. Three steps,
 * as in Slack's own Lambda handler: parse the event, run the app, map the response.
 */
public final class SlackHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHandler.class);

    static final String FUNCTION = "slack";

    private final SlackHttpAdapter adapter;

    public SlackHandler() {
        this(Components.fromEnvironment());
    }

    private SlackHandler(Components c) {
        this(build(c));
        // init already ran Bolt's auth.test and primed the hand-off and DynamoDB (build): the snapshot adds the
        // request path up to the signature check (an unsigned request is refused before Bolt sees it)
        c.priming(FUNCTION).before("request-path", () -> adapter.handle(HttpEvent.parse(Json.parse(
                "{\"version\":\"2.0\",\"rawPath\":\"/slack/events\",\"headers\":{\"content-type\":"
                        + "\"application/x-www-form-urlencoded\"},\"body\":\"payload=%7B%7D\",\"requestContext\":"
                        + "{\"http\":{\"method\":\"POST\",\"path\":\"/slack/events\",\"sourceIp\":\"127.0.0.1\"}}}"))))
                .before("dispatcher", () -> {
                    if (c.lambdaDispatcher() instanceof HttpLambdaWorkDispatcher http) {
                        http.prime();
                    }
                })
                .register();
    }

    public SlackHandler(SlackHttpAdapter adapter) {
        this.adapter = adapter;
    }

    /**
     * Wires the app from the environment, as the Lambda's init does. Two things run side by side on the init's
     * second core, and are joined before init ends (nothing is left running when the sandbox freezes): this thread
     * builds Bolt and calls auth.test; a primer builds the worker hand-off (the AWS SDK's HTTP client and SigV4
     * signer) and primes the DynamoDB client with one GetItem. That takes ~40 % off a cold ack (docs/benchmarks.md);
     * with SnapStart the same work lands in the snapshot.
     */
    public static SlackHttpAdapter build(Components c) {
        CompletableFuture<WorkDispatcher> invoker = new CompletableFuture<>();
        Thread primer = new Thread(() -> {
            try {
                WorkDispatcher d = c.lambdaDispatcher();
                invoker.complete(d);
                if (d instanceof HttpLambdaWorkDispatcher http) {
                    http.prime();
                }
                c.responses().get("~prime"); // a missing key: the request pipeline, endpoint rules, connection
            } catch (RuntimeException | Error e) {
                invoker.completeExceptionally(e);
                LOG.atWarn().setCause(e).log("priming failed; the first request will do the work");
            }
        }, "slack-init-primer");
        primer.setDaemon(true);
        primer.start();
        SlackHttpAdapter adapter = build(c, work -> invoker.join().dispatch(work));
        try {
            primer.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        invoker.join(); // a misconfigured hand-off fails the init, loudly, as before
        return adapter;
    }

    public static SlackHttpAdapter build(Components c, io.arfollowup.core.port.WorkDispatcher dispatcher) {
        SlackConfig slackConfig = new SlackConfig();
        c.config().slackApi().ifPresent(url -> slackConfig.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url
                : url + "/"));
        String token = c.config().slackBotToken() == null ? "xoxb-local" : c.config().slackBotToken();
        SlackApp app = new SlackApp(token, Slack.getInstance(slackConfig), ports(c, dispatcher));
        new FollowUpActions(new FollowUpActions.Ports(c.followUpPreview(), dispatcher, c.uiLanguage())).register(app.app());
        return new SlackHttpAdapter(app.app(), new SlackSignatureVerifier(c.config().slackSigningSecret(), c.clock()));
    }

    /** Everything the listeners read, from the Lambda's components. */
    public static SlackApp.Ports ports(Components c, io.arfollowup.core.port.WorkDispatcher dispatcher) {
        return new SlackApp.Ports(c.responses(), c.customers(), c.items(), c.rules(), dispatcher, c.clock(),
                c.uiLanguage(), c.qualifications(), c.followUps(), c.collectionsIndex(), c.scenarioStore(),
                null /* the admin preview builds its renderer on first use */, c.config().slackAdminGroup(),
                c.config().defaultZone(),
                key -> c.mailLinks().link(key));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (var invocation = io.arfollowup.adapters.lambda.Invocation.start(FUNCTION, context, null)) {
            HttpEvent.Reply reply = adapter.handle(HttpEvent.parse(Json.parse(input)));
            output.write(reply.toLambdaJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
