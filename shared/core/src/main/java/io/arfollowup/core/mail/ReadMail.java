package io.arfollowup.core.mail;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.ResponseFlag;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An inbound e-mail as the product understands it: who, to whom, what is new (quotes, signature and footers
 * removed), what kind of message it is, which invoice-like references it names, and its attachments (already
 * stored). {@code recipients} holds To, Cc, X-Original-To and Delivered-To addresses in that order, for token
 * lookup. {@code flags} may carry MALFORMED, FORWARDED, EXECUTABLE_ATTACHMENT. {@code containedFiles} lists the files
 * found inside container attachments (the documents inside an Outlook {@code winmail.dat}), stored like attachments.
 */
public record ReadMail(
        String messageId,
        String inReplyTo,
        MailAddress from,
        List<MailAddress> recipients,
        String subject,
        Instant sentAt,
        String newText,
        String fullText,
        String language,
        boolean autoReply,
        boolean bounce,
        List<String> bouncedRecipients,
        List<String> refCandidates,
        List<AttachmentRef> attachments,
        Set<ResponseFlag> flags,
        List<AttachmentRef> containedFiles) {

    /** Without contained files (the original shape; callers that build a ReadMail by hand keep compiling). */
    public ReadMail(String messageId, String inReplyTo, MailAddress from, List<MailAddress> recipients,
                    String subject, Instant sentAt, String newText, String fullText, String language,
                    boolean autoReply, boolean bounce, List<String> bouncedRecipients, List<String> refCandidates,
                    List<AttachmentRef> attachments, Set<ResponseFlag> flags) {
        this(messageId, inReplyTo, from, recipients, subject, sentAt, newText, fullText, language, autoReply, bounce,
                bouncedRecipients, refCandidates, attachments, flags, List.of());
    }

    public ReadMail {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        bouncedRecipients = bouncedRecipients == null ? List.of() : List.copyOf(bouncedRecipients);
        refCandidates = refCandidates == null ? List.of() : List.copyOf(refCandidates);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        containedFiles = containedFiles == null ? List.of() : List.copyOf(containedFiles);
        newText = newText == null ? "" : newText;
        fullText = fullText == null ? "" : fullText;
    }
}
