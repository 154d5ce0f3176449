package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.port.ItemStore;
import java.util.List;
import java.util.Optional;

/**
 * An {@link ItemStore} for writers that change statuses outside {@link QualifyResponse} (a colleague's "resolved"
 * answer): when its {@code qualify} removes a hold, the release is audited and the customer comes back into the
 * dunning scenario today, as every other release does ({@link Holds}).
 */
public final class HoldReleasingItemStore implements ItemStore {

    private final ItemStore delegate;
    private final Holds holds;
    private final String actor;

    public HoldReleasingItemStore(ItemStore delegate, Holds holds, String actor) {
        this.delegate = delegate;
        this.holds = holds;
        this.actor = actor;
    }

    @Override
    public List<Item> openItems(String customerId) {
        return delegate.openItems(customerId);
    }

    @Override
    public Optional<Item> get(String customerId, String number) {
        return delegate.get(customerId, number);
    }

    @Override
    public void put(Item item) {
        delegate.put(item);
    }

    @Override
    public void qualify(String customerId, String number, String status, String comment, String owner, Hold hold) {
        Hold before = hold == null ? delegate.get(customerId, number).map(Item::hold).orElse(null) : null;
        delegate.qualify(customerId, number, status, comment, owner, hold);
        if (before != null) {
            holds.recordRelease(customerId, number, before, actor, "status " + status);
        }
    }
}
