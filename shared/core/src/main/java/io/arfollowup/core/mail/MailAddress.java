package io.arfollowup.core.mail;

import java.util.Locale;

/** An address as read from a header: the addr-spec (never taken from a decoded encoded-word) and the display name. */
public record MailAddress(String address, String displayName) {
    public String lowerCase() {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
