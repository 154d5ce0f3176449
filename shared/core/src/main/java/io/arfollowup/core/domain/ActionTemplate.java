package io.arfollowup.core.domain;

import java.util.Map;
import java.util.Objects;

/**
 * What a follow-up sends or opens: channel, recipients, and subject/body per language (Mustache).
 * {@code attachDocuments}: an e-mail carries each item's document (the invoice PDF in S3) when there is one.
 */
public record ActionTemplate(
        String id,
        Labels name,
        ActionChannel channel,
        RecipientRule recipients,
        Map<Language, TemplateContent> content,
        boolean attachDocuments) {

    public ActionTemplate(String id, Labels name, ActionChannel channel, RecipientRule recipients,
                          Map<Language, TemplateContent> content) {
        this(id, name, channel, recipients, content, false);
    }

    public ActionTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        recipients = recipients == null ? RecipientRule.CLIENT : recipients;
        content = content == null ? Map.of() : Map.copyOf(content);
    }

    /** The content in the wanted language, else the other one: a template always renders something. */
    public TemplateContent contentFor(Language language) {
        TemplateContent c = content.get(language);
        if (c != null) {
            return c;
        }
        return content.values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("template " + id + " has no content"));
    }
}
