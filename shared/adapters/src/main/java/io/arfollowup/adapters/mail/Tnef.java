package io.arfollowup.adapters.mail;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lists the files inside a TNEF stream ({@code winmail.dat}, Outlook "Rich Text" through Exchange): the
 * attachment title or, when present, the MAPI long file name and MIME tag. Read sequentially; file data above
 * 4 MB is spooled to a temp file, so memory stays flat. Unknown or damaged streams end the listing quietly.
 */
final class Tnef {

    static final int SIGNATURE = 0x223E9F78;
    private static final int LVL_ATTACHMENT = 2;
    private static final int ATT_ATTACH_REND_DATA = 0x00069002;
    private static final int ATT_ATTACH_TITLE = 0x00018010;
    private static final int ATT_ATTACH_DATA = 0x0006800F;
    private static final int ATT_ATTACHMENT = 0x00069005;
    private static final int PR_ATTACH_LONG_FILENAME = 0x3707;
    private static final int PR_ATTACH_MIME_TAG = 0x370E;
    private static final int PR_DISPLAY_NAME = 0x3001;
    private static final int MEMORY_LIMIT = 4 * 1024 * 1024;

    /** Receives each inner file once its data and names are known. */
    interface FileHandler {
        void file(String name, String contentType, InputStream data) throws IOException;
    }

    private Tnef() {
    }

    /** Returns false when the stream is not TNEF. */
    static boolean list(InputStream stream, FileHandler handler) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int signature;
        try {
            signature = readInt(in);
            readShort(in); // legacy key
        } catch (EOFException e) {
            return false;
        }
        if (signature != SIGNATURE) {
            return false;
        }
        Pending pending = null;
        try {
            while (true) {
                int level = in.read();
                if (level < 0) {
                    break;
                }
                int id = readInt(in);
                long length = readInt(in) & 0xFFFFFFFFL;
                if (level == LVL_ATTACHMENT && id == ATT_ATTACH_REND_DATA) {
                    if (pending != null) {
                        pending.emit(handler);
                    }
                    pending = new Pending();
                    skip(in, length);
                } else if (level == LVL_ATTACHMENT && id == ATT_ATTACH_TITLE && pending != null) {
                    pending.title = cString(readBytes(in, (int) Math.min(length, 4096)), length);
                    skip(in, length - Math.min(length, 4096));
                } else if (level == LVL_ATTACHMENT && id == ATT_ATTACH_DATA && pending != null) {
                    pending.store(in, length);
                } else if (level == LVL_ATTACHMENT && id == ATT_ATTACHMENT && pending != null
                        && length < MEMORY_LIMIT) {
                    byte[] props = readBytes(in, (int) length);
                    try {
                        readMapiProps(props, pending);
                    } catch (RuntimeException damaged) {
                        // names from the MAPI block are a bonus; the title is enough
                    }
                } else {
                    skip(in, length);
                }
                readShort(in); // checksum
            }
        } catch (EOFException truncated) {
            // a cut stream still yields what was complete
        }
        if (pending != null) {
            pending.emit(handler);
        }
        return true;
    }

    private static final class Pending {
        String title;
        String longName;
        String mimeTag;
        byte[] data;
        Path file;
        long size;

        void store(InputStream in, long length) throws IOException {
            size = length;
            if (length <= MEMORY_LIMIT) {
                data = readBytes(in, (int) length);
            } else {
                file = Files.createTempFile("tnef-", ".bin");
                try (OutputStream out = Files.newOutputStream(file)) {
                    byte[] buf = new byte[64 * 1024];
                    long left = length;
                    while (left > 0) {
                        int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (r < 0) {
                            throw new EOFException();
                        }
                        out.write(buf, 0, r);
                        left -= r;
                    }
                }
            }
        }

        void emit(FileHandler handler) throws IOException {
            if (data == null && file == null) {
                return;
            }
            String name = longName != null && !longName.isBlank() ? longName : title;
            try (InputStream s = data != null ? new ByteArrayInputStream(data) : Files.newInputStream(file)) {
                handler.file(name, mimeTag, s);
            } finally {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** MAPI property block: count, then typed properties (MS-OXTNEF 2.1.3.5). */
    private static void readMapiProps(byte[] b, Pending p) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int count = buf.getInt();
        for (int n = 0; n < count && buf.remaining() >= 4; n++) {
            int type = buf.getShort() & 0xFFFF;
            int id = buf.getShort() & 0xFFFF;
            if (id >= 0x8000) {
                buf.position(buf.position() + 16);
                int kind = buf.getInt();
                if (kind == 0) {
                    buf.getInt();
                } else {
                    int len = buf.getInt();
                    buf.position(buf.position() + pad(len));
                }
            }
            boolean multi = (type & 0x1000) != 0;
            int base = type & 0x0FFF;
            int values = 1;
            if (multi || base == 0x001E || base == 0x001F || base == 0x0102 || base == 0x000D) {
                values = buf.getInt();
            }
            for (int v = 0; v < values; v++) {
                switch (base) {
                    case 0x0002, 0x0003, 0x000A, 0x000B, 0x0004 -> buf.getInt();
                    case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040 -> buf.getLong();
                    case 0x0048 -> buf.position(buf.position() + 16);
                    case 0x001E, 0x001F, 0x0102, 0x000D -> {
                        int len = buf.getInt();
                        byte[] value = new byte[len];
                        buf.get(value);
                        buf.position(buf.position() + pad(len) - len);
                        String s = base == 0x001F ? new String(value, StandardCharsets.UTF_16LE)
                                : base == 0x001E ? Charsets.decode(value, "windows-1252") : null;
                        if (s != null) {
                            s = s.replace("\u0000", "");
                            if (id == PR_ATTACH_LONG_FILENAME || (id == PR_DISPLAY_NAME && p.longName == null)) {
                                p.longName = s;
                            } else if (id == PR_ATTACH_MIME_TAG) {
                                p.mimeTag = s;
                            }
                        }
                    }
                    default -> {
                        return; // a type we cannot size: stop reading this block
                    }
                }
            }
        }
    }

    private static int pad(int len) {
        return (len + 3) & ~3;
    }

    private static String cString(byte[] b, long declared) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return Charsets.decode(b, 0, end, "windows-1252");
    }

    private static int readInt(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private static int readShort(DataInputStream in) throws IOException {
        return Short.reverseBytes(in.readShort()) & 0xFFFF;
    }

    private static byte[] readBytes(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                s = 1;
            }
            left -= s;
        }
    }
}
