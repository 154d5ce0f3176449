package io.arfollowup.core.port;

/**
 * Sends text messages (AWS End User Messaging SMS in AWS, a loopback capture locally). {@code to} is E.164;
 * {@code reference} ties the message to what it is about (the follow-up id) in the provider's records.
 * Returns the provider's message id.
 */
public interface SmsSender {
    String send(String to, String text, String reference);

    /** For deployments without SMS: every send fails loudly, so the follow-up is marked FAILED, never skipped. */
    SmsSender NONE = (to, text, reference) -> {
        throw new IllegalStateException("no SMS sender configured (SMS_ORIGINATION_IDENTITY)");
    };
}
