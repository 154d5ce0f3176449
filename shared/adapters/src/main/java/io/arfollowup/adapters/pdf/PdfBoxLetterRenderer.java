package io.arfollowup.adapters.pdf;

import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.LetterRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Letters as A4 PDFs with PDFBox: sender at the top left, the recipient block where a DL window envelope shows it,
 * place/date, subject in bold, the body wrapped to the margins over as many pages as needed, the follow-up reference
 * in the footer. Standard Helvetica (WinAnsi: French accents, €, œ are fine); a character it cannot draw becomes '?'
 * rather than failing the letter.
 */
public final class PdfBoxLetterRenderer implements LetterRenderer {

    private static final float MARGIN = 56.7f; // 2 cm
    private static final float SIZE = 10.5f;
    private static final float LEADING = 14f;

    @Override
    public byte[] render(Letter letter) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(safe(regular, letter.subject()));
            info.setAuthor(safe(regular, letter.senderName()));
            info.setSubject(letter.reference());
            Writer w = new Writer(doc, regular, letter.reference());
            w.line(bold, 12, letter.senderName());
            w.y -= LEADING * 3;
            // recipient block: right half, about 5 cm from the top (DL window envelope)
            float x = PDRectangle.A4.getWidth() / 2 + 20;
            for (String l : letter.recipient()) {
                w.lineAt(regular, SIZE + 0.5f, x, l);
            }
            w.y -= LEADING * 2;
            String date = letter.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(letter.language().locale()));
            w.lineAt(regular, SIZE, x, (letter.language() == Language.FR ? "Le " : "") + date);
            w.y -= LEADING * 2;
            w.paragraph(bold, SIZE + 0.5f, (letter.language() == Language.FR ? "Objet : " : "Subject: ")
                    + letter.subject());
            w.y -= LEADING;
            for (String para : letter.body().replace("\r", "").split("\n", -1)) {
                if (para.isBlank()) {
                    w.y -= LEADING;
                } else {
                    w.paragraph(regular, SIZE, para);
                }
            }
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters the font cannot encode become '?'; narrow and non-breaking spaces become spaces. */
    static String safe(PDType1Font font, String s) {
        if (s == null) {
            return "";
        }
        String in = s.replace('\u202f', ' ').replace('\u00a0', ' ').replace('\t', ' ');
        StringBuilder sb = new StringBuilder(in.length());
        in.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** Writes lines top to bottom, starting a new page when the bottom margin is reached. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType1Font footerFont;
        private final String reference;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        Writer(PDDocument doc, PDType1Font footerFont, String reference) throws IOException {
            this.doc = doc;
            this.footerFont = footerFont;
            this.reference = reference;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                footer();
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void footer() throws IOException {
            cs.beginText();
            cs.setFont(footerFont, 7.5f);
            cs.newLineAtOffset(MARGIN, MARGIN / 2);
            cs.showText(safe(footerFont, "Ref. " + reference + " - " + pages));
            cs.endText();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            lineAt(font, size, MARGIN, text);
        }

        void lineAt(PDType1Font font, float size, float x, String text) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(safe(font, text));
            cs.endText();
            y -= LEADING;
        }

        void paragraph(PDType1Font font, float size, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String l : wrap(font, size, safe(font, text), width)) {
                line(font, size, l);
            }
        }

        void close() throws IOException {
            footer();
            cs.close();
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            // keep leading spaces (aligned tables); wrap on spaces only
            StringBuilder current = new StringBuilder();
            for (String word : text.split("(?<= )")) {
                String candidate = current + word;
                if (current.length() > 0 && font.getStringWidth(candidate.stripTrailing()) / 1000 * size > width) {
                    lines.add(current.toString().stripTrailing());
                    current = new StringBuilder(word);
                } else {
                    current.append(word);
                }
            }
            if (current.length() > 0) {
                lines.add(current.toString().stripTrailing());
            }
            return lines;
        }
    }
}
