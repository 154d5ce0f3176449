package io.arfollowup.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.json.WorkCodec;
import io.arfollowup.adapters.lambda.Invocation;
import io.arfollowup.adapters.metrics.ResultMetrics;
import io.arfollowup.core.port.Metrics;
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

    static final String FUNCTION = "slack-worker";

    private final Worker worker;
    private final Metrics metrics;

    public SlackWorkerHandler() {
        this(Components.fromEnvironment());
    }

    private SlackWorkerHandler(Components c) {
        this(new Worker(c), c.metrics());
        c.priming(FUNCTION).before("mail", c.primeMailer())
                .before("suggester", c.primeSuggester())
                .before("cards", () -> c.cards())
                .before("work-codec", () -> WorkCodec.decode(WorkCodec.encode(new Work.Validate("em-prime", "U0"))))
                .register();
    }

    public SlackWorkerHandler(Worker worker) {
        this(worker, Metrics.NONE);
    }

    public SlackWorkerHandler(Worker worker, Metrics metrics) {
        this.worker = worker;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation invocation = Invocation.start(FUNCTION, context, metrics)) {
            handle(WorkCodec.decode(new String(input.readAllBytes(), StandardCharsets.UTF_8)), output);
        }
    }

    private void handle(Work work, OutputStream output) throws IOException {
        try {
            Object result = worker.run(work);
            if (work instanceof Work.CancelFollowUps
                    && result instanceof io.arfollowup.core.usecase.AmendQualification.Result r) {
                ResultMetrics.recordCancelled(metrics, r);
            } else {
                ResultMetrics.record(metrics, result);
            }
            // ids and the outcome only: a result's toString carries comments (prefilled from the customer's words),
            // promised amounts, colleague addresses and edited e-mail bodies, which never go to the log
            LOG.atInfo().addKeyValue("action", work.action()).addKeyValue("responseId", component(work, "responseId"))
                    .addKeyValue("outcome", outcome(result)).log("work done");
            output.write(Json.GSON.toJson(result).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("action", work.action()).addKeyValue("responseId", component(work, "responseId"))
                    .setCause(e).log("work failed; Lambda will retry");
            throw e;
        }
    }

    /** The result's {@code status} or {@code outcome} when it is an enum (no free text), else its type's name. */
    static String outcome(Object result) {
        if (result == null) {
            return "none";
        }
        if (result instanceof Enum<?> e) {
            return e.name();
        }
        for (String name : new String[] {"status", "outcome"}) {
            if (component(result, name) instanceof Enum<?> e) {
                return e.name();
            }
        }
        return result.getClass().getSimpleName();
    }

    /** A record component by name, looked for on the record and on its {@code command}; null when absent. */
    static Object component(Object value, String name) {
        if (!(value instanceof Record record)) {
            return null;
        }
        Object command = null;
        for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name) || c.getName().equals("command")) {
                try {
                    Object v = c.getAccessor().invoke(record);
                    if (c.getName().equals(name)) {
                        return v;
                    }
                    command = v;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return command == null || command == value ? null : component(command, name);
    }
}
