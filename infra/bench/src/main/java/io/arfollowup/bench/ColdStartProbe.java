package io.arfollowup.bench;

import io.arfollowup.functions.slack.SlackHandler;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs in a fresh JVM on the Slack function's shaded jar: builds the handler from the environment (as Lambda's
 * init does, auth.test included) and handles one signed event read from a file; prints {@code ACK <status>}.
 * With {@code --bare} it prints {@code ACK 0} at once: the bare JVM start of the same class path.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--bare")) {
            System.out.println("ACK 0");
            return;
        }
        long t0 = System.nanoTime();
        SlackHandler handler = new SlackHandler();
        long t1 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new FileInputStream(args[0])) {
            handler.handleRequest(in, out, null);
        }
        long t2 = System.nanoTime();
        if (System.getenv("PROBE_TIMES") != null) {
            System.out.println("TIMES jvm-to-main=" + (System.currentTimeMillis()
                    - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L))
                    + "ms init=" + (t1 - t0) / 1_000_000 + "ms handle=" + (t2 - t1) / 1_000_000 + "ms");
        }
        String reply = out.toString(StandardCharsets.UTF_8);
        int at = reply.indexOf("\"statusCode\":");
        String status = at < 0 ? "?" : reply.substring(at + 13, at + 16);
        System.out.println("ACK " + status);
        System.out.flush();
        // the Lambda sandbox would freeze here; a JVM tearing down its thread pools is not part of the ack
        Runtime.getRuntime().halt(0);
    }
}
