package io.arfollowup.core.domain;

/** Subject and body (Mustache) of an action template in one language. */
public record TemplateContent(String subject, String body) {
}
