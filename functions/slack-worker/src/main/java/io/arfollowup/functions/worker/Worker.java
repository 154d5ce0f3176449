package io.arfollowup.functions.worker;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.Holds;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.TrackQualification;
import io.arfollowup.core.usecase.ValidateOrDelete;
import io.arfollowup.core.usecase.Work;

/**
 * Routes each kind of {@link Work} to its use case. Also a {@link WorkDispatcher}: the local runtime calls it
 * in-process, the same code the Lambda runs.
 */
public final class Worker implements WorkDispatcher {

    private final QualifyResponse qualify;
    private final ValidateOrDelete validateOrDelete;
    private final TrackQualification track;
    private final Holds holds;

    public Worker(Components components) {
        this(components.qualifyResponse(), components.validateOrDelete(), components.trackQualification(),
                components.holds());
    }

    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete) {
        this(qualify, validateOrDelete, null, null);
    }

    /** {@code track}: holds and promises after each qualification; {@code holds}: "Release hold" by hand. */
    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete, TrackQualification track, Holds holds) {
        this.qualify = qualify;
        this.validateOrDelete = validateOrDelete;
        this.track = track;
        this.holds = holds;
    }

    public Object run(Work work) {
        if (work instanceof Work.Qualify q) {
            if (track == null) {
                return qualify.handle(q.command());
            }
            TrackQualification.Snapshot before = track.snapshot(q.command());
            QualifyResponse.Result result = qualify.handle(q.command());
            track.after(result, before);
            return result;
        }
        if (work instanceof Work.ReleaseHold r && holds != null) {
            return holds.release(new Holds.ReleaseCommand(r.customerId(), r.itemNumber(), r.actor()));
        }
        if (work instanceof Work.Validate v) {
            return validateOrDelete.validate(v.responseId(), v.actor());
        }
        if (work instanceof Work.Delete d) {
            return validateOrDelete.delete(d.responseId(), d.actor());
        }
        throw new IllegalArgumentException("no handler for " + work.action());
    }

    @Override
    public void dispatch(Work work) {
        run(work);
    }
}
