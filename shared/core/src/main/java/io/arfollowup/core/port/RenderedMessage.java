package io.arfollowup.core.port;

/** A template rendered in one language: a header-safe subject, a plain-text body and an HTML body. */
public record RenderedMessage(String subject, String text, String html) {
}
