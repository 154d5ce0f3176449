package io.arfollowup.core.port;

import io.arfollowup.core.domain.Language;
import java.time.LocalDate;
import java.util.List;

/** Renders a letter to PDF (PDFBox). The owner prints and posts it from a Slack task. */
public interface LetterRenderer {

    /** What a letter says: sender, recipient block, place and date, subject, body (plain text), items table rows. */
    record Letter(String senderName, List<String> recipient, LocalDate date, Language language, String subject,
                  String body, String reference) {
        public Letter {
            recipient = recipient == null ? List.of() : List.copyOf(recipient);
        }
    }

    byte[] render(Letter letter);

    LetterRenderer NONE = letter -> {
        throw new IllegalStateException("no letter renderer configured");
    };
}
