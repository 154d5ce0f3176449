package io.arfollowup.functions.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
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

    private final RunFollowUp runFollowUp;
    private final CatchUpFollowUps catchUp;

    public FollowUpRunnerHandler() {
        this(Components.fromEnvironment());
    }

    private FollowUpRunnerHandler(Components c) {
        this(c.runFollowUp(), c.catchUpFollowUps());
    }

    public FollowUpRunnerHandler(RunFollowUp runFollowUp) {
        this(runFollowUp, null);
    }

    public FollowUpRunnerHandler(RunFollowUp runFollowUp, CatchUpFollowUps catchUp) {
        this.runFollowUp = runFollowUp;
        this.catchUp = catchUp;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObject event = Json.parse(input);
        if (event.has("catchUp") && catchUp != null) {
            CatchUpFollowUps.Result r = catchUp.handle();
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
            LOG.atInfo().addKeyValue("followUpId", id).addKeyValue("status", r.status())
                    .addKeyValue("detail", r.detail()).log("follow-up run");
            output.write(Json.GSON.toJson(r).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("followUpId", id).setCause(e).log("follow-up failed; Lambda will retry");
            throw e;
        }
    }
}
