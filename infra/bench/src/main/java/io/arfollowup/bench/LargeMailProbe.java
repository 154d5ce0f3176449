package io.arfollowup.bench;

import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/** Child JVM of the email benchmark: reads one large message and prints the attachment size and the peak heap. */
public final class LargeMailProbe {

    private LargeMailProbe() {
    }

    public static void main(String[] args) {
        MailSystemProperties.apply();
        ReadMail mail = new AngusMailReader().read(Path.of(args[0]), AttachmentSink.DISCARD);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "attachment=%d peakHeapMB=%.1f%n",
                mail.attachments().isEmpty() ? -1 : mail.attachments().get(0).sizeBytes(), peak / 1048576.0);
    }
}
