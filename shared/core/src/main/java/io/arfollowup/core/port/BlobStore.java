package io.arfollowup.core.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The mail bucket: raw MIME, full texts, attachments, documents. */
public interface BlobStore {
    /** Opens an object for streaming; the caller closes it. */
    InputStream open(String key) throws IOException;

    /** Copies an object to a local file (large mail is parsed from disk, never buffered in memory). */
    void download(String key, Path target) throws IOException;

    void put(String key, byte[] content, String contentType) throws IOException;

    void put(String key, Path file, String contentType) throws IOException;

    boolean exists(String key);
}
