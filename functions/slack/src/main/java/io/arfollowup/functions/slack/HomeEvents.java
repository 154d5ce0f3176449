package io.arfollowup.functions.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.core.usecase.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App Home: opening the Home tab (Events API {@code app_home_opened}) or its Refresh button hands the tab's reads
 * and {@code views.publish} to the worker and acks at once. The Events API retries an event it thinks failed
 * ({@code X-Slack-Retry-Num}); interactions are never retried. A retry after a timeout means the first delivery
 * was handled (we answered late): it is acknowledged and dropped. A retry after an error is handled again —
 * publishing the Home twice shows the same thing.
 */
final class HomeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(HomeEvents.class);

    private final App app;
    private final SlackApp.Ports ports;

    HomeEvents(App app, SlackApp.Ports ports) {
        this.app = app;
        this.ports = ports;
    }

    void register() {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (ctx.getRetryNum() != null && ctx.getRetryNum() > 0 && isTimeout(ctx.getRetryReason())) {
                LOG.atInfo().addKeyValue("eventId", payload.getEventId()).addKeyValue("retry", ctx.getRetryNum())
                        .log("event retry after a timeout: already handled");
                return ctx.ack();
            }
            if (event.getTab() == null || "home".equals(event.getTab())) {
                ports.dispatcher().dispatch(new Work.PublishHome(event.getUser()));
            }
            return ctx.ack();
        });
        app.blockAction(SlackIds.HOME_REFRESH, (req, ctx) -> {
            ports.dispatcher().dispatch(new Work.PublishHome(Interactions.user(req)));
            return ctx.ack();
        });
    }

    static boolean isTimeout(String reason) {
        return reason == null || reason.isBlank() || reason.equalsIgnoreCase("http_timeout");
    }
}
