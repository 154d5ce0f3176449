package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.testing.stubs.LambdaInvokeStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function's shaded Lambda jar, alone on the class path of a new JVM, built from its environment as Lambda's
 * init builds it, handles one real event against the local engines — then again with its SnapStart priming hooks
 * run between init and the event. A class missing from a jar (it happened twice: jsoup in the runner, Slack's SCIM
 * classes in the Slack function) fails here while every in-process test passes.
 */
class ShadedJarsIT {

    static final Path ROOT = Path.of(System.getProperty("arfollowup.root.dir", "../.."));
    static LocalEnvironment env;
    static LambdaInvokeStub lambda;
    static FunctionJars jars;

    @BeforeAll
    static void start() throws Exception {
        env = new LocalEnvironment(null, Clock.systemUTC());
        lambda = new LambdaInvokeStub();
        jars = new FunctionJars(env, lambda, Files.createTempDirectory("shaded-jars"));
    }

    @AfterAll
    static void stop() {
        lambda.close();
        env.close();
    }

    static List<String> functions() {
        return FunctionJars.ALL.stream().map(FunctionJars.Function::name).toList();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theJarAloneHandlesARealEvent_coldAndAfterPriming(String name) throws Exception {
        FunctionJars.Function f = FunctionJars.named(name);
        assertThat(f.jar(ROOT)).as("run mvn package first").exists();
        assertThat(Files.size(f.jar(ROOT))).as(name + " jar size").isLessThanOrEqualTo(20_000_000L);

        FunctionJars.Run cold = jars.run(f, ROOT, jars.prepare(f), List.of(), false);
        assertThat(cold.ok()).as(name + " cold:\n" + cold.log()).isTrue();
        assertThat(cold.output()).as(name + " output").contains(f.expected());
        assertThat(cold.log()).as(name + " log").doesNotContain("NoClassDefFoundError")
                .doesNotContain("ClassNotFoundException");

        FunctionJars.Run primed = jars.run(f, ROOT, jars.prepare(f), List.of(), true);
        assertThat(primed.ok()).as(name + " primed:\n" + primed.log()).isTrue();
        assertThat(primed.output()).contains(f.expected());
        assertThat(primed.log()).as(name + ": every priming step ran").doesNotContain("priming step failed")
                .doesNotContain("NoClassDefFoundError");
        if (!name.equals("slack") && !name.equals("web-form")) { // these two log nothing on a successful request
            // the event's JSON log lines carry the invocation's ids (Invocation puts them in the MDC)
            assertThat(primed.log()).contains("\"requestId\":\"probe-request-1\"")
                    .contains("\"function\":\"" + name + "\"");
        }
    }
}
