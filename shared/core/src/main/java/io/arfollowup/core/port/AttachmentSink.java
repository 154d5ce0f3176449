package io.arfollowup.core.port;

import io.arfollowup.core.domain.AttachmentRef;
import java.io.IOException;
import java.io.InputStream;

/** Receives each attachment of a message as it is decoded, so large files are streamed, never held in memory. */
public interface AttachmentSink {
    AttachmentRef store(String filename, String contentType, InputStream data) throws IOException;

    /** For tools that only read (make parse-email): counts the bytes and stores nothing. */
    AttachmentSink DISCARD = (filename, contentType, data) -> {
        long size = data.transferTo(java.io.OutputStream.nullOutputStream());
        return new AttachmentRef(filename, contentType, size, null, false);
    };
}
