package io.arfollowup.functions.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.lambda.Invocation;
import io.arfollowup.adapters.metrics.ResultMetrics;
import io.arfollowup.core.port.Metrics;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.usecase.CatchUpFollowUps;
import io.arfollowup.core.usecase.RunFollowUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * follow-up-runner: the EventBridge Scheduler target. Input is ids only ({@code {"followUpId": "..."}}), or
 * {@code {"catchUp": true}} from the daily catch-up schedule. A second delivery is a no-op (leased claim); a failure
 * is rethrown so Lambda's async retries and on-failure destination take over, and the lease lets a later attempt
 * finish the job.
 */
public final class FollowUpRunnerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpRunnerHandler.class);

    static final String FUNCTION = "follow-up-runner";

    private final RunFollowUp runFollowUp;
    private final CatchUpFollowUps catchUp;
    private final Metrics metrics;

    public FollowUpRunnerHandler() {
        this(Components.fromEnvironment());
    }

    private FollowUpRunnerHandler(Components c) {
        this(c.runFollowUp(), c.catchUpFollowUps(), c.metrics());
        c.priming(FUNCTION).before("mail", c.primeMailer())
                .before("letter", () -> c.letters().render(new io.arfollowup.core.port.LetterRenderer.Letter(
                        "Prime", java.util.List.of("Prime"), java.time.LocalDate.of(2025, 1, 1),
                        io.arfollowup.core.domain.Language.FR, "Prime", "Prime", "fu-prime")))
                .before("s3", () -> c.aws().s3().prime(c.config().mailBucket()))
                .register();
    }

    public FollowUpRunnerHandler(RunFollowUp runFollowUp) {
        this(runFollowUp, null);
    }

    public FollowUpRunnerHandler(RunFollowUp runFollowUp, CatchUpFollowUps catchUp) {
        this(runFollowUp, catchUp, Metrics.NONE);
    }

    public FollowUpRunnerHandler(RunFollowUp runFollowUp, CatchUpFollowUps catchUp, Metrics metrics) {
        this.runFollowUp = runFollowUp;
        this.catchUp = catchUp;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation invocation = Invocation.start(FUNCTION, context, metrics)) {
            handle(Json.parse(input), output);
        }
    }

    private void handle(JsonObject event, OutputStream output) throws IOException {
        if (event.has("catchUp") && catchUp != null) {
            CatchUpFollowUps.Result r = catchUp.handle();
            ResultMetrics.record(metrics, r);
            LOG.atInfo().addKeyValue("found", r.found()).addKeyValue("done", r.done())
                    .addKeyValue("failed", r.failed()).addKeyValue("failures", r.failures()).log("catch-up run");
            output.write(Json.GSON.toJson(r).getBytes(StandardCharsets.UTF_8));
            return;
        }
        String id = Json.text(event, "", "followUpId");
        if (id.isEmpty()) {
            LOG.atError().log("follow-up event without followUpId: dropped");
            throw new IllegalArgumentException("missing followUpId");
        }
        try {
            RunFollowUp.Result r = runFollowUp.handle(new RunFollowUp.Command(id));
            ResultMetrics.record(metrics, r);
            LOG.atInfo().addKeyValue("followUpId", id).addKeyValue("status", r.status())
                    .addKeyValue("detail", r.detail()).log("follow-up run");
            output.write(Json.GSON.toJson(r).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            metrics.count(Metrics.FOLLOW_UPS_FAILED, 1);
            LOG.atError().addKeyValue("followUpId", id).setCause(e).log("follow-up failed; Lambda will retry");
            throw e;
        }
    }
}
