package io.arfollowup.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.adapters.aws.LocalAws;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.LocalEngines;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mail bucket on s3rver through the production client wiring (path-style, no aws-chunked encoding). */
@ExtendWith(LocalEngines.class)
class S3BlobStoreIT {

    static S3BlobStore store;

    @BeforeAll
    static void bucket() {
        store = new S3BlobStore(LocalAws.clients("s3", LocalEngines.get(Engine.S3).endpoint()).s3(),
                "mail-" + UUID.randomUUID().toString().substring(0, 8));
        store.createBucketIfMissing();
    }

    /** A small but real PDF: binary marker line, a content stream, an xref table, CR/LF and high bytes. */
    static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\r\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\r\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\r\n"
                + "4 0 obj << /Length 44 >> stream\r\nBT /F1 12 Tf 72 770 Td (Avis de virement) Tj ET\r\n"
                + "endstream endobj\r\nxref\r\n0 5\r\n0000000000 65535 f\r\ntrailer << /Size 5 /Root 1 0 R >>\r\n"
                + "startxref\r\n0\r\n%%EOF\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] binary = new byte[512];
        new Random(42).nextBytes(binary);
        out.writeBytes(binary);
        return out.toByteArray();
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static byte[] read(String key) throws Exception {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void putBytes_pdf_comesBackByteForByte() throws Exception {
        byte[] pdf = pdf();

        store.put("att/em-1/avis de virement é.pdf", pdf, "application/pdf");

        assertThat(read("att/em-1/avis de virement é.pdf")).isEqualTo(pdf);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 652, 8_191, 65_537, 1_048_583, 3_145_739})
    void putBytes_randomContent_comesBackByteForByte(int size) throws Exception {
        byte[] content = random(size);
        String key = "blob/" + size;

        store.put(key, content, "application/octet-stream");

        assertThat(read(key)).hasSize(size).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 652, 70_001, 2_097_169})
    void putFile_randomContent_downloadsByteForByte(int size, @TempDir Path dir) throws Exception {
        byte[] content = random(size);
        Path source = Files.write(dir.resolve("in.bin"), content);
        String key = "raw/file-" + size;

        store.put(key, source, "message/rfc822");
        Path target = dir.resolve("out.eml");
        store.download(key, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void exists_tellsStoredFromMissingKeys() throws Exception {
        store.put("raw/present", "x".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(store.exists("raw/present")).isTrue();
        assertThat(store.exists("raw/absent")).isFalse();
    }

    @Test
    void open_missingKey_isFileNotFound() {
        assertThatThrownBy(() -> store.open("raw/never-stored")).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("raw/never-stored");
    }

    @Test
    void download_missingKey_isFileNotFound(@TempDir Path dir) {
        assertThatThrownBy(() -> store.download("raw/never-stored", dir.resolve("x")))
                .isInstanceOf(FileNotFoundException.class);
    }
}
