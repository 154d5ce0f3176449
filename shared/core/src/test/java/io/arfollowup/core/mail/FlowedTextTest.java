package io.arfollowup.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

    @Test
    void unflow_joinsSoftBreaksAndKeepsHardOnes() {
        assertThat(FlowedText.unflow("Je suis surprise \npar cette relance.\n\n-- \nClaire", false))
                .isEqualTo("Je suis surprise par cette relance.\n\n-- \nClaire");
    }

    @Test
    void unflow_delSpAndQuotesAndStuffing() {
        assertThat(FlowedText.unflow("Hallo Wel \nt\n From here", true)).isEqualTo("Hallo Welt\nFrom here");
        assertThat(FlowedText.unflow("> Le 5 nov., X \n> <x@y.example> a écrit :\n>> deeper", false))
                .isEqualTo("> Le 5 nov., X <x@y.example> a écrit :\n>> deeper");
    }
}
