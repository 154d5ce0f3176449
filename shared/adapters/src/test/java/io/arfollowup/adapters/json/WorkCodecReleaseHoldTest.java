package io.arfollowup.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.usecase.Work;
import org.junit.jupiter.api.Test;

class WorkCodecReleaseHoldTest {

    @Test
    void releaseHold_goesToTheWorkerAndBack() {
        Work w = new Work.ReleaseHold("cafe-des-canuts", "FA-2025-00433", "U0COLLECT1");

        String json = WorkCodec.encode(w);

        assertThat(json).contains("\"action\":\"release_hold\"");
        assertThat(WorkCodec.decode(json)).isEqualTo(w);
    }
}
