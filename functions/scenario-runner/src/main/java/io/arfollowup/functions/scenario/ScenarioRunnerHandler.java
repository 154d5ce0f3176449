package io.arfollowup.functions.scenario;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.lambda.Invocation;
import io.arfollowup.adapters.metrics.ResultMetrics;
import io.arfollowup.core.port.Metrics;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.usecase.RunScenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * scenario-runner: the daily EventBridge Scheduler cron target. Input {@code {}} (today), or {@code {"day":
 * "2025-11-07", "continuation": "..."}} to replay a day or go on from a budget cut. While a run hands back a
 * continuation and the Lambda has time left, it goes on; what is left is picked up by the next run (the index keeps
 * it). Logs one structured line per reminder sent and per reason skipped (ids only), returns the reports.
 * Asynchronous: a failure is rethrown so Lambda retries; the per-customer day markers make a retry send nothing twice.
 */
public final class ScenarioRunnerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunnerHandler.class);
    private static final int SAFETY_MILLIS = 60_000;

    static final String FUNCTION = "scenario-runner";

    private final RunScenario runScenario;
    private final int budget;
    private final Metrics metrics;

    public ScenarioRunnerHandler() {
        this(Components.fromEnvironment());
    }

    private ScenarioRunnerHandler(Components c) {
        this(c.runScenario(), c.config().scenarioBudget(), c.metrics());
        c.priming(FUNCTION).before("mail", c.primeMailer()).before("scenario", () -> c.scenarioStore()).register();
    }

    public ScenarioRunnerHandler(RunScenario runScenario, int budget) {
        this(runScenario, budget, Metrics.NONE);
    }

    public ScenarioRunnerHandler(RunScenario runScenario, int budget, Metrics metrics) {
        this.runScenario = runScenario;
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation invocation = Invocation.start(FUNCTION, context, metrics)) {
            handle(Json.parse(input), output, context);
        }
    }

    private void handle(JsonObject event, OutputStream output, Context context) throws IOException {
        String day = Json.text(event, "", "day");
        String continuation = Json.text(event, null, "continuation");
        List<ScenarioReport> reports = new ArrayList<>();
        try {
            do {
                ScenarioReport r = runScenario.handle(new RunScenario.Command(day.isEmpty() ? null
                        : LocalDate.parse(day), continuation, budget));
                log(r);
                ResultMetrics.record(metrics, r);
                reports.add(r);
                continuation = r.continuation();
            } while (continuation != null && (context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("day", day).setCause(e).log("scenario run failed; Lambda will retry");
            throw e;
        }
        output.write(Json.GSON.toJson(reports).getBytes(StandardCharsets.UTF_8));
    }

    private static void log(ScenarioReport r) {
        for (ScenarioReport.Sent s : r.sent()) {
            LOG.atInfo().addKeyValue("day", r.day()).addKeyValue("customerId", s.customerId())
                    .addKeyValue("step", s.stepId()).addKeyValue("items", s.items().size())
                    .addKeyValue("messageId", s.messageId()).log("reminder sent");
        }
        for (ScenarioReport.Skipped s : r.skipped()) {
            LOG.atInfo().addKeyValue("day", r.day()).addKeyValue("customerId", s.customerId())
                    .addKeyValue("item", s.itemNumber()).addKeyValue("reason", s.reason())
                    .log("reminder skipped");
        }
        LOG.atInfo().addKeyValue("day", r.day()).addKeyValue("sent", r.sent().size())
                .addKeyValue("skipped", r.skippedByReason()).addKeyValue("customers", r.customersSeen())
                .addKeyValue("promisesChecked", r.promisesChecked())
                .addKeyValue("more", r.continuation() != null).log("scenario run");
    }
}
