package io.arfollowup.core.port;

import io.arfollowup.core.usecase.CustomerHistory;
import io.arfollowup.core.usecase.HomeOverview;

/** The chat app's screens besides the cards: a collector's Home tab and the history a command asked for. */
public interface ChatScreens {

    void publishHome(String userId, HomeOverview.Home home);

    /** Fills the (already open) view {@code viewId} with a customer's history, or the list of candidates. */
    void showHistory(String viewId, CustomerHistory.Page page);
}
