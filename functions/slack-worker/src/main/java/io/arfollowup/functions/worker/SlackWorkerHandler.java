package io.arfollowup.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.usecase.Work;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * slack-worker: does what Slack's 3-second ack cannot hold (qualification writes, schedules, e-mails, card
 * rewrites), invoked asynchronously by the slack function with {@code {action, work}}. Idempotent: a retry by
 * Lambda gives one effect. Failures are rethrown so Lambda retries.
 */
public final class SlackWorkerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkerHandler.class);

    private final Worker worker;

    public SlackWorkerHandler() {
        this(new Worker(Components.fromEnvironment()));
    }

    public SlackWorkerHandler(Worker worker) {
        this.worker = worker;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Work work = WorkCodec.decode(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        try {
            Object result = worker.run(work);
            LOG.atInfo().addKeyValue("action", work.action()).addKeyValue("result", result).log("work done");
            output.write(Json.GSON.toJson(result).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("action", work.action()).setCause(e).log("work failed; Lambda will retry");
            throw e;
        }
    }
}
