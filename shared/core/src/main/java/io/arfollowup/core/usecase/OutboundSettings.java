package io.arfollowup.core.usecase;

import io.arfollowup.core.webform.CustomerLinks;
import java.util.Objects;

/**
 * Who we are when we write: sender address and name, the company's name, the web page's base URL, and (when a
 * link-signing key is configured) the service that mints each customer's signed page link.
 */
public record OutboundSettings(String fromAddress, String fromName, String companyName, String webBaseUrl,
                               CustomerLinks links) {
    public OutboundSettings {
        Objects.requireNonNull(fromAddress, "fromAddress");
        fromName = fromName == null ? companyName : fromName;
    }

    public OutboundSettings(String fromAddress, String fromName, String companyName, String webBaseUrl) {
        this(fromAddress, fromName, companyName, webBaseUrl, null);
    }

    /** "Name <address>" for the From header. */
    public String from() {
        return fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
    }

    /** The customer's signed page link for a message, or the bare base URL when links cannot be signed. */
    public String webLink(String customerId) {
        if (links != null && customerId != null) {
            return links.url(customerId);
        }
        return webBaseUrl == null ? "" : webBaseUrl;
    }
}
