package io.arfollowup.core.port;

import io.arfollowup.core.mail.ReadMail;
import java.nio.file.Path;

/**
 * Reads a raw RFC 5322 message into a {@link ReadMail}. The message is read from a file so that a 25 MB mail is
 * streamed, never held in memory. Never throws on a real-world message: what cannot be read is flagged MALFORMED
 * and whatever could be read is returned.
 */
public interface MailReader {
    ReadMail read(Path rawMime, AttachmentSink attachments);
}
