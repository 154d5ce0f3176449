package io.arfollowup.testing.engines;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker daemon answers, found in well under a second and without Testcontainers: on these machines the
 * docker client is installed without a daemon, and Testcontainers' own detection then stalls (FACTS.md). Asks
 * {@code GET /_ping} on {@code DOCKER_HOST} (unix:// or tcp://) or on the usual sockets, with a 1.5 s budget.
 */
public final class DockerDaemon {

    private static volatile String cached;

    private DockerDaemon() {
    }

    /** Why there is no daemon, or null when one answered {@code OK}. Computed once per JVM. */
    public static String unavailableReason() {
        String r = cached;
        if (r == null) {
            r = probe();
            cached = r;
        }
        return r.isEmpty() ? null : r;
    }

    public static boolean answers() {
        return unavailableReason() == null;
    }

    private static String probe() {
        String host = System.getenv("DOCKER_HOST");
        List<String> candidates = new ArrayList<>();
        if (host != null && !host.isBlank()) {
            candidates.add(host.trim());
        } else {
            candidates.add("unix:///var/run/docker.sock");
            candidates.add("unix://" + System.getProperty("user.home") + "/.docker/run/docker.sock");
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            if (runtime != null) {
                candidates.add("unix://" + runtime + "/docker.sock");
            }
        }
        return probe(candidates);
    }

    /** "" when one of {@code candidates} (unix:// or tcp://) answers {@code /_ping} with 200; else why not. */
    static String probe(List<String> candidates) {
        List<String> tried = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "docker-ping");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String c : candidates) {
                if (c.startsWith("unix://") && !Files.exists(Path.of(c.substring("unix://".length())))) {
                    tried.add(c + " (no socket)");
                    continue;
                }
                Future<String> answer = pool.submit(() -> ping(c));
                try {
                    String reply = answer.get(1500, TimeUnit.MILLISECONDS);
                    if (reply.startsWith("HTTP/1.") && reply.contains(" 200")) {
                        return "";
                    }
                    tried.add(c + " (answered " + reply.lines().findFirst().orElse("nothing") + ")");
                } catch (Exception e) {
                    answer.cancel(true);
                    tried.add(c + " (" + (e.getCause() != null ? e.getCause().getMessage() : "no answer in 1.5 s") + ")");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return "no Docker daemon answers: " + String.join(", ", tried);
    }

    private static String ping(String where) throws IOException {
        byte[] request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        if (where.startsWith("unix://")) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(where.substring("unix://".length())));
                ch.write(ByteBuffer.wrap(request));
                ByteBuffer buf = ByteBuffer.allocate(512);
                ch.read(buf);
                return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            }
        }
        URI uri = URI.create(where.replaceFirst("^tcp://", "http://"));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()), 1000);
            s.setSoTimeout(1000);
            s.getOutputStream().write(request);
            byte[] buf = s.getInputStream().readNBytes(512);
            return new String(buf, StandardCharsets.US_ASCII);
        }
    }
}
