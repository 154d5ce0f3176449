package io.arfollowup.functions.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.usecase.RunFollowUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * follow-up-runner: the EventBridge Scheduler target. Input is ids only ({@code {"followUpId": "..."}}). A second
 * delivery is a no-op (leased claim); a failure is rethrown so Lambda's async retries and on-failure destination
 * take over, and the lease lets a later attempt finish the job.
 */
public final class FollowUpRunnerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpRunnerHandler.class);

    private final RunFollowUp runFollowUp;

    public FollowUpRunnerHandler() {
        this(Components.fromEnvironment().runFollowUp());
    }

    public FollowUpRunnerHandler(RunFollowUp runFollowUp) {
        this.runFollowUp = runFollowUp;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObject event = Json.parse(input);
        String id = Json.text(event, "", "followUpId");
        if (id.isEmpty()) {
            LOG.atError().log("follow-up event without followUpId: dropped");
            throw new IllegalArgumentException("missing followUpId");
        }
        try {
            RunFollowUp.Result r = runFollowUp.handle(new RunFollowUp.Command(id));
            LOG.atInfo().addKeyValue("followUpId", id).addKeyValue("status", r.status())
                    .addKeyValue("detail", r.detail()).log("follow-up run");
            output.write(Json.GSON.toJson(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("followUpId", id).setCause(e).log("follow-up failed; Lambda will retry");
            throw e;
        }
    }
}
