package io.arfollowup.adapters.mail;

import static io.arfollowup.adapters.mail.MailFixtures.own;
import static io.arfollowup.adapters.mail.MailFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a collector sees as files: names, types, decoded sizes; inline images excluded; executables flagged. */
class AttachmentsTest {

    @Test
    void read_executableByNameOrByContent_isFlagged() {
        ReadMail mail = read(own("ATT-kind-executables.eml"));

        assertThat(mail.attachments()).extracting(AttachmentRef::filename, AttachmentRef::executable)
                .containsExactly(tuple("releve.pdf", true), tuple("facture.pdf.exe", true));
        assertThat(mail.flags()).contains(ResponseFlag.EXECUTABLE_ATTACHMENT);
    }

    @Test
    void read_appleInlineLogoAndRfc2231Continuation_logoExcludedNameJoined() {
        ReadMail mail = read(own("ATT-kind-apple-inline-logo-rfc2231-continuation.eml"));

        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("Relevé de compte octobre – Studio Vasseur.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
        assertThat(mail.newText()).isEqualTo("Bonjour, le relevé est joint.\n\nCordialement,");
    }

    @Test
    void read_forwardedMessageAsAttachment_isAFileNamedAfterItsSubject() {
        ReadMail mail = read(own("ATT-kind-forward-as-attachment.eml"));

        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("Virement exécuté.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
            assertThat(a.sizeBytes()).isGreaterThan(200);
        });
        assertThat(mail.refCandidates()).containsExactly("FA-2025-00412");
    }

    @Test
    void read_tnefWinmailDat_listsAndStoresTheFileInside() {
        List<String> stored = new ArrayList<>();
        AttachmentSink recording = (name, type, data) -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            data.transferTo(b);
            String head = b.size() >= 5 ? new String(b.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1) : "";
            stored.add(name + "|" + type + "|" + b.size() + "|" + head);
            return new AttachmentRef(name, type, b.size(), "k/" + name, false);
        };
        ReadMail mail = MailFixtures.READER.read(
                MailFixtures.shared().resolve("emails/dev/04_outlook_desktop_fr_tnef.eml"), recording);

        assertThat(mail.attachments()).extracting(AttachmentRef::filename).containsExactly("winmail.dat");
        assertThat(mail.containedFiles()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("Avis_de_virement_FA-2025-00419.pdf");
            assertThat(f.contentType()).isEqualTo("application/pdf");
            assertThat(f.sizeBytes()).isEqualTo(1220);
            assertThat(f.key()).isEqualTo("k/Avis_de_virement_FA-2025-00419.pdf");
        });
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).startsWith("winmail.dat|application/ms-tnef|3263|");
        assertThat(stored.get(1)).isEqualTo("Avis_de_virement_FA-2025-00419.pdf|application/pdf|1220|%PDF-");
    }

    @Test
    void read_gmailAttachmentsWithContentIdNotReferenced_areRealAttachments() {
        ReadMail mail = read(MailFixtures.shared().resolve("emails/dev/23_gmail_fr_attachments_rfc2047_filenames.eml"));

        assertThat(mail.attachments()).extracting(AttachmentRef::filename)
                .containsExactly("Avis de paiement – FA-2025-00492.pdf", "Capture d’écran 2025-11-05 à 17.02.31.png");
    }
}
