package io.arfollowup.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.lambda.Invocation;
import io.arfollowup.adapters.metrics.ResultMetrics;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.Metrics;
import io.arfollowup.core.usecase.RecordMailFeedback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mail-feedback: the SES configuration set's bounce and complaint events (through SNS) → {@link RecordMailFeedback}
 * per event. Asynchronous: a failure is rethrown so Lambda retries (then the failure queue); the use case is
 * idempotent. Logs ids and counts only, never an address.
 */
public final class MailFeedbackHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MailFeedbackHandler.class);

    static final String FUNCTION = "mail-feedback";

    private final RecordMailFeedback feedback;
    private final Metrics metrics;

    public MailFeedbackHandler() {
        this(Components.fromEnvironment());
    }

    private MailFeedbackHandler(Components c) {
        this(c.recordMailFeedback(), c.metrics());
        c.priming(FUNCTION).register();
    }

    public MailFeedbackHandler(RecordMailFeedback feedback) {
        this(feedback, Metrics.NONE);
    }

    public MailFeedbackHandler(RecordMailFeedback feedback, Metrics metrics) {
        this.feedback = feedback;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation invocation = Invocation.start(FUNCTION, context, metrics)) {
            handle(input, output);
        }
    }

    private void handle(InputStream input, OutputStream output) throws IOException {
        List<RecordMailFeedback.Result> results = new ArrayList<>();
        for (RecordMailFeedback.Command command : FeedbackEvents.commands(Json.parse(input))) {
            if (command.kind() == RecordMailFeedback.Kind.OTHER) {
                LOG.atWarn().addKeyValue("sesMessageId", command.sesMessageId())
                        .log("not a bounce nor a complaint: ignored");
                continue;
            }
            try {
                RecordMailFeedback.Result r = feedback.handle(command);
                ResultMetrics.record(metrics, r);
                LOG.atInfo().addKeyValue("sesMessageId", command.sesMessageId()).addKeyValue("kind", r.kind())
                        .addKeyValue("marked", r.marked()).addKeyValue("alreadyFailing", r.alreadyFailing())
                        .addKeyValue("unknown", r.unknown()).addKeyValue("ignored", r.ignored())
                        .log("mail feedback recorded");
                results.add(r);
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("sesMessageId", command.sesMessageId()).setCause(e)
                        .log("mail feedback failed; Lambda will retry");
                throw e;
            }
        }
        output.write(Json.GSON.toJson(results).getBytes(StandardCharsets.UTF_8));
    }
}
