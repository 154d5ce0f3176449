package io.arfollowup.testing.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the local engines (infra/local/engines.js) on a free loopback port and waits until they answer. Each engine
 * reports the port it got and exits when its stdin closes, so it dies with this JVM even on a crash; a shutdown hook
 * stops the ones still running. Installs the npm packages with {@code npm ci} when they are missing.
 */
public final class EngineLauncher {

    private static final Pattern READY = Pattern.compile("\\{\"engine\":\"[a-z0-9]+\",\"port\":(\\d+)}");
    private static final List<RunningEngine> STARTED = new ArrayList<>();
    private static final Object NPM_LOCK = new Object();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (STARTED) {
                STARTED.forEach(RunningEngine::close);
            }
        }, "engines-shutdown"));
    }

    private final Path localDir;

    public EngineLauncher(Path localDir) {
        this.localDir = localDir;
    }

    /** The launcher for this checkout: finds infra/local from {@code arfollowup.root.dir} or the working directory. */
    public static EngineLauncher forThisCheckout() {
        return new EngineLauncher(repositoryRoot().resolve("infra/local"));
    }

    /** The repository root: {@code arfollowup.root.dir}, else the first parent of the working dir with infra/local. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("arfollowup.root.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra/local"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("infra/local/package.json"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (infra/local/package.json) from "
                + Path.of("").toAbsolutePath() + "; set -Darfollowup.root.dir");
    }

    /** Starts an engine in memory (dynalite, ses) or on a fresh temp directory (s3). */
    public RunningEngine start(Engine engine) {
        try {
            Path dir = engine == Engine.S3 ? Files.createTempDirectory("s3rver-") : null;
            return start(engine, dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an engine keeping its data under {@code dataDir} (dynalite: LevelDB; s3: files; ses: ignored). */
    public RunningEngine start(Engine engine, Path dataDir) {
        ensureInstalled();
        List<String> command = new ArrayList<>(List.of("node", localDir.resolve("engines.js").toString(),
                engine.arg(), "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            command.add(dataDir.toAbsolutePath().toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(localDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = pb.start();
            int port = awaitPort(engine, process);
            RunningEngine running = new RunningEngine(engine, process, port);
            synchronized (STARTED) {
                STARTED.add(running);
            }
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + engine + " (is node installed?)", e);
        }
    }

    private static int awaitPort(Engine engine, Process process) {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        drain(out);
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new IllegalStateException(engine + " exited before it was ready");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return port.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(engine + " did not become ready", e);
        }
    }

    /** Keep reading the engine's stdout so it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // engine stopped
            }
        }, "engine-stdout");
        t.setDaemon(true);
        t.start();
    }

    /** Runs {@code npm ci} once when infra/local/node_modules is missing (a fresh clone running mvn directly). */
    public void ensureInstalled() {
        synchronized (NPM_LOCK) {
            if (Files.isRegularFile(localDir.resolve("node_modules/.package-lock.json"))) {
                return;
            }
            try {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                        .directory(localDir.toFile()).inheritIO().start();
                if (npm.waitFor() != 0) {
                    throw new IllegalStateException("npm ci failed in " + localDir);
                }
            } catch (IOException e) {
                throw new IllegalStateException("npm is needed to install the local engines", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
