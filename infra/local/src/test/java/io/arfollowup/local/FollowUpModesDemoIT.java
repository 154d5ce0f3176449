package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.testing.engines.EngineLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Step (g) of the demo on the real engines: every mode and channel of the follow-up engine, through the same paths
 * as in AWS (signed Slack clicks, the web page over HTTP, the scheduler emulator firing the runner).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpModesDemoIT {

    private final Path root = EngineLauncher.repositoryRoot();
    private LocalEnvironment env;
    private LocalRuntime runtime;
    private FollowUpModesDemo.Report report;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    void runTheDemo() {
        env = new LocalEnvironment(null, Clock.systemUTC());
        runtime = new LocalRuntime(env, 0);
        Demo demo = new Demo(runtime, root.resolve("events/demo"), new PrintStream(console, true,
                StandardCharsets.UTF_8));
        demo.run(root.resolve("events/emails")); // steps (a)-(f), then (g)
        report = demo.followUpModes();
    }

    @AfterAll
    void stop() {
        runtime.close();
        env.close();
    }

    private List<JsonNode> emails() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(env.ses().endpoint()
                .resolve("/store")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        LocalJson.MAPPER.readTree(r.body()).path("emails").forEach(out::add);
        return out;
    }

    @Test
    void confirmationCard_sendNowBySignedClick_sendsTheMessageOnce() throws Exception {
        var f = env.components().followUps().get(report.confirmedFollowUp()).orElseThrow();
        assertThat(f.state()).isEqualTo(FollowUpState.DONE);
        // the promise of 01 was checked at (d) and not kept: the card waiting is the broken-promise follow-up (issue 7)
        assertThat(f.statusCode()).isEqualTo("PROMISE_BROKEN");
        assertThat(emails()).filteredOn(e -> e.path("subject").asText().contains("règlement non reçu pour"))
                .hasSize(1);
        // the card was rewritten: buttons gone, who sent it shown
        assertThat(env.slack().calls("chat.update")).anySatisfy(u -> assertThat(u.get("text"))
                .contains("Sent by").contains(f.owner()));
    }

    @Test
    void internalEmail_resolvedLink_landsInTheThread_once_andResolvesTheDispute() {
        assertThat(report.linkGetStatus()).isEqualTo(200);
        assertThat(report.linkPostStatus()).isEqualTo(200);
        assertThat(report.linkReplayStatus()).isEqualTo(409);
        assertThat(report.threadReply()).contains("Resolved").contains("Avoir AV-2025-0061");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("again 409");
        String mistral = env.components().items().get("residences-mistral", "FA-2025-00409").orElseThrow().status();
        assertThat(mistral).isEqualTo("DISPUTE_RESOLVED");
        assertThat(env.components().items().get("residences-mistral", "FA-2025-00409").orElseThrow().hold()).isNull();
        assertThat(env.slack().messages()).filteredOn(m -> m.threadTs() != null && m.text().contains("Avoir AV-2025-0061"))
                .hasSize(1);
    }

    @Test
    void aForgedOrMangledLink_getsAFriendlyPage_neverA500() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String token : List.of("aW50ZXJuYWx8ZnUteHxyZXNvbHZlZHw5OTk5OTk5OTk5.AAAA", "not-a-token", "a.b.c")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(runtime.endpoint().resolve("/i/" + token))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(token).isEqualTo(400);
            assertThat(r.body()).contains("Lien invalide").contains("Invalid link");
            assertThat(r.headers().firstValue("content-security-policy")).isPresent();
        }
    }

    @Test
    void sms_isCapturedByTheLocalEndUserMessagingStandIn_once() {
        assertThat(env.sms().messages()).singleElement().satisfies(m -> {
            assertThat(m.to()).matches("^\\+33[0-9]{9}$");
            assertThat(m.body()).contains("FA-2025-00421");
            assertThat(m.messageType()).isEqualTo("TRANSACTIONAL");
        });
        assertThat(report.sms()).hasSize(1);
    }

    @Test
    void letter_isAPdfWhoseTextIsTheTemplate_withAPrintAndPostTask() throws Exception {
        assertThat(report.letter()).exists();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(report.letter()))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Holloway & Sons Joinery Ltd").contains("Final reminder – FA-2025-00393")
                    .contains("FA-2025-00428").contains("Despite our previous reminders");
        }
        assertThat(env.slack().messages()).anySatisfy(m -> assertThat(m.text()).contains("Print and post"));
    }

    @Test
    void requalificationNotice_goesToTheClient_once() throws Exception {
        assertThat(emails()).filteredOn(e -> e.path("subject").asText().equals("Atelier Lumen – suite à votre message"))
                .hasSize(1);
        assertThat(URI.create("http://x")).isNotNull();
    }
}
