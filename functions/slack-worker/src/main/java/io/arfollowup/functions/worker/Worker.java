package io.arfollowup.functions.worker;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.FollowUpDecisions;
import io.arfollowup.core.usecase.Holds;
import io.arfollowup.core.usecase.InternalAnswers;
import io.arfollowup.core.usecase.NotifyAfterQualification;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.TrackQualification;
import io.arfollowup.core.usecase.ValidateOrDelete;
import io.arfollowup.core.usecase.Work;
import java.util.function.Supplier;

/**
 * Routes each kind of {@link Work} to its use case. Also a {@link WorkDispatcher}: the local runtime calls it
 * in-process, the same code the Lambda runs.
 */
public final class Worker implements WorkDispatcher {

    /** The follow-up engine's use cases (issue 6): card buttons, validated internal answers, notifications. */
    public record FollowUps(FollowUpDecisions decisions, InternalAnswers answers, NotifyAfterQualification notification) {
    }

    private final QualifyResponse qualify;
    private final ValidateOrDelete validateOrDelete;
    private final Supplier<FollowUps> followUps;
    private final TrackQualification track;
    private final Holds holds;
    private volatile FollowUps built;

    public Worker(Components components) {
        this(components.qualifyResponse(), components.validateOrDelete(), () -> new FollowUps(
                components.followUpDecisions(), components.internalAnswers(), components.notifyAfterQualification()),
                components.trackQualification(), components.holds());
    }

    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete) {
        this(qualify, validateOrDelete, () -> null);
    }

    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete, Supplier<FollowUps> followUps) {
        this(qualify, validateOrDelete, followUps, null, null);
    }

    /** {@code track}: holds and promises after each qualification; {@code holds}: "Release hold" by hand (issue 7). */
    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete, Supplier<FollowUps> followUps,
                  TrackQualification track, Holds holds) {
        this.qualify = qualify;
        this.validateOrDelete = validateOrDelete;
        this.followUps = followUps;
        this.track = track;
        this.holds = holds;
    }

    public Object run(Work work) {
        if (work instanceof Work.Qualify q) {
            TrackQualification.Snapshot before = track == null ? null : track.snapshot(q.command());
            QualifyResponse.Result r = qualify.handle(q.command());
            if (track != null) {
                track.after(r, before);
            }
            notifyAfter(q.command(), r);
            return r;
        }
        if (work instanceof Work.ReleaseHold h && holds != null) {
            return holds.release(new Holds.ReleaseCommand(h.customerId(), h.itemNumber(), h.actor()));
        }
        if (work instanceof Work.Validate v) {
            return validateOrDelete.validate(v.responseId(), v.actor());
        }
        if (work instanceof Work.Delete d) {
            return validateOrDelete.delete(d.responseId(), d.actor());
        }
        if (work instanceof Work.FollowUpAction a) {
            return followUps().decisions().handle(a.command());
        }
        if (work instanceof Work.ApplyInternalAnswer a) {
            return followUps().answers().apply(a.answerId(), a.actor());
        }
        throw new IllegalArgumentException("no handler for " + work.action());
    }

    /** After a qualification that asks for it, the client or a colleague gets the notice (once per version). */
    private void notifyAfter(QualifyResponse.Command command, QualifyResponse.Result r) {
        if (r.status() != QualifyResponse.Status.QUALIFIED
                || command.notification().target() == Notify.Target.NOBODY) {
            return;
        }
        FollowUps f = resolve();
        if (f != null) {
            f.notification().handle(command.responseId());
        }
    }

    private FollowUps followUps() {
        FollowUps f = resolve();
        if (f == null) {
            throw new IllegalStateException("this worker has no follow-up use cases");
        }
        return f;
    }

    private FollowUps resolve() {
        FollowUps f = built;
        if (f == null) {
            synchronized (this) {
                f = built;
                if (f == null) {
                    f = followUps.get();
                    built = f;
                }
            }
        }
        return f;
    }

    @Override
    public void dispatch(Work work) {
        run(work);
    }
}
