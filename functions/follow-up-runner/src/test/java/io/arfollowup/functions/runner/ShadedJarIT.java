package io.arfollowup.functions.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's Lambda jar alone, in a new JVM: a letter rendered and read back (the shade filters drop PDFBox's CJK
 * CMaps and fallback fonts), a MIME message with an attachment (mail resources merged), a follow-up card as Block Kit
 * JSON, the bundled catalogue and templates, and the SMS adapter's signer. What only breaks in the shaded jar breaks
 * here.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target/lambda/follow-up-runner.jar");

    @Test
    void theShadedJarRendersLettersMailAndCards(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        Path smoke = dir.resolve("Smoke.java");
        Files.writeString(smoke, """
                import io.arfollowup.adapters.config.YamlRuleCatalog;
                import io.arfollowup.adapters.pdf.PdfBoxLetterRenderer;
                import io.arfollowup.adapters.ses.SesMailer;
                import io.arfollowup.adapters.slack.FollowUpCards;
                import io.arfollowup.adapters.slack.SlackWebApi;
                import io.arfollowup.adapters.templates.MustacheTemplateRenderer;
                import io.arfollowup.core.domain.*;
                import io.arfollowup.core.port.*;
                import java.time.*;
                import java.util.*;

                public class Smoke {
                    public static void main(String[] args) throws Exception {
                        var rules = YamlRuleCatalog.bundled();
                        var letter = rules.template("formal-notice-letter").orElseThrow();
                        var msg = new MustacheTemplateRenderer().render(letter, Language.FR, Map.of("companyName",
                                "Atelier Lumen", "itemNumbers", "FA-1", "itemsTable", new Markup("FA-1  120,00 €", "")));
                        byte[] pdf = new PdfBoxLetterRenderer().render(new LetterRenderer.Letter("Atelier Lumen",
                                List.of("Café des Canuts"), LocalDate.of(2025, 11, 5), Language.FR, msg.subject(),
                                msg.text(), "fu-1"));
                        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                            System.out.println("letter: " + new org.apache.pdfbox.text.PDFTextStripper().getText(doc)
                                    .replace('\\n', ' '));
                        }
                        byte[] mime = SesMailer.mime(new OutgoingEmail("a@b.example", List.of("c@d.example"), null,
                                null, "Duplicata é", "texte", "<p>html</p>", "<fu-1@x.example>", null, null, null,
                                List.of(new OutgoingEmail.Attachment("FA-1.pdf", "application/pdf", pdf)), Map.of()));
                        System.out.println("mime: " + mime.length + " " + new String(mime).contains("FA-1.pdf"));
                        var fu = new FollowUp("fu-1", "C1", null, List.of("FA-1"), "PAYMENT_PROMISE",
                                "payment-promise-check", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, Instant.now(), null,
                                FollowUpState.AWAITING_CONFIRMATION, "fu-1", "U1", null, null, null);
                        var blocks = new FollowUpCards(Language.EN, rules).card(new FollowUpCard(
                                FollowUpCard.Kind.CONFIRMATION, fu, null, List.of(), msg, null));
                        System.out.println("card: " + SlackWebApi.json(blocks).toString().contains("fu_send"));
                        System.out.println("signer: " + software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner
                                .create().getClass().getSimpleName());
                    }
                }
                """);
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR.toString(), smoke.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("letter: Atelier Lumen").contains("Relance avant mise en demeure – FA-1")
                .contains("120,00 €").contains("mime: ").contains(" true").contains("card: true")
                .contains("signer: ");
        System.out.println("runner jar " + Files.size(JAR) / 1024 / 1024 + " MB");
    }
}
