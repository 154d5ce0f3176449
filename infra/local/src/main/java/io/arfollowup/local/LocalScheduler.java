package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.testing.stubs.SchedulerStub;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local EventBridge Scheduler: accepts the same REST-JSON calls as AWS (it is the {@link SchedulerStub}) and
 * fires a schedule's target input when its {@code at()} time comes on its own clock. The demo advances that clock
 * ("fire now") instead of waiting; fired one-time schedules are deleted, as ActionAfterCompletion DELETE does.
 */
public final class LocalScheduler extends SchedulerStub {

    private static final Pattern AT = Pattern.compile("^at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)$");

    /** A schedule that fired: its name, its due instant, its target input. */
    public record Fired(String name, Instant at, String input) {
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final List<Fired> fired = new ArrayList<>();
    private volatile Consumer<String> target = input -> { };

    /** What a firing schedule invokes (the runner's handler, in process). */
    public void target(Consumer<String> target) {
        this.target = target;
    }

    public Instant now() {
        return now.get();
    }

    /** Moves the clock forward and fires, in due order, every schedule due by then. */
    public synchronized List<Fired> advanceTo(Instant instant) {
        if (instant.isAfter(now.get())) {
            now.set(instant);
        }
        List<Fired> out = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> due = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : schedules().entrySet()) {
            Instant at = due(e.getValue());
            if (at != null && !at.isAfter(now.get())) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparing(e -> due(e.getValue())));
        for (Map.Entry<String, JsonNode> e : due) {
            String input = e.getValue().path("Target").path("Input").asText();
            Fired f = new Fired(e.getKey(), due(e.getValue()), input);
            deleteLocally(e.getKey());
            target.accept(input);
            out.add(f);
            fired.add(f);
        }
        return out;
    }

    public synchronized List<Fired> fired() {
        return List.copyOf(fired);
    }

    /** The due instant of a one-time schedule: {@code at(...)} read in its ScheduleExpressionTimezone. */
    static Instant due(JsonNode schedule) {
        Matcher m = AT.matcher(schedule.path("ScheduleExpression").asText(""));
        if (!m.matches()) {
            return null;
        }
        String zone = schedule.path("ScheduleExpressionTimezone").asText("UTC");
        return LocalDateTime.parse(m.group(1)).atZone(ZoneId.of(zone)).toInstant();
    }

    private void deleteLocally(String name) {
        removeSchedule(name);
    }
}
