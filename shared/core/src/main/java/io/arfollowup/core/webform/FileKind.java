package io.arfollowup.core.webform;

import java.util.Optional;

/**
 * The file types a customer may upload (proof of payment, photos), recognised by their first bytes — never by the
 * name or the Content-Type the browser claims.
 */
public enum FileKind {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    FileKind(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The kind the content starts like, if any of ours. */
    public static Optional<FileKind> of(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        for (FileKind k : values()) {
            if (content.length >= k.magic.length && startsWith(content, k.magic)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
