package io.arfollowup.functions.worker;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.AmendQualification;
import io.arfollowup.core.usecase.CatalogEdits;
import io.arfollowup.core.usecase.CustomerHistory;
import io.arfollowup.core.usecase.FollowUpDecisions;
import io.arfollowup.core.usecase.InternalAnswers;
import io.arfollowup.core.usecase.NotifyAfterQualification;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.usecase.Holds;
import io.arfollowup.core.usecase.HomeOverview;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.TrackQualification;
import io.arfollowup.core.usecase.TriageResponse;
import io.arfollowup.core.usecase.ValidateOrDelete;
import io.arfollowup.core.usecase.Work;
import java.util.function.Supplier;

/**
 * Routes each kind of {@link Work} to its use case. Also a {@link WorkDispatcher}: the local runtime calls it
 * in-process, the same code the Lambda runs. A decision that lost a race (someone else decided first) is told to
 * the collector privately.
 */
public final class Worker implements WorkDispatcher {

    /** The use cases a worker runs; each built on first use (a Lambda pays at init only for what it uses). */
    public record UseCases(Supplier<QualifyResponse> qualify, Supplier<ValidateOrDelete> validateOrDelete,
                           Supplier<AmendQualification> amend, Supplier<TriageResponse> triage,
                           Supplier<CustomerHistory> history, Supplier<HomeOverview> home,
                           Supplier<CatalogEdits> catalog, Supplier<ResponseStore> responses,
                           Supplier<ChatNotifier> chat, Supplier<FollowUpDecisions> followUpDecisions,
                           Supplier<InternalAnswers> internalAnswers,
                           Supplier<NotifyAfterQualification> notification) {
    }

    private final UseCases useCases;
    private final Supplier<TrackQualification> track;
    private final Supplier<Holds> holds;

    public Worker(Components c) {
        this(new UseCases(c::qualifyResponse, c::validateOrDelete, c::amendQualification, c::triageResponse,
                c::customerHistory, c::homeOverview, c::catalogEdits, c::responses, c::chat, c::followUpDecisions,
                c::internalAnswers, c::notifyAfterQualification), c::trackQualification, c::holds);
    }

    public Worker(QualifyResponse qualify, ValidateOrDelete validateOrDelete) {
        this(new UseCases(() -> qualify, () -> validateOrDelete, () -> null, () -> null, () -> null, () -> null,
                () -> null, () -> null, () -> null, () -> null, () -> null, () -> null));
    }

    public Worker(UseCases useCases) {
        this(useCases, () -> null, () -> null);
    }

    /** {@code track}: holds and promises after each qualification; {@code holds}: "Release hold" by hand (issue 7). */
    public Worker(UseCases useCases, Supplier<TrackQualification> track, Supplier<Holds> holds) {
        this.useCases = useCases;
        this.track = track;
        this.holds = holds;
    }

    public Object run(Work work) {
        if (work instanceof Work.Qualify q) {
            TrackQualification t = track.get();
            TrackQualification.Snapshot before = t == null ? null : t.snapshot(q.command());
            QualifyResponse.Result result = useCases.qualify().get().handle(q.command());
            if (t != null) {
                t.after(result, before);
            }
            if (result.status() == QualifyResponse.Status.ALREADY_QUALIFIED) {
                tell(q.command().responseId(), q.command().actor(),
                        result.qualification() == null ? null : result.qualification().decidedBy());
            }
            notifyAfter(q.command(), result);
            return result;
        }
        if (work instanceof Work.Validate v) {
            return decided(v.responseId(), v.actor(), useCases.validateOrDelete().get().validate(v.responseId(),
                    v.actor()));
        }
        if (work instanceof Work.Delete d) {
            return decided(d.responseId(), d.actor(), useCases.validateOrDelete().get().delete(d.responseId(),
                    d.actor()));
        }
        if (work instanceof Work.ChangeOwner c) {
            return useCases.amend().get().changeOwner(c.responseId(), c.itemNumbers(), c.owner(), c.actor(),
                    c.requestId());
        }
        if (work instanceof Work.EditComment c) {
            return useCases.amend().get().editComment(c.responseId(), c.itemNumbers(), c.comment(), c.actor(),
                    c.requestId());
        }
        if (work instanceof Work.CancelFollowUps c) {
            return useCases.amend().get().cancelFollowUps(c.responseId(), c.followUpIds(), c.actor());
        }
        if (work instanceof Work.LinkCustomer l) {
            return useCases.triage().get().link(l.responseId(), l.customerId(), l.actor());
        }
        if (work instanceof Work.ShowHistory h) {
            return useCases.history().get().show(h.viewId(), h.query()).found();
        }
        if (work instanceof Work.PublishHome h) {
            return useCases.home().get().publish(h.userId()).toQualifyTotal();
        }
        if (work instanceof Work.SaveStatusRule s) {
            return useCases.catalog().get().saveRule(s.draft(), s.actor());
        }
        if (work instanceof Work.SaveTemplate s) {
            return useCases.catalog().get().saveTemplate(s.draft(), s.actor());
        }
        if (work instanceof Work.SaveScenario s) {
            return useCases.catalog().get().saveScenario(s.steps(), s.actor());
        }
        if (work instanceof Work.FollowUpAction a) {
            return required(useCases.followUpDecisions()).handle(a.command());
        }
        if (work instanceof Work.ReleaseHold h) {
            return required(holds).release(new Holds.ReleaseCommand(h.customerId(), h.itemNumber(), h.actor()));
        }
        if (work instanceof Work.ApplyInternalAnswer a) {
            return required(useCases.internalAnswers()).apply(a.answerId(), a.actor());
        }
        throw new IllegalArgumentException("no handler for " + work.action());
    }

    /** After a qualification that asks for it, the client or a colleague gets the notice (once per version). */
    private void notifyAfter(QualifyResponse.Command command, QualifyResponse.Result r) {
        if (r.status() != QualifyResponse.Status.QUALIFIED
                || command.notification().target() == Notify.Target.NOBODY) {
            return;
        }
        NotifyAfterQualification n = useCases.notification().get();
        if (n != null) {
            n.handle(command.responseId());
        }
    }

    private static <T> T required(Supplier<T> supplier) {
        T t = supplier.get();
        if (t == null) {
            throw new IllegalStateException("this worker was built without that use case");
        }
        return t;
    }

    private Object decided(String responseId, String actor, ValidateOrDelete.Result result) {
        if (result.status() == ValidateOrDelete.Status.ALREADY_DECIDED) {
            tell(responseId, actor, null);
        }
        return result;
    }

    /** The collector whose click lost the race hears it privately (best effort). */
    private void tell(String responseId, String actor, String decidedBy) {
        ResponseStore responses = useCases.responses().get();
        ChatNotifier chat = useCases.chat().get();
        if (responses == null || chat == null) {
            return;
        }
        responses.get(responseId).filter(r -> r.card() != null)
                .ifPresent(r -> chat.alreadyDecided(r.card(), actor, decidedBy));
    }

    @Override
    public void dispatch(Work work) {
        run(work);
    }
}
