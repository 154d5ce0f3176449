package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.ChatScreens;
import io.arfollowup.core.usecase.CustomerHistory;
import io.arfollowup.core.usecase.HomeOverview;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** ChatScreens that keeps what was shown. */
public final class RecordingScreens implements ChatScreens {
    public final List<HomeOverview.Home> homes = new CopyOnWriteArrayList<>();
    public final List<CustomerHistory.Page> histories = new CopyOnWriteArrayList<>();

    @Override
    public void publishHome(String userId, HomeOverview.Home home) {
        homes.add(home);
    }

    @Override
    public void showHistory(String viewId, CustomerHistory.Page page) {
        histories.add(page);
    }
}
