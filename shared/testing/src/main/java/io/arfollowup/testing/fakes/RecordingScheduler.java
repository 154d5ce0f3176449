package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.port.FollowUpScheduler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** FollowUpScheduler that keeps the schedules it holds and every call. */
public final class RecordingScheduler implements FollowUpScheduler {
    private final Map<String, FollowUp> schedules = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void schedule(FollowUp followUp) {
        calls.add("create " + followUp.scheduleName());
        schedules.putIfAbsent(followUp.scheduleName(), followUp);
    }

    @Override
    public void reschedule(FollowUp followUp) {
        calls.add("update " + followUp.scheduleName());
        schedules.put(followUp.scheduleName(), followUp);
    }

    @Override
    public void cancel(String scheduleName) {
        calls.add("delete " + scheduleName);
        schedules.remove(scheduleName);
    }

    public Map<String, FollowUp> schedules() {
        return Map.copyOf(schedules);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
