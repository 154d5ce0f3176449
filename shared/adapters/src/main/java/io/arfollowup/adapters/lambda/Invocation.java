package io.arfollowup.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.arfollowup.core.port.Metrics;
import org.slf4j.MDC;

/**
 * One Lambda invocation's log ids and metrics: opened first thing in a handler, it puts {@code function} and
 * {@code requestId} (Lambda's aws request id) in the MDC, so every JSON log line of the invocation carries them
 * (logback's JsonEncoder writes the MDC), and on close flushes the invocation's metrics (one EMF line) and clears
 * the MDC. Use cases add their own ids (responseId, followUpId...) as key-values on each line.
 */
public final class Invocation implements AutoCloseable {

    private final Metrics metrics;

    private Invocation(Metrics metrics) {
        this.metrics = metrics;
    }

    public static Invocation start(String function, Context context, Metrics metrics) {
        MDC.put("function", function);
        String id = context == null ? null : context.getAwsRequestId();
        if (id != null) {
            MDC.put("requestId", id);
        }
        return new Invocation(metrics == null ? Metrics.NONE : metrics);
    }

    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        try {
            metrics.flush();
        } finally {
            MDC.remove("requestId");
            MDC.remove("function");
        }
    }
}
