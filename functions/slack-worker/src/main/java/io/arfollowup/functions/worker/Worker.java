package io.arfollowup.functions.worker;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.ValidateOrDelete;
import io.arfollowup.core.usecase.Work;

/**
 * Routes each kind of {@link Work} to its use case. Also a {@link WorkDispatcher}: the local runtime calls it
 * in-process, the same code the Lambda runs.
 */
public final class Worker implements WorkDispatcher {

    private final QualifyResponse qualify;
    private final ValidateOrDelete validateOrDelete;

    public Worker(Components components) {
        this(components.qualifyResponse(), components.validateOrDelete());
    }

    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete) {
        this.qualify = qualify;
        this.validateOrDelete = validateOrDelete;
    }

    public Object run(Work work) {
        if (work instanceof Work.Qualify q) {
            return qualify.handle(q.command());
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
