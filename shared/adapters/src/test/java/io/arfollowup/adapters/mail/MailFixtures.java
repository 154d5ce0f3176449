package io.arfollowup.adapters.mail;

import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.token.ReplyAddresses;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the test inputs are: the shared cases, the dev set, and this module's own fixtures of each kind. */
final class MailFixtures {

    static {
        MailSystemProperties.apply();
    }

    static final AngusMailReader READER = new AngusMailReader();
    static final ReplyAddresses INBOUND = ReplyAddresses.fromConfig(
            "reply.example.com,inbound.atelier-lumen.example", null);

    private MailFixtures() {
    }

    static Path shared() {
        return Path.of(System.getProperty("arfollowup.shared.dir", "../../../shared"));
    }

    static Path caseFile(String name) {
        return shared().resolve("cases").resolve(name);
    }

    static Path own(String name) {
        try {
            return Path.of(MailFixtures.class.getResource("/mail/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + name, e);
        }
    }

    static ReadMail read(Path file) {
        return READER.read(file, AttachmentSink.DISCARD);
    }

    static Optional<String> token(ReadMail mail) {
        return ParseEmailCommand.token(mail, INBOUND);
    }
}
