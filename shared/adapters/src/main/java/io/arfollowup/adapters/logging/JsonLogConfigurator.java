package io.arfollowup.adapters.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The logging set-up of logback.xml (one JSON object per line on stdout, the SDKs at WARN, the root at
 * {@code LOG_LEVEL}, default INFO), done in code: logback finds it through the ServiceLoader before it would parse
 * the XML, which costs about 100 ms of a cold start (Joran). logback.xml stays as the readable reference.
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        context.getLogger("com.slack.api").setLevel(Level.WARN);
        context.getLogger("org.eclipse.angus").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level(), Level.INFO));
        root.addAppender(stdout);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static String level() {
        String v = System.getProperty("LOG_LEVEL");
        if (v == null || v.isBlank()) {
            v = System.getenv("LOG_LEVEL");
        }
        return v == null || v.isBlank() ? "INFO" : v.trim();
    }
}
