package io.arfollowup.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code make demo [ARGS=--once] [EMAILS=<folder>]}: starts the local engines (data kept under .local/), the local
 * runtime and runs the {@link Demo}; then keeps serving until Ctrl-C unless {@code --once}.
 */
public final class Main {

    private Main() {
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Why the local runtime could not listen on {@code port} (another demo serving, most often), in one sentence
     * that says what to type instead; empty when the port is free or {@code 0} (any free port).
     */
    static java.util.Optional<String> portProblem(int port) {
        if (port == 0) {
            return java.util.Optional.empty();
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.of("127.0.0.1:" + port + " is already in use (another make demo still serving?):"
                    + " stop it with Ctrl-C, or run make demo ARGS=--port=" + (port == 65535 ? 8788 : port + 1)
                    + " / port déjà utilisé : arrêtez l'autre démo ou choisissez un autre port.");
        }
    }

    public static void main(String[] args) throws Exception {
        boolean once = false;
        Path root = io.arfollowup.testing.engines.EngineLauncher.repositoryRoot();
        Path emails = root.resolve("events/emails");
        Path dataDir = root.resolve(".local");
        Path demoData = root.resolve("events/demo");
        int port = 8787;
        for (String a : args) {
            if (a.equals("--once")) {
                once = true;
            } else if (a.startsWith("--emails=") && a.length() > "--emails=".length()) {
                emails = Path.of(a.substring("--emails=".length())).toAbsolutePath().normalize();
            } else if (a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring("--port=".length()));
            } else if (a.startsWith("--demo-data=")) {
                demoData = Path.of(a.substring("--demo-data=".length())).toAbsolutePath().normalize();
            } else if (a.startsWith("--data=")) {
                dataDir = Path.of(a.substring("--data=".length()));
            }
        }
        if (!Files.isDirectory(emails)) {
            System.err.println("no such folder: " + emails);
            System.exit(2);
        }
        java.util.Optional<String> portProblem = portProblem(once ? 0 : port);
        if (portProblem.isPresent()) { // before any engine starts: nothing to clean up, no stack trace
            System.err.println(portProblem.get());
            System.exit(2);
        }
        // every run starts from the embedded defaults; the data stays under .local/ for inspection while serving
        deleteRecursively(dataDir);
        System.out.println("ar-followup demo — starting the local engines (fresh data in " + root.relativize(
                dataDir.toAbsolutePath().normalize()) + "/)…");
        try (LocalEnvironment env = new LocalEnvironment(dataDir, Clock.systemUTC());
             LocalRuntime runtime = new LocalRuntime(env, once ? 0 : port)) {
            System.out.println("engines: dynalite " + env.dynamo().endpoint() + " · s3rver " + env.s3().endpoint()
                    + " · aws-ses-v2-local " + env.ses().endpoint() + " · Slack stand-in " + env.slack().endpoint()
                    + " · scheduler emulator " + env.scheduler().endpoint());
            System.out.println("Slack request URL: " + runtime.slackRequestUrl());
            System.out.println("Slack preview (click the cards in a browser): " + runtime.previewUrl());
            new Demo(runtime, demoData, System.out).run(emails);
            System.out.println();
            System.out.println("SES web UI (e-mails sent): " + env.ses().endpoint() + "/");
            if (once) {
                env.close();
                // Bolt's App.start() (auth.test at init) leaves non-daemon executor threads: a one-pass run ends here
                System.exit(0);
            }
            SocketModeMain.startIfConfigured(env).ifPresent(s -> System.out.println(
                    "Socket Mode: connected to your Slack workspace (SLACK_BOT_TOKEN + SLACK_APP_TOKEN)"));
            System.out.println("Serving until Ctrl-C. Local runtime: " + runtime.endpoint());
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
    }
}
