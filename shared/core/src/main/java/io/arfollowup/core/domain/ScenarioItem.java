package io.arfollowup.core.domain;

import java.util.Objects;

/** An item with its place in the dunning scenario, as one Query of the customer's items returns them. */
public record ScenarioItem(Item item, DunningProgress progress) {
    public ScenarioItem {
        Objects.requireNonNull(item, "item");
        progress = progress == null ? DunningProgress.NONE : progress;
    }
}
