package cloud.scaling.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Takes what some loggers write off the console and keeps it for assertions, until closed. A test that makes the
 * server fail on purpose checks what the server logged instead of printing its stack traces into the build, where
 * they would hide a real failure.
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Boolean> additivity = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            IThrowableProxy thrown = event.getThrowableProxy();
            lines.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
                    + (thrown == null ? "" : " [" + thrown.getClassName() + ": " + thrown.getMessage() + "]"));
        }
    };

    private CapturedLogs(Class<?>... sources) {
        appender.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        for (Class<?> source : sources) {
            Logger logger = (Logger) LoggerFactory.getLogger(source);
            loggers.add(logger);
            additivity.add(logger.isAdditive());
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }

    /** Captures, from now until {@link #close()}, what the loggers of these classes write. */
    public static CapturedLogs of(Class<?>... sources) {
        return new CapturedLogs(sources);
    }

    /** One line per event: level, logger, message and the exception's class and message, if any. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean anyContains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setAdditive(additivity.get(i));
        }
        appender.stop();
    }
}
