package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.ColleagueEntry;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.ColleagueStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The imported colleague directory in memory (a customer's own entry wins over the role's). */
public final class InMemoryColleagueStore implements ColleagueStore, ColleagueDirectory {
    private final Set<ColleagueEntry> entries = new CopyOnWriteArraySet<>();

    @Override
    public boolean add(ColleagueEntry entry) {
        return entries.add(entry);
    }

    @Override
    public boolean remove(ColleagueEntry entry) {
        return entries.remove(entry);
    }

    @Override
    public List<String> addresses(RecipientRule role, Customer customer) {
        List<String> own = entries.stream().filter(e -> e.role() == role && customer != null
                && customer.id().equals(e.customerId())).map(ColleagueEntry::email).sorted().toList();
        return !own.isEmpty() ? own : entries.stream().filter(e -> e.role() == role && e.customerId() == null)
                .map(ColleagueEntry::email).sorted().toList();
    }
}
