package io.arfollowup.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

    private static final String TEXT = "réglé aujourd’hui 980,00 €";

    @Test
    void decode_aliasesJavaDoesNotKnow() {
        byte[] cp1252 = TEXT.getBytes(Charsets.WINDOWS_1252);
        for (String label : new String[] {"cp-1252", "win-1252", "windows1252", "CP_1252", "\"cp-1252\""}) {
            assertThat(Charsets.decode(cp1252, label)).as(label).isEqualTo(TEXT);
        }
        assertThat(Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "utf8")).isEqualTo(TEXT);
    }

    @Test
    void decode_westernAndUnknownLabels_utf8FirstThenWindows1252() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = TEXT.getBytes(Charsets.WINDOWS_1252);
        for (String label : new String[] {"us-ascii", "iso-8859-1", "windows-1252", null, "x-unknown", "unknown-8bit"}) {
            assertThat(Charsets.decode(utf8, label)).as(String.valueOf(label)).isEqualTo(TEXT);
            assertThat(Charsets.decode(cp1252, label)).as(String.valueOf(label)).isEqualTo(TEXT);
        }
    }

    @Test
    void decode_declaredCharsetsAreHonoured() {
        byte[] latin9 = "mise en œuvre, 388,80 €".getBytes(java.nio.charset.Charset.forName("ISO-8859-15"));
        assertThat(Charsets.decode(latin9, "ISO-8859-15")).isEqualTo("mise en œuvre, 388,80 €");
    }

    @Test
    void decode_utf8LabelWithStrayBytes_keepsValidSequences() {
        byte[] mixed = {'p', 'a', 'y', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE9, 't', (byte) 0xE9};
        assertThat(Charsets.decode(mixed, "utf-8")).isEqualTo("payé été");
    }

    @Test
    void fromRawHeader_bytesAsCharsAreDecoded() {
        String rawUtf8 = new String("Hélène".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String rawLatin1 = new String("Hélène".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        assertThat(Charsets.fromRawHeader(rawUtf8)).isEqualTo("Hélène");
        assertThat(Charsets.fromRawHeader(rawLatin1)).isEqualTo("Hélène");
    }
}
