package io.arfollowup.testing.data;

import java.util.ArrayList;
import java.util.List;

/** The dev e-mails' sidecar conventions (../shared/emails/dev/README.md), shared by every test that compares them. */
public final class Sidecars {

    private Sidecars() {
    }

    /**
     * The README's normalisation, applied to both sides before comparing {@code new_text}: CRLF → LF, U+00A0 and
     * U+202F → space, U+FEFF removed, trailing whitespace stripped, leading/trailing blank lines removed and blank
     * runs collapsed.
     */
    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace("\r\n", "\n").replace('\u00A0', ' ').replace('\u202F', ' ').replace("\uFEFF", "");
        List<String> lines = new ArrayList<>();
        boolean blank = false;
        for (String line : t.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                blank = !lines.isEmpty();
                continue;
            }
            if (blank) {
                lines.add("");
                blank = false;
            }
            lines.add(l);
        }
        return String.join("\n", lines);
    }
}
