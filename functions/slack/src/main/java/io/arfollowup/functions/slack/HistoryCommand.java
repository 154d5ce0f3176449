package io.arfollowup.functions.slack;

import com.slack.api.bolt.App;
import io.arfollowup.adapters.slack.CollectorScreens;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.slack.SlackText;
import io.arfollowup.core.usecase.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ar <customer or invoice>}: opens a modal at once ({@code views.open}, the first call: the trigger lasts
 * 3 seconds) and hands the search and the history's reads to the worker, which fills the modal in
 * ({@code views.update}). A candidate's "Show" button in that modal does the same for one customer.
 */
final class HistoryCommand {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCommand.class);
    static final String COMMAND = "/ar";

    private final App app;
    private final SlackApp.Ports ports;
    private final CollectorScreens screens;

    HistoryCommand(App app, SlackApp.Ports ports) {
        this.app = app;
        this.ports = ports;
        this.screens = new CollectorScreens(ports.ui(), ports.zone(), ports.rules());
    }

    void register() {
        app.command(COMMAND, (req, ctx) -> {
            String query = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
            if (query.isEmpty()) {
                return ctx.ack(SlackText.get(ports.ui(), "history_usage"));
            }
            var opened = ctx.client().viewsOpen(v -> v.triggerId(req.getPayload().getTriggerId())
                    .view(screens.historyLoading(query)));
            if (!opened.isOk()) {
                LOG.atWarn().addKeyValue("error", opened.getError()).log("views.open failed for /ar");
                return ctx.ack(ports.ui() == io.arfollowup.core.domain.Language.FR
                        ? "Slack a mis trop de temps à ouvrir la fenêtre. Réessayez."
                        : "Slack took too long to open the window. Try again.");
            }
            ports.dispatcher().dispatch(new Work.ShowHistory(opened.getView().getId(), query,
                    req.getPayload().getUserId()));
            return ctx.ack();
        });
        app.blockAction(SlackIds.HISTORY_PICK, (req, ctx) -> {
            var view = req.getPayload().getView();
            if (view != null) {
                ports.dispatcher().dispatch(new Work.ShowHistory(view.getId(), Interactions.value(req),
                        Interactions.user(req)));
            }
            return ctx.ack();
        });
    }
}
