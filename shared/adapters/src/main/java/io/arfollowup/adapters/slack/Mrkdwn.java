package io.arfollowup.adapters.slack;

/**
 * Slack mrkdwn escaping for anything a customer wrote (DESIGN §6): {@code &}, {@code <} and {@code >} become
 * entities, so {@code <!channel>}, {@code <@U123>} or {@code <http://evil|click>} stay inert text.
 */
public final class Mrkdwn {

    private Mrkdwn() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Cuts to at most {@code max} characters on a word boundary, with an ellipsis. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        int end = text.lastIndexOf(' ', max - 1);
        if (end < max / 2) {
            end = max - 1;
        }
        return text.substring(0, end) + "…";
    }

    /** Escapes, then cuts, keeping the result within {@code max} characters (entities count). */
    public static String escapeAndCut(String text, int max) {
        String escaped = escape(text);
        if (escaped.length() <= max) {
            return escaped;
        }
        String cut = escape(cut(text, max));
        while (cut.length() > max) {
            text = text.substring(0, Math.max(0, text.length() - (cut.length() - max) - 1));
            cut = escape(cut(text, max));
        }
        return cut;
    }
}
