package io.arfollowup.adapters.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Angus Mail's tolerance switches. They are JVM-wide system properties read once, when the mail classes load
 * (FACTS.md): setting them on a {@code Session} does nothing. Handlers and command-line tools call {@link #apply()}
 * in their static initialiser, before any jakarta.mail class is touched. A value already set (-D, surefire) wins.
 */
public final class MailSystemProperties {

    /** The same values as the surefire/failsafe systemPropertyVariables of the root pom. */
    public static final Map<String, String> VALUES;

    static {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("mail.mime.allowutf8", "true");
        v.put("mail.mime.decodetext.strict", "false");
        v.put("mail.mime.ignoreunknownencoding", "true");
        v.put("mail.mime.decodefilename", "true");
        v.put("mail.mime.decodeparameters", "true");
        v.put("mail.mime.multipart.ignoremissingendboundary", "true");
        v.put("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        v.put("mail.mime.multipart.allowempty", "true");
        v.put("mail.mime.parameters.strict", "false");
        v.put("mail.mime.address.strict", "false");
        // a stray character in base64/uuencode data must not lose the rest of the file
        v.put("mail.mime.base64.ignoreerrors", "true");
        v.put("mail.mime.uudecode.ignoreerrors", "true");
        v.put("mail.mime.uudecode.ignoremissingbeginend", "true");
        VALUES = Map.copyOf(v);
    }

    private MailSystemProperties() {
    }

    public static void apply() {
        for (Map.Entry<String, String> e : VALUES.entrySet()) {
            if (System.getProperty(e.getKey()) == null) {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
    }
}
