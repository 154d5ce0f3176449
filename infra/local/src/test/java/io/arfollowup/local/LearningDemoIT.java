package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.port.LearningStore;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.suggest.BuiltInSuggester;
import io.arfollowup.testing.engines.EngineLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Step (m) of the demo on real engines: a collector overrides a suggestion through signed Slack interactions, the
 * decision is learned into DynamoDB, and a similar reply ingested afterwards gets the collector's status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningDemoIT {

    private final Path root = EngineLauncher.repositoryRoot();
    private LocalEnvironment env;
    private LocalRuntime runtime;
    private LearningDemo.Result result;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    void runStepF() {
        env = new LocalEnvironment(null, Clock.systemUTC());
        runtime = new LocalRuntime(env, 0);
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        Demo demo = new Demo(runtime, root.resolve("events/demo"), out);
        demo.loadData();
        result = new LearningDemo(demo, env.components(), root.resolve("events/emails-learning"), out).run();
    }

    @AfterAll
    void stop() {
        runtime.close();
        env.close();
    }

    @Test
    void aCollectorsCorrection_changesTheSuggestionOfALaterSimilarReply() {
        assertThat(result).isNotNull();
        assertThat(result.firstSuggested()).isNotNull().isNotEqualTo(result.decided());
        assertThat(result.firstState()).isEqualTo("QUALIFIED");
        assertThat(result.laterBefore()).isNotNull().isNotEqualTo(result.decided());
        assertThat(result.laterAfter()).isEqualTo(result.decided());
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("(m) learning from a correction")
                .contains("suggestion before the correction: " + result.laterBefore())
                .contains("suggestion now, ingested after it: " + result.laterAfter());
    }

    @Test
    void theDecisionIsInTheTable_soAColdInstanceSuggestsTheSame() {
        LearningStore store = env.components().learningStore();
        List<LearningStore.Example> recent = store.recent(10);
        assertThat(recent).extracting(LearningStore.Example::statusCode).contains(result.decided());

        Response later = env.components().responses().get(result.laterResponseId()).orElseThrow();
        BuiltInSuggester cold = new BuiltInSuggester(env.components().rules(), env.components().planner(), store);
        assertThat(cold.suggest(new SuggestionRequest(later.id(), ResponseChannel.EMAIL, later.subject(),
                later.newText(), later.language(), List.of(), List.of(), later.itemRefs(), later.receivedAt(),
                ZoneId.of("Europe/Paris"), Country.FR, false)).orElseThrow().main().orElseThrow().statusCode())
                .isEqualTo(result.decided());
    }
}
