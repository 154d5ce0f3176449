package io.arfollowup.local;

import com.slack.api.Slack;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.functions.slack.SlackApp;
import io.arfollowup.functions.slack.SlackHandler;
import io.arfollowup.functions.worker.Worker;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real Slack workspace without a public URL: with {@code SLACK_BOT_TOKEN} and {@code SLACK_APP_TOKEN} (an
 * app-level token with connections:write) in the environment, the same {@link SlackApp} listeners run over Socket
 * Mode (bolt-socket-mode, Java-WebSocket backend) against the local engines, the worker in-process. Socket Mode
 * bypasses our HTTP adapter (Slack authenticates the socket), so it is a convenience, not the tested path: the
 * tests and the preview use signed HTTP requests.
 */
public final class SocketModeMain {

    private SocketModeMain() {
    }

    /** Starts Socket Mode when both tokens are set; empty otherwise (the default: the local stand-in). */
    public static Optional<SocketModeApp> startIfConfigured(LocalEnvironment env) throws Exception {
        String bot = System.getenv("SLACK_BOT_TOKEN");
        String app = System.getenv("SLACK_APP_TOKEN");
        if (bot == null || bot.isBlank() || app == null || app.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> e = new LinkedHashMap<>(env.env());
        e.remove("SLACK_API_URL"); // the real Web API
        e.put("SLACK_BOT_TOKEN", bot);
        Optional.ofNullable(System.getenv("SLACK_CHANNEL")).ifPresent(v -> e.put("SLACK_CHANNEL", v));
        Optional.ofNullable(System.getenv("SLACK_ADMIN_GROUP")).ifPresent(v -> e.put("SLACK_ADMIN_GROUP", v));
        Components c = new Components(AppConfig.from(e), Clock.systemUTC())
                .withScenarioStore(env.components().scenarioStore());
        SlackApp slackApp = new SlackApp(bot, Slack.getInstance(), SlackHandler.ports(c, new Worker(c)));
        SocketModeApp socket = new SocketModeApp(app, slackApp.app(), SocketModeClient.Backend.JavaWebSocket);
        socket.startAsync();
        return Optional.of(socket);
    }
}
