package io.arfollowup.core.domain;

/** What a collector should know about a response before reading it. */
public enum ResponseFlag {
    /** Machine-generated: out-of-office, auto-acknowledgement (not counted as an answer, reminders continue). */
    AUTO_REPLY,
    /** Delivery status notification: the contact address fails. */
    BOUNCE,
    /** The MIME could not be fully parsed; what could be read is shown, the raw message is kept. */
    MALFORMED,
    /** SES spam verdict failed. */
    SPAM,
    /** SES virus verdict failed: quarantined, not shown to collectors. */
    VIRUS,
    /** DMARC (or SPF and DKIM) failed: the sender may be forged. */
    AUTH_FAILED,
    /** No customer could be linked: a collector picks one. */
    UNMATCHED,
    /** The customer forwarded content meant for us (kept in the new text). */
    FORWARDED,
    /** An attachment has an executable type. */
    EXECUTABLE_ATTACHMENT,
    /** The new text was cut to keep the item small; the full text is in S3. */
    TRUNCATED
}
