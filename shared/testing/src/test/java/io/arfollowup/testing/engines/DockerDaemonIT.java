package io.arfollowup.testing.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker check behind LocalStackIT: a daemon that answers, a missing socket, a listener that never answers. */
class DockerDaemonIT {

    @TempDir
    Path dir;

    @Test
    void aSocketAnsweringPingCountsAsADaemon() throws Exception {
        Path sock = dir.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread t = new Thread(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(256));
                    c.write(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception ignored) {
                    // the test reads the outcome
                }
            });
            t.setDaemon(true);
            t.start();

            assertThat(DockerDaemon.probe(List.of("unix://" + sock))).isEmpty();
        }
    }

    @Test
    void noSocketAndSilentListenersAreReasonsNotHangs() throws Exception {
        Path missing = dir.resolve("none.sock");
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String why = DockerDaemon.probe(List.of("unix://" + missing,
                    "tcp://127.0.0.1:" + silent.getLocalPort()));

            assertThat(why).contains("no socket").containsAnyOf("no answer", "timed out");
            assertThat(Files.exists(missing)).isFalse();
        }
    }
}
