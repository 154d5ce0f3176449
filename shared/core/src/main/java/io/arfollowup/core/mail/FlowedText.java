package io.arfollowup.core.mail;

/**
 * RFC 3676 format=flowed: a line ending with a space is soft-broken and joins the next one (unless it is the
 * signature separator "-- "); space-stuffing is removed; with DelSp=yes the trailing space itself is dropped.
 * Quoted lines only join lines of the same quote depth.
 */
public final class FlowedText {

    private FlowedText() {
    }

    public static String unflow(String text, boolean delSp) {
        String[] lines = MailText.unixLines(text).split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder para = null;
        int paraDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String content = raw.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1); // space-stuffing (or the space after the quote marks)
            }
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (para != null && depth != paraDepth) {
                flush(out, para, paraDepth);
                para = null;
            }
            if (para == null) {
                para = new StringBuilder();
                paraDepth = depth;
            }
            if (soft) {
                para.append(delSp ? content.substring(0, content.length() - 1) : content);
            } else {
                para.append(content);
                flush(out, para, paraDepth);
                para = null;
            }
        }
        if (para != null) {
            flush(out, para, paraDepth);
        }
        if (out.length() > 0 && !text.endsWith("\n")) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder para, int depth) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(para).append('\n');
    }
}
