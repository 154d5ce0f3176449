package io.arfollowup.adapters.mail;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
        Gson json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
        int status = 0;
        for (String arg : args) {
            Path file = Path.of(arg);
            JsonObject node = new JsonObject();
            node.addProperty("file", arg);
            if (!Files.isReadable(file)) {
                node.addProperty("error", "cannot read file");
                status = 2;
            } else {
                toJson(reader.read(file, AttachmentSink.DISCARD), replyAddresses, node);
            }
            out.println(json.toJson(node));
        }
        System.exit(status);
    }

    /** The sidecar shape of a read message (also used by the tests). */
    public static JsonObject toJson(ReadMail mail, ReplyAddresses replyAddresses, JsonObject node) {
        node.addProperty("from", mail.from() == null ? null : mail.from().address());
        node.addProperty("from_name", mail.from() == null ? null : mail.from().displayName());
        node.addProperty("token", token(mail, replyAddresses).orElse(null));
        node.addProperty("is_auto_reply", mail.autoReply());
        node.addProperty("is_bounce", mail.bounce());
        node.addProperty("language", mail.language());
        node.addProperty("subject", mail.subject());
        node.addProperty("new_text", mail.newText());
        JsonArray refs = new JsonArray();
        mail.refCandidates().forEach(refs::add);
        node.add("invoice_refs", refs);
        node.add("attachments", files(mail.attachments()));
        JsonArray flags = new JsonArray();
        for (ResponseFlag f : ResponseFlag.values()) {
            if (mail.flags().contains(f)) {
                flags.add(f.name());
            }
        }
        node.add("flags", flags);
        if (!mail.containedFiles().isEmpty()) {
            node.add("contained_files", files(mail.containedFiles()));
        }
        return node;
    }

    private static JsonArray files(List<AttachmentRef> refs) {
        JsonArray out = new JsonArray();
        for (AttachmentRef a : refs) {
            JsonObject o = new JsonObject();
            o.addProperty("filename", a.filename());
            o.addProperty("content_type", a.contentType());
            o.addProperty("size_bytes", a.sizeBytes());
            out.add(o);
        }
        return out;
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
