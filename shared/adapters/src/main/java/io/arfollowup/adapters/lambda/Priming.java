package io.arfollowup.adapters.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming of one function (docs/decisions/snapstart-priming.md): named steps run in
 * {@link #beforeCheckpoint} — when Lambda publishes a version and snapshots the initialised JVM — so that the classes,
 * JIT profile and warmed clients they leave behind are in the snapshot, and steps run in {@link #afterRestore} to
 * renew what must not be shared between restored copies (random generators, secrets, pooled connections).
 *
 * <p>Rules: a priming step never reads or writes customer data (it signs requests without sending them, renders
 * templates with sample values, reads one missing key), never keeps a random or secret-derived value in a field,
 * and never fails the snapshot: a failing step is logged and skipped. Registered with the org.crac global context,
 * which holds resources weakly: {@link #register} also keeps this object reachable. Outside a CRaC/SnapStart JVM the
 * hooks never fire; {@link #primeAll} runs them by hand (the cold-start probe's {@code --snapstart} mode, tests).
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final Map<String, Runnable> before = new LinkedHashMap<>();
    private final Map<String, Runnable> after = new LinkedHashMap<>();

    private Priming(String function) {
        this.function = function;
    }

    public static Priming of(String function) {
        return new Priming(function);
    }

    /** A step for the snapshot (classes loaded, clients warmed). */
    public Priming before(String name, Runnable step) {
        before.put(name, step);
        return this;
    }

    /** A step after each restore (renew randomness, secrets, connections). */
    public Priming after(String name, Runnable step) {
        after.put(name, step);
        return this;
    }

    public List<String> steps() {
        List<String> out = new ArrayList<>();
        before.keySet().forEach(k -> out.add("before:" + k));
        after.keySet().forEach(k -> out.add("after:" + k));
        return out;
    }

    /** Registers the hooks with the JVM's CRaC context (SnapStart) and keeps this object reachable. */
    public Priming register() {
        REGISTERED.add(this);
        try {
            Core.getGlobalContext().register(this);
        } catch (RuntimeException | LinkageError e) {
            LOG.atWarn().addKeyValue("function", function).setCause(e).log("CRaC context unavailable: no priming");
        }
        return this;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run("beforeCheckpoint", before);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        run("afterRestore", after);
    }

    /** Runs every registered function's checkpoint steps now (the probe's {@code --snapstart} mode, tests). */
    public static int primeAll() {
        REGISTERED.forEach(p -> p.beforeCheckpoint(null));
        REGISTERED.forEach(p -> p.afterRestore(null));
        return REGISTERED.size();
    }

    public static List<Priming> registered() {
        return List.copyOf(REGISTERED);
    }

    private void run(String phase, Map<String, Runnable> steps) {
        for (Map.Entry<String, Runnable> step : steps.entrySet()) {
            long t0 = System.nanoTime();
            try {
                step.getValue().run();
                LOG.atDebug().addKeyValue("function", function).addKeyValue("phase", phase)
                        .addKeyValue("step", step.getKey()).addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000)
                        .log("priming step done");
            } catch (RuntimeException | LinkageError e) {
                LOG.atWarn().addKeyValue("function", function).addKeyValue("phase", phase)
                        .addKeyValue("step", step.getKey()).addKeyValue("error", e.getClass().getSimpleName())
                        .log("priming step failed; skipped");
            }
        }
    }
}
