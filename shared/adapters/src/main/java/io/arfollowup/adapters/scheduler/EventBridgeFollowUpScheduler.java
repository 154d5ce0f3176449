package io.arfollowup.adapters.scheduler;

import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.port.FollowUpScheduler;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One-time EventBridge schedules (DESIGN §5), validated by us because the SDK validates nothing: a name matching
 * {@code ^[0-9A-Za-z._-]{1,64}$} derived from the follow-up id (no personal data), the due instant in UTC as
 * {@code at(yyyy-MM-ddTHH:mm:ss)} with ScheduleExpressionTimezone=UTC (deterministic across DST), ClientToken =
 * the follow-up id (the SDK would put a random one), FlexibleTimeWindow OFF, ActionAfterCompletion DELETE, a retry
 * policy and a dead-letter queue, Input = ids only, target = the runner's alias.
 */
public final class EventBridgeFollowUpScheduler implements FollowUpScheduler {

    /** Schedule and group names (FACTS.md). */
    public static final Pattern NAME = Pattern.compile("^[0-9A-Za-z._-]{1,64}$");
    /** One-time schedule expressions as we send them: UTC wall time, seconds, no zone, no fraction. */
    public static final Pattern AT = Pattern.compile("^at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)$");
    private static final DateTimeFormatter AT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** Where schedules point and what they may use. */
    public record Settings(String group, String targetArn, String roleArn, String deadLetterArn,
                           int maximumRetryAttempts, int maximumEventAgeSeconds) {
        public Settings {
            Objects.requireNonNull(targetArn, "RUNNER_TARGET_ARN");
            Objects.requireNonNull(roleArn, "SCHEDULER_ROLE_ARN");
            requireName(group);
            if (maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
                throw new IllegalArgumentException("MaximumRetryAttempts must be 0..185");
            }
            if (maximumEventAgeSeconds < 60 || maximumEventAgeSeconds > 86_400) {
                throw new IllegalArgumentException("MaximumEventAgeInSeconds must be 60..86400");
            }
        }
    }

    private final SchedulerClient scheduler;
    private final Settings settings;

    public EventBridgeFollowUpScheduler(SchedulerClient scheduler, Settings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** {@code at(2026-03-29T07:00:00)}: UTC, seconds always present, no zone, no fraction. */
    public static String atExpression(Instant due) {
        return requireAtExpression("at(" + AT_TIME.format(due.truncatedTo(ChronoUnit.SECONDS)) + ")");
    }

    /** Refuses an expression AWS would reject (or read otherwise) before any call: the SDK checks nothing. */
    public static String requireAtExpression(String expression) {
        if (expression == null || !AT.matcher(expression).matches()) {
            throw new IllegalArgumentException("invalid one-time schedule expression (must match " + AT.pattern()
                    + "): " + expression);
        }
        return expression;
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid schedule name (must match " + NAME.pattern() + "): "
                    + (name == null ? null : name.length() + " chars"));
        }
        return name;
    }

    /** Ids only: the runner reads everything else from the table. */
    static String input(FollowUp f) {
        return "{\"followUpId\":\"" + f.id() + "\"}";
    }

    private Target target(FollowUp f) {
        Target.Builder t = Target.builder().arn(settings.targetArn()).roleArn(settings.roleArn()).input(input(f))
                .retryPolicy(r -> r.maximumRetryAttempts(settings.maximumRetryAttempts())
                        .maximumEventAgeInSeconds(settings.maximumEventAgeSeconds()));
        if (settings.deadLetterArn() != null) {
            t.deadLetterConfig(d -> d.arn(settings.deadLetterArn()));
        }
        return t.build();
    }

    @Override
    public void schedule(FollowUp f) {
        create(f, f.id());
    }

    private void create(FollowUp f, String clientToken) {
        String name = requireName(f.scheduleName());
        String at = atExpression(f.due());
        try {
            scheduler.createSchedule(b -> b.name(name).groupName(settings.group())
                    .scheduleExpression(at).scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .clientToken(clientToken)
                    .description("ar-followup follow-up " + f.id())
                    .target(target(f)));
        } catch (ConflictException exists) {
            // created by an earlier attempt of this very follow-up (name = id): nothing to do
        }
    }

    @Override
    public void reschedule(FollowUp f) {
        String name = requireName(f.scheduleName());
        String at = atExpression(f.due());
        try {
            // UpdateSchedule replaces the whole definition: send all of it again
            scheduler.updateSchedule(b -> b.name(name).groupName(settings.group())
                    .scheduleExpression(at).scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .clientToken(f.id() + "-" + f.due().getEpochSecond())
                    .description("ar-followup follow-up " + f.id())
                    .target(target(f)));
        } catch (ResourceNotFoundException gone) {
            // it already fired or was deleted: create it anew, with a token of its own (the first one is spent)
            create(f, f.id() + "-" + f.due().getEpochSecond());
        }
    }

    @Override
    public void cancel(String scheduleName) {
        try {
            scheduler.deleteSchedule(b -> b.name(requireName(scheduleName)).groupName(settings.group())
                    .clientToken(scheduleName + "-delete"));
        } catch (ResourceNotFoundException alreadyGone) {
            // 404 = already fired or deleted: the goal is reached
        }
    }
}
