package io.arfollowup.core.webform;

/**
 * What the customer types is kept as plain text: line breaks normalised, control characters (other than new line
 * and tab) removed, and cut to a bound. Escaping is the job of whoever shows it (HTML, Slack mrkdwn, e-mail).
 */
public final class Text {

    private Text() {
    }

    public static String plain(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder sb = new StringBuilder(Math.min(t.length(), max));
        for (int i = 0; i < t.length() && sb.length() < max; i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A display name for an uploaded file from the name the browser claimed: no path, no control or odd characters,
     * at most 80 characters, always with the extension of the detected type. Never used as a storage key.
     */
    public static String fileName(String claimed, FileKind kind, int index) {
        String base = claimed == null ? "" : claimed;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < base.length() && sb.length() < 80; i++) {
            char c = base.charAt(i);
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '(' || c == ')') {
                sb.append(c);
            }
        }
        String name = sb.toString().strip();
        if (name.isEmpty() || name.chars().allMatch(ch -> ch == '-' || ch == '_' || ch == ' ')) {
            name = "document-" + index;
        }
        return name + "." + kind.extension();
    }
}
