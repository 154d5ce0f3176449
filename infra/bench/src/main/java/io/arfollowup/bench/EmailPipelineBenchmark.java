package io.arfollowup.bench;

import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.core.port.AttachmentSink;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * DESIGN §11 "Email pipeline": the time to read a message the product's way (parse + decode + strip + refs, i.e.
 * {@link AngusMailReader#read}) against a bare Angus Mail parse of the same messages ({@code MimeMessage} and
 * reading every part), both measured in this run, budget ≤ 2×; and the 25 MB attachment read in a child JVM with
 * {@code -Xmx256m}, reporting its peak heap.
 */
public final class EmailPipelineBenchmark implements Benchmark {

    static {
        MailSystemProperties.apply();
    }

    private static final int ROUNDS = 7;
    private static final long ATTACHMENT_BYTES = 25L * 1024 * 1024;

    @Override
    public String name() {
        return "email-pipeline";
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        List<Path> messages = new ArrayList<>();
        for (Path dir : List.of(context.shared().resolve("emails/dev"), context.shared().resolve("cases"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".eml")).sorted().forEach(messages::add);
            }
        }
        AngusMailReader reader = new AngusMailReader();
        Session session = Session.getInstance(new Properties());
        System.out.printf(Locale.ROOT, "messages: %d (emails/dev + cases)%n", messages.size());

        int iterations = 150;
        for (int i = 0; i < 60; i++) { // warm-up: both paths compiled before anything is timed
            bare(session, messages);
            pipeline(reader, messages);
        }
        double[] bare = new double[ROUNDS];
        double[] pipe = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                bare(session, messages);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                pipeline(reader, messages);
            }
            long t2 = System.nanoTime();
            bare[r] = (t1 - t0) / 1000.0 / iterations / messages.size();
            pipe[r] = (t2 - t1) / 1000.0 / iterations / messages.size();
        }
        double bareUs = median(bare);
        double pipeUs = median(pipe);
        double ratio = pipeUs / bareUs;
        System.out.printf(Locale.ROOT, "bare Angus parse (MimeMessage + every part read): %.1f us/message (rounds %s)%n",
                bareUs, fmt(bare));
        System.out.printf(Locale.ROOT, "pipeline (parse + decode + strip + refs):         %.1f us/message (rounds %s)%n",
                pipeUs, fmt(pipe));
        System.out.printf(Locale.ROOT, "ratio: %.2f x%n", ratio);

        List<BenchResult> results = new ArrayList<>();
        results.add(new BenchResult("email-pipeline-per-message", round1(pipeUs), "us", round1(2 * bareUs), true));
        results.add(new BenchResult("email-pipeline-ratio-to-bare-parse", Math.round(ratio * 100) / 100.0, "x", 2, true));
        results.add(largeAttachmentHeap(context));
        return results;
    }

    private static void pipeline(AngusMailReader reader, List<Path> messages) {
        for (Path m : messages) {
            reader.read(m, AttachmentSink.DISCARD);
        }
    }

    /** What a bare Angus user does: parse, then read every part (text decoded to a String, the rest drained). */
    static void bare(Session session, List<Path> messages) {
        for (Path m : messages) {
            try (SharedFileInputStream in = new SharedFileInputStream(m.toFile())) {
                MimeMessage message = new MimeMessage(session, in);
                message.getSubject();
                message.getFrom();
                readPart(message);
            } catch (IOException | MessagingException | RuntimeException e) {
                // a message Angus cannot read costs what it cost until it failed
            }
        }
    }

    private static void readPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                readPart(mp.getBodyPart(i));
            }
        } else if (part.isMimeType("text/*")) {
            try {
                part.getContent();
            } catch (IOException e) {
                drain(part);
            }
        } else {
            drain(part);
        }
    }

    private static void drain(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private BenchResult largeAttachmentHeap(BenchContext context) throws Exception {
        Path file = context.root().resolve("infra/bench/target/large-mail/25mb-attachment.eml");
        writeLargeMessage(file);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LargeMailProbe.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = child.waitFor();
        System.out.println("25 MB attachment, child JVM -Xmx256m: " + out + " (exit " + exit + ", message "
                + Files.size(file) / (1024 * 1024) + " MB on disk)");
        double peakMb = Double.POSITIVE_INFINITY;
        for (String token : out.split("\\s+")) {
            if (token.startsWith("peakHeapMB=")) {
                peakMb = Double.parseDouble(token.substring("peakHeapMB=".length()));
            }
        }
        if (exit != 0 || !out.contains("attachment=" + ATTACHMENT_BYTES + " ")) {
            peakMb = Double.POSITIVE_INFINITY;
        }
        return new BenchResult("email-25mb-attachment-peak-heap", peakMb, "MB", 256, true);
    }

    static void writeLargeMessage(Path file) throws IOException {
        if (Files.exists(file) && Files.size(file) > ATTACHMENT_BYTES) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: Julie Caron <julie.caron@caron-paysage.example.net>\r\n"
                    + "To: relances+Fz5Nb9kQw2Tc@reply.example.com\r\nSubject: Re: Relance facture FA-2025-0161\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nBonjour, le relevé complet est joint.\r\n\r\n--big\r\n"
                    + "Content-Type: application/pdf; name=releve.pdf\r\nContent-Disposition: attachment; filename=releve.pdf\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[57 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7);
            }
            Base64.Encoder enc = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
            long left = ATTACHMENT_BYTES;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                out.write(enc.encode(Arrays.copyOf(chunk, n)));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                left -= n;
            }
            out.write("--big--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return sb.toString();
    }
}
