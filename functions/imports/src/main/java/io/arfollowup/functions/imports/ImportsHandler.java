package io.arfollowup.functions.imports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.lambda.Invocation;
import io.arfollowup.adapters.metrics.ResultMetrics;
import io.arfollowup.core.port.Metrics;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.usecase.ImportFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * imports: S3 ObjectCreated events under {@code imports/} (or the same as an EventBridge "Object Created" event) →
 * {@link ImportFile} per object. The bucket comes from the event: the template cannot give this function the bucket's
 * name without a dependency cycle (the bucket's notification names the function). Asynchronous: a failure is
 * rethrown so Lambda retries; an import is idempotent.
 */
public final class ImportsHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ImportsHandler.class);

    static final String FUNCTION = "imports";

    private final Function<String, ImportFile> importFileForBucket;
    private final Metrics metrics;

    public ImportsHandler() {
        this(Components.fromEnvironment());
    }

    private ImportsHandler(Components c) {
        this(c::importFile, c.metrics());
        c.priming(FUNCTION).before("csv", () -> {
            try {
                java.nio.file.Path f = java.nio.file.Files.createTempFile("prime", ".csv");
                java.nio.file.Files.writeString(f, "a;b\r\n1;\u00e9\r\n");
                try {
                    c.tableReader().read(f);
                } finally {
                    java.nio.file.Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).before("s3", () -> c.aws().s3().prime(c.config().mailBucket())).register();
    }

    /** {@code importFileForBucket}: the use case reading from the event's bucket. */
    public ImportsHandler(Function<String, ImportFile> importFileForBucket) {
        this(importFileForBucket, Metrics.NONE);
    }

    public ImportsHandler(Function<String, ImportFile> importFileForBucket, Metrics metrics) {
        this.importFileForBucket = importFileForBucket;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation invocation = Invocation.start(FUNCTION, context, metrics)) {
            handle(input, output);
        }
    }

    private void handle(InputStream input, OutputStream output) throws IOException {
        List<ImportReport> reports = new ArrayList<>();
        for (String[] object : objects(Json.parse(input))) {
            String bucket = object[0];
            String key = object[1];
            if (!key.startsWith(ImportFile.PREFIX) || key.endsWith("/")) {
                LOG.atWarn().addKeyValue("s3Key", key).log("not an import: ignored");
                continue;
            }
            try {
                ImportReport r = importFileForBucket.apply(bucket).handle(new ImportFile.Command(key));
                ResultMetrics.record(metrics, r);
                LOG.atInfo().addKeyValue("s3Key", key).addKeyValue("kind", r.kind()).addKeyValue("rows", r.rows())
                        .addKeyValue("created", r.created()).addKeyValue("updated", r.updated())
                        .addKeyValue("unchanged", r.unchanged()).addKeyValue("rejected", r.errors().size())
                        .addKeyValue("alreadyImported", r.alreadyImported()).log("import done");
                // line and column only: a reason quotes the cell (an address, a name, a phone number); the person
                // reads it in Slack and in the returned report
                r.errors().forEach(e -> LOG.atInfo().addKeyValue("s3Key", key).addKeyValue("line", e.line())
                        .addKeyValue("column", e.column()).log("row rejected"));
                reports.add(r);
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("s3Key", key).setCause(e).log("import failed; Lambda will retry");
                throw e;
            }
        }
        output.write(Json.GSON.toJson(reports).getBytes(StandardCharsets.UTF_8));
    }

    /** (bucket, key) of each object: S3 notification records (keys URL-encoded, '+' = space) or EventBridge. */
    static List<String[]> objects(JsonObject event) {
        List<String[]> out = new ArrayList<>();
        for (JsonElement record : Json.array(event, "Records")) {
            if (!"aws:s3".equals(Json.text(record, "", "eventSource"))) {
                continue;
            }
            out.add(new String[] {Json.text(record, "", "s3", "bucket", "name"),
                    URLDecoder.decode(Json.text(record, "", "s3", "object", "key"), StandardCharsets.UTF_8)});
        }
        if (out.isEmpty() && "aws.s3".equals(Json.text(event, "", "source"))) {
            out.add(new String[] {Json.text(event, "", "detail", "bucket", "name"),
                    Json.text(event, "", "detail", "object", "key")});
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no S3 object in the event");
        }
        return out;
    }
}
