package io.arfollowup.core.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadsTest {

    @Test
    void fileKinds_areRecognisedByTheirFirstBytes_notByName() {
        assertThat(FileKind.of("%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1))).contains(FileKind.PDF);
        assertThat(FileKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).contains(FileKind.JPEG);
        assertThat(FileKind.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(FileKind.PNG);
        assertThat(FileKind.of("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileKind.of("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileKind.of(new byte[] {'%', 'P', 'D'})).isEmpty();
        assertThat(FileKind.of(new byte[0])).isEmpty();
    }

    @Test
    void displayNames_dropPathsAndOddCharacters_andTakeTheDetectedExtension() {
        assertThat(Text.fileName("C:\\Users\\julie\\avis de virement.PDF", FileKind.PDF, 1))
                .isEqualTo("avis de virement.pdf");
        assertThat(Text.fileName("../../etc/passwd", FileKind.PNG, 2)).isEqualTo("passwd.png");
        assertThat(Text.fileName("photo<script>.exe", FileKind.JPEG, 3)).isEqualTo("photoscript.jpg");
        assertThat(Text.fileName("", FileKind.PDF, 4)).isEqualTo("document-4.pdf");
        assertThat(Text.fileName("réglé_n°12.pdf", FileKind.PDF, 5)).isEqualTo("réglé_n12.pdf");
    }
}
