package io.arfollowup.core.port;

import io.arfollowup.core.domain.ColleagueEntry;

/** The imported colleague directory (CSV): adds or removes one role address; true when something changed. */
public interface ColleagueStore {
    boolean add(ColleagueEntry entry);

    boolean remove(ColleagueEntry entry);
}
