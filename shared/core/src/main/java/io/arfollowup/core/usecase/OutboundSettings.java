package io.arfollowup.core.usecase;

import java.util.Objects;

/** Who we are when we write: sender address and name, the company's name, the web page's base URL. */
public record OutboundSettings(String fromAddress, String fromName, String companyName, String webBaseUrl) {
    public OutboundSettings {
        Objects.requireNonNull(fromAddress, "fromAddress");
        fromName = fromName == null ? companyName : fromName;
    }

    /** "Name <address>" for the From header. */
    public String from() {
        return fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
    }
}
