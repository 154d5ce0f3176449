package io.arfollowup.adapters.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.mail.MailAddress;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.token.ReplyAddresses;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code make parse-email FILES="a.eml b.eml"}: prints one JSON object per message, in the order given, with the
 * field names of the dev sidecars ({@code from, token, is_auto_reply, is_bounce, language, new_text, invoice_refs,
 * attachments[{filename, content_type, size_bytes}], flags}) plus {@code file}, {@code subject} and
 * {@code contained_files}. Inbound domains come from {@code INBOUND_DOMAINS} (comma-separated), extra invoice
 * patterns from {@code INVOICE_REF_PATTERNS}. Nothing is stored. Exit code 2 when a file cannot be read.
 */
public final class ParseEmailCommand {

    static {
        MailSystemProperties.apply();
    }

    private ParseEmailCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            System.err.println("usage: ParseEmailCommand <file.eml>... (INBOUND_DOMAINS=a.example,b.example)");
            System.exit(64);
        }
        String domains = System.getenv("INBOUND_DOMAINS");
        ReplyAddresses replyAddresses = domains == null || domains.isBlank() ? null
                : ReplyAddresses.fromConfig(domains, null);
        if (replyAddresses == null) {
            System.err.println("INBOUND_DOMAINS is not set: token will be null");
        }
        AngusMailReader reader = AngusMailReader.fromEnvironment();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        int status = 0;
        for (String arg : args) {
            Path file = Path.of(arg);
            ObjectNode node = json.createObjectNode();
            node.put("file", arg);
            if (!Files.isReadable(file)) {
                node.put("error", "cannot read file");
                status = 2;
            } else {
                toJson(reader.read(file, AttachmentSink.DISCARD), replyAddresses, node);
            }
            try {
                out.println(json.writeValueAsString(node));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        System.exit(status);
    }

    /** The sidecar shape of a read message (also used by the tests). */
    public static ObjectNode toJson(ReadMail mail, ReplyAddresses replyAddresses, ObjectNode node) {
        node.put("from", mail.from() == null ? null : mail.from().address());
        node.put("from_name", mail.from() == null ? null : mail.from().displayName());
        node.put("token", token(mail, replyAddresses).orElse(null));
        node.put("is_auto_reply", mail.autoReply());
        node.put("is_bounce", mail.bounce());
        node.put("language", mail.language());
        node.put("subject", mail.subject());
        node.put("new_text", mail.newText());
        ArrayNode refs = node.putArray("invoice_refs");
        mail.refCandidates().forEach(refs::add);
        ArrayNode attachments = node.putArray("attachments");
        for (AttachmentRef a : mail.attachments()) {
            attachments.addObject().put("filename", a.filename()).put("content_type", a.contentType())
                    .put("size_bytes", a.sizeBytes());
        }
        ArrayNode flags = node.putArray("flags");
        for (ResponseFlag f : ResponseFlag.values()) {
            if (mail.flags().contains(f)) {
                flags.add(f.name());
            }
        }
        if (!mail.containedFiles().isEmpty()) {
            ArrayNode contained = node.putArray("contained_files");
            for (AttachmentRef a : mail.containedFiles()) {
                contained.addObject().put("filename", a.filename()).put("content_type", a.contentType())
                        .put("size_bytes", a.sizeBytes());
            }
        }
        return node;
    }

    static Optional<String> token(ReadMail mail, ReplyAddresses replyAddresses) {
        if (replyAddresses == null) {
            return Optional.empty();
        }
        List<String> addresses = new ArrayList<>();
        for (MailAddress a : mail.recipients()) {
            addresses.add(a.address());
        }
        return replyAddresses.firstToken(addresses);
    }
}
