package io.arfollowup.functions.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's Lambda jar alone, in a new JVM, wired as in AWS (RUNNER_FUNCTION set): the follow-up use cases build
 * without S3 or PDFBox on the class path (Send now goes to the runner function), and the worker's jar stays small.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target/lambda/slack-worker.jar");

    @Test
    void theWorkerJarWiresTheFollowUpUseCases_withoutS3OrPdfBox(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        Path smoke = dir.resolve("Smoke.java");
        Files.writeString(smoke, """
                import io.arfollowup.adapters.config.AppConfig;
                import io.arfollowup.adapters.wiring.Components;
                import java.time.Clock;
                import java.util.Map;

                public class Smoke {
                    public static void main(String[] args) {
                        Components c = new Components(AppConfig.from(Map.of("TABLE_NAME", "t", "MAIL_BUCKET", "b",
                                "INBOUND_DOMAINS", "in.example", "SENDER_ADDRESS", "a@b.example",
                                "RUNNER_FUNCTION", "arn:aws:lambda:eu-west-3:123456789012:function:runner:live",
                                "LINK_SIGNING_KEY", "0123456789abcdef0123456789abcdef-key", "AWS_REGION", "eu-west-3",
                                "RUNNER_TARGET_ARN", "arn:aws:lambda:eu-west-3:123456789012:function:runner:live",
                                "SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/scheduler")),
                                Clock.systemUTC());
                        new io.arfollowup.functions.worker.Worker(c);
                        System.out.println("decisions: " + c.followUpDecisions().getClass().getSimpleName());
                        System.out.println("answers: " + c.internalAnswers().getClass().getSimpleName());
                        System.out.println("notify: " + c.notifyAfterQualification().getClass().getSimpleName());
                        System.out.println("trigger: " + c.followUpTrigger().getClass().getSimpleName());
                        try {
                            Class.forName("software.amazon.awssdk.services.s3.S3Client");
                            System.out.println("s3: present");
                        } catch (ClassNotFoundException e) {
                            System.out.println("s3: absent");
                        }
                    }
                }
                """);
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR.toString(), smoke.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("decisions: FollowUpDecisions").contains("answers: InternalAnswers")
                .contains("notify: NotifyAfterQualification").contains("trigger: LambdaFollowUpTrigger")
                .contains("s3: absent");
        assertThat(Files.size(JAR)).as("worker jar").isLessThan(20L * 1024 * 1024);
    }
}
