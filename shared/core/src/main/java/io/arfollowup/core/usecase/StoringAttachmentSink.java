package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.port.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/**
 * Stores each attachment of a response under {@code attachments/<responseId>/<n>-<safe name>}: spooled to a temp
 * file (S3 over plain HTTP needs the length; memory stays flat for a 25 MB file), then uploaded. Keys are
 * deterministic, so a redelivered message overwrites the same objects.
 */
public final class StoringAttachmentSink implements AttachmentSink {

    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "jar", "js", "jse", "vbs", "vbe", "wsf", "wsh",
            "ps1", "psm1", "hta", "cpl", "lnk", "reg", "dll", "sh", "app", "iso", "img");

    private final BlobStore blobs;
    private final String prefix;
    private int index;

    public StoringAttachmentSink(BlobStore blobs, String responseId) {
        this.blobs = blobs;
        this.prefix = "attachments/" + responseId + "/";
    }

    @Override
    public AttachmentRef store(String filename, String contentType, InputStream data) throws IOException {
        String name = filename == null || filename.isBlank() ? "attachment-" + (index + 1) : filename;
        String key = prefix + (++index) + "-" + safeKeyPart(name);
        Path tmp = Files.createTempFile("att-", ".bin");
        try {
            long size = Files.copy(data, tmp, StandardCopyOption.REPLACE_EXISTING);
            blobs.put(key, tmp, contentType == null ? "application/octet-stream" : contentType);
            return new AttachmentRef(name, contentType, size, key, isExecutable(name, contentType));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static boolean isExecutable(String filename, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("x-msdownload") || ct.contains("x-msdos-program") || ct.contains("x-executable")
                || ct.contains("x-sh") || ct.contains("java-archive")) {
            return true;
        }
        if (filename == null) {
            return false;
        }
        int dot = filename.lastIndexOf('.');
        return dot >= 0 && EXECUTABLE_EXTENSIONS.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT).trim());
    }

    /** Letters, digits, dot, dash and underscore only: keys stay readable and URL-safe. */
    static String safeKeyPart(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 80; i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? c : '_');
        }
        return sb.toString();
    }
}
