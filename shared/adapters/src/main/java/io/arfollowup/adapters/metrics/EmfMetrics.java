package io.arfollowup.adapters.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.core.port.Metrics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link Metrics} as CloudWatch Embedded Metric Format: each flush prints one JSON object per line on stdout (Lambda
 * sends stdout to CloudWatch Logs, which extracts the metrics; no API call, no SDK module), in namespace
 * {@code ar-followup}, every metric with the dimension {@code Function} plus its own (e.g. {@code Channel}).
 * Counters with the same dimension values share one line; a flush with nothing counted prints nothing.
 */
public final class EmfMetrics implements Metrics {

    public static final String NAMESPACE = "ar-followup";

    private final String function;
    private final Consumer<String> out;
    private final Clock clock;
    /** dimension values (sorted) → metric → sum. */
    private final Map<Map<String, String>, Map<String, Long>> pending = new LinkedHashMap<>();

    public EmfMetrics(String function, Consumer<String> out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    /** On stdout, named after the Lambda function ({@code AWS_LAMBDA_FUNCTION_NAME}) or {@code fallback}. */
    public static EmfMetrics stdout(String fallback, Clock clock) {
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        PrintStream stdout = System.out;
        return new EmfMetrics(name == null || name.isBlank() ? fallback : name, line -> {
            synchronized (stdout) {
                stdout.println(line);
                stdout.flush();
            }
        }, clock);
    }

    @Override
    public synchronized void count(String name, long value, Map<String, String> dimensions) {
        Map<String, String> key = new TreeMap<>(dimensions == null ? Map.of() : dimensions);
        pending.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(name, value, Long::sum);
    }

    @Override
    public synchronized void flush() {
        for (Map.Entry<Map<String, String>, Map<String, Long>> group : pending.entrySet()) {
            out.accept(line(group.getKey(), group.getValue()));
        }
        pending.clear();
    }

    String line(Map<String, String> dimensions, Map<String, Long> values) {
        JsonObject root = new JsonObject();
        JsonObject aws = new JsonObject();
        aws.addProperty("Timestamp", clock.millis());
        JsonObject directive = new JsonObject();
        directive.addProperty("Namespace", NAMESPACE);
        JsonArray dimensionSet = new JsonArray();
        dimensionSet.add("Function");
        dimensions.keySet().forEach(dimensionSet::add);
        JsonArray dimensionSets = new JsonArray();
        dimensionSets.add(dimensionSet);
        directive.add("Dimensions", dimensionSets);
        JsonArray metrics = new JsonArray();
        values.keySet().forEach(name -> {
            JsonObject m = new JsonObject();
            m.addProperty("Name", name);
            m.addProperty("Unit", "Count");
            metrics.add(m);
        });
        directive.add("Metrics", metrics);
        JsonArray directives = new JsonArray();
        directives.add(directive);
        aws.add("CloudWatchMetrics", directives);
        root.add("_aws", aws);
        root.addProperty("Function", function);
        dimensions.forEach(root::addProperty);
        values.forEach(root::addProperty);
        return Json.GSON.toJson(root);
    }
}
