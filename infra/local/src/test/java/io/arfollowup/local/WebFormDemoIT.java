package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.testing.engines.EngineLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** `make demo` part (f): the printed link works, the HTTP answer is stored and its card posted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebFormDemoIT {

    private LocalEnvironment env;
    private LocalRuntime runtime;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private WebFormDemo.Run run;

    @BeforeAll
    void runIt() {
        env = new LocalEnvironment(null, Clock.systemUTC());
        runtime = new LocalRuntime(env, 0);
        new DemoData(EngineLauncher.repositoryRoot().resolve("events/demo"), LocalDate.now(ZoneId.of("Europe/Paris")))
                .load(env.components());
        run = new WebFormDemo(runtime, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
    }

    @AfterAll
    void stop() {
        runtime.close();
        env.close();
    }

    @Test
    void theDemoPrintsAWorkingLink_submitsOverHttp_andShowsTheCard() {
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("(f) the customer's page").contains(run.link()).contains("suggestion: PAYMENT_PROMISE");
        assertThat(run.link()).startsWith(runtime.endpoint() + "/r/");
        assertThat(run.getStatus()).isEqualTo(200);
        assertThat(run.postStatus()).isEqualTo(200);
        assertThat(run.confirmation()).isEqualTo("Merci, votre réponse est envoyée");
        assertThat(run.response().channel()).isEqualTo(ResponseChannel.WEB_FORM);
        assertThat(run.response().customerId()).isEqualTo(WebFormDemo.CUSTOMER);
        assertThat(run.response().answers()).extracting(a -> a.choice())
                .containsExactly(AnswerChoice.WILL_PAY, AnswerChoice.DISPUTE);
        assertThat(run.response().attachments()).singleElement()
                .satisfies(a -> assertThat(env.components().blobs().exists(a.key())).isTrue());
        assertThat(run.card().blocks().toString()).contains("FA-2025-00409").contains("Payment promise")
                .doesNotContain("<b>");
    }
}
