package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** make demo on a port another demo already holds: one clear sentence before any engine starts, no stack trace. */
class DemoPortIT {

    @Test
    void takenPort_isToldInOneSentenceWithTheWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(Main.portProblem(port)).hasValueSatisfying(m -> assertThat(m)
                    .contains("127.0.0.1:" + port).contains("make demo ARGS=--port=").doesNotContain("Exception"));
        }
    }

    @Test
    void freePortOrOnePass_isNoProblem() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        assertThat(Main.portProblem(free)).isEmpty();
        assertThat(Main.portProblem(0)).isEmpty();
    }
}
