package io.arfollowup.testing.engines;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** A started engine: its loopback endpoint; {@link #close()} stops it (it also dies with the JVM: stdin closes). */
public final class RunningEngine implements AutoCloseable {

    private final Engine engine;
    private final Process process;
    private final int port;

    RunningEngine(Engine engine, Process process, int port) {
        this.engine = engine;
        this.process = process;
        this.port = port;
    }

    public Engine engine() {
        return engine;
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException ignored) {
            // closing stdin is the stop signal; the process may already be gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
