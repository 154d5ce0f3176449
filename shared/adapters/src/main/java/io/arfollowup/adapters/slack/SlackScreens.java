package io.arfollowup.adapters.slack;

import com.google.gson.JsonObject;
import io.arfollowup.core.port.ChatScreens;
import io.arfollowup.core.usecase.CustomerHistory;
import io.arfollowup.core.usecase.HomeOverview;

/** The collector's screens on Slack: {@code views.publish} for the Home tab, {@code views.update} for /ar. */
public final class SlackScreens implements ChatScreens {

    private final SlackWebApi slack;
    private final CollectorScreens screens;

    public SlackScreens(SlackWebApi slack, CollectorScreens screens) {
        this.slack = slack;
        this.screens = screens;
    }

    @Override
    public void publishHome(String userId, HomeOverview.Home home) {
        JsonObject body = new JsonObject();
        body.addProperty("user_id", userId);
        body.add("view", SlackWebApi.json(screens.home(home)));
        slack.call("views.publish", body);
    }

    @Override
    public void showHistory(String viewId, CustomerHistory.Page page) {
        JsonObject body = new JsonObject();
        body.addProperty("view_id", viewId);
        body.add("view", SlackWebApi.json(screens.history(page)));
        slack.call("views.update", body);
    }
}
