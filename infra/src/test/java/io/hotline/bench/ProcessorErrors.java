package io.hotline.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;

/**
 * The errors Axon's tracking processors log while a harness runs: the first error of each processor thread. A read
 * model that cannot follow an engine's log retries with a growing back-off and, between retries, looks idle, so
 * asking the processors at the end does not show it; their log does. Attach after the application has started
 * (Spring Boot configures the logging afresh at each start).
 */
final class ProcessorErrors extends AppenderBase<ILoggingEvent> {

    private static final String AXON_PROCESSOR = "org.axonframework.eventhandling.TrackingEventProcessor";

    private final Map<String, String> firstErrors = new TreeMap<>();

    static ProcessorErrors attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ProcessorErrors errors = new ProcessorErrors();
        errors.setContext(context);
        errors.start();
        context.getLogger(AXON_PROCESSOR).addAppender(errors);
        return errors;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            firstErrors.putIfAbsent(event.getThreadName(), error.getClassName() + ": " + error.getMessage());
        }
    }

    /** Detaches and says which processors failed, with their first error, or "none". */
    synchronized String summary() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AXON_PROCESSOR);
        logger.detachAppender(this);
        stop();
        if (firstErrors.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        firstErrors.forEach((thread, error) -> out.append(out.isEmpty() ? "" : "; ").append(thread).append(": ")
                .append(error));
        return out.toString();
    }
}
