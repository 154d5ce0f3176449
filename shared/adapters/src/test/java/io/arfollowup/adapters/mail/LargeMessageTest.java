package io.arfollowup.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.mail.ReadMail;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 25 MB attachment is streamed: a child JVM whose heap is capped well below the 256 MB budget reads the message
 * (generated at test time under target/, never committed) and sees every byte of the attachment.
 */
class LargeMessageTest {

    static final long ATTACHMENT_BYTES = 25L * 1024 * 1024;
    static final String CHILD_HEAP = "-Xmx96m";

    @Test
    void read_25MbAttachment_inAJvmWithLessHeapThanTheMessage() throws Exception {
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("target/large-mail/25mb-attachment.eml");
        write(file, ATTACHMENT_BYTES);
        assertThat(Files.size(file)).isGreaterThan(ATTACHMENT_BYTES);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CHILD_HEAP, "-cp", System.getProperty("java.class.path"), Probe.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = child.waitFor();

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("attachment=" + ATTACHMENT_BYTES + " ").contains("text=Bonjour");
    }

    /** Writes a reply with a text part and one base64 PDF-like attachment of the given decoded size. */
    static void write(Path file, long attachmentBytes) throws IOException {
        if (Files.exists(file) && Files.size(file) > attachmentBytes) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: Julie Caron <julie.caron@caron-paysage.example.net>\r\n"
                    + "To: relances+Fz5Nb9kQw2Tc@reply.example.com\r\nSubject: Re: Relance facture FA-2025-0161\r\n"
                    + "Date: Mon, 10 Mar 2025 09:48:30 +0100\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nBonjour, le relevé complet est joint.\r\n\r\n--big\r\n"
                    + "Content-Type: application/pdf; name=releve.pdf\r\nContent-Disposition: attachment; filename=releve.pdf\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            OutputStream b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).wrap(
                    new NonClosing(out));
            byte[] chunk = new byte[57 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7);
            }
            long left = attachmentBytes;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                b64.write(chunk, 0, n);
                left -= n;
            }
            b64.close();
            out.write("\r\n--big--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Runs in the child JVM: reads the message and prints the attachment size and the peak heap. */
    public static final class Probe {
        public static void main(String[] args) {
            MailSystemProperties.apply();
            ReadMail mail = new AngusMailReader().read(Path.of(args[0]), io.arfollowup.core.port.AttachmentSink.DISCARD);
            List<AttachmentRef> atts = mail.attachments();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("attachment=" + (atts.isEmpty() ? -1 : atts.get(0).sizeBytes()) + " peakHeapBytes=" + peak
                    + " text=" + mail.newText());
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
