package io.arfollowup.core.domain;

import java.time.Instant;

/** The short token of a reply address (reply+&lt;token&gt;@inbound domain): names the customer and the reminder. */
public record ReplyToken(String token, String customerId, String reminderId, Instant createdAt) {
}
