package io.arfollowup.testing.engines;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension that shares one running engine of each kind per test JVM (DESIGN §10: started once, isolated by
 * unique table / bucket / recipient names). The engines live in the root context's store, which JUnit closes when
 * the run ends, so nothing is left running; they also die with the JVM (stdin closes).
 * <pre>
 * {@literal @}ExtendWith(LocalEngines.class)
 * class SomeIT {
 *     static final RunningEngine DYNAMO = LocalEngines.get(Engine.DYNALITE);
 * </pre>
 * {@link #get(Engine)} may be called from a static initialiser: the extension registers the engines it started
 * with the root store in {@code beforeAll}, so they are stopped at the end of the run.
 */
public final class LocalEngines implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalEngines.class);
    private static final Map<Engine, RunningEngine> RUNNING = new ConcurrentHashMap<>();

    /** The engine of this kind for this JVM, started on first use. */
    public static RunningEngine get(Engine engine) {
        return RUNNING.computeIfAbsent(engine, e -> EngineLauncher.forThisCheckout().start(e));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        root.computeIfAbsent(Stopper.class, k -> new Stopper(), Stopper.class);
    }

    /** Stops every engine started in this JVM when the root context closes (end of the test run). */
    private static final class Stopper implements AutoCloseable {
        @Override
        public void close() {
            RUNNING.values().forEach(RunningEngine::close);
            RUNNING.clear();
        }
    }
}
