package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.port.CustomerFollowUps;
import io.arfollowup.core.port.FollowUpStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** FollowUpStore in memory with the leased claim of the DynamoDB one. */
public final class InMemoryFollowUpStore implements FollowUpStore, CustomerFollowUps {
    private final Map<String, FollowUp> followUps = new ConcurrentHashMap<>();

    @Override
    public boolean create(FollowUp followUp) {
        return followUps.putIfAbsent(followUp.id(), followUp) == null;
    }

    @Override
    public Optional<FollowUp> get(String followUpId) {
        return Optional.ofNullable(followUps.get(followUpId));
    }

    @Override
    public synchronized Optional<FollowUp> claim(String followUpId, Instant now, Duration lease) {
        FollowUp f = followUps.get(followUpId);
        if (f == null) {
            return Optional.empty();
        }
        boolean planned = f.state() == FollowUpState.PLANNED;
        boolean stale = f.state() == FollowUpState.RUNNING && f.claimedAt() != null
                && f.claimedAt().plus(lease).isBefore(now);
        if (!planned && !stale) {
            return Optional.empty();
        }
        FollowUp claimed = f.withClaimedAt(now).withState(FollowUpState.RUNNING, f.result());
        followUps.put(followUpId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized boolean finish(String followUpId, FollowUpState from, FollowUpState to, String result) {
        FollowUp f = followUps.get(followUpId);
        if (f == null || f.state() != from) {
            return false;
        }
        followUps.put(followUpId, f.withState(to, result));
        return true;
    }

    @Override
    public List<FollowUp> duePlanned(Instant before, int limit) {
        return followUps.values().stream().filter(f -> f.state() == FollowUpState.PLANNED && f.due().isBefore(before))
                .sorted(Comparator.comparing(FollowUp::due)).limit(limit).toList();
    }

    @Override
    public synchronized boolean replace(FollowUp updated, FollowUpState expected) {
        FollowUp f = followUps.get(updated.id());
        if (f == null || f.state() != expected) {
            return false;
        }
        followUps.put(updated.id(), updated);
        return true;
    }

    @Override
    public List<FollowUp> staleRunning(Instant claimedBefore, int limit) {
        return followUps.values().stream().filter(f -> f.state() == FollowUpState.RUNNING && f.claimedAt() != null
                && f.claimedAt().isBefore(claimedBefore)).sorted(Comparator.comparing(FollowUp::due)).limit(limit)
                .toList();
    }

    /** Puts a follow-up as is (tests that set up a state directly). */
    public void put(FollowUp f) {
        followUps.put(f.id(), f);
    }

    @Override
    public synchronized boolean amend(String followUpId, String owner, String comment) {
        FollowUp f = followUps.get(followUpId);
        if (f == null || f.state().isFinal()) {
            return false;
        }
        followUps.put(followUpId, new FollowUp(f.id(), f.customerId(), f.responseId(), f.itemNumbers(),
                f.statusCode(), f.templateId(), f.mode(), f.due(), f.zone(), f.state(), f.scheduleName(),
                owner == null ? f.owner() : owner, comment == null ? f.comment() : comment, f.claimedAt(),
                f.result()));
        return true;
    }

    public List<FollowUp> all() {
        return List.copyOf(followUps.values());
    }

    @Override
    public List<FollowUp> ofCustomer(String customerId, int limit) {
        return followUps.values().stream().filter(f -> customerId.equals(f.customerId()))
                .sorted(Comparator.comparing(FollowUp::due)).limit(limit).toList();
    }
}
