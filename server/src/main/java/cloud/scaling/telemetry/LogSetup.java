package cloud.scaling.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The server's logging, set up in code: logback's XML configuration (its SAX parser and model processing) took
 * ~0.2 s of every start. Logs go to stderr, as stdout is reserved for what scripts read (the demo key, admin command
 * output). {@code SCALING_LOG_FORMAT=json} writes one JSON object per line (logback's JsonEncoder, with the key-value
 * pairs such as the access log's fields) for a log shipper; anything else, plain text with the full date in UTC.
 *
 * <p>A {@code logback.xml} or {@code logback-test.xml} on the class path, or {@code -Dlogback.configurationFile}, is
 * left to logback's own configuration, as a user (or a test) who supplies one expects.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36} - %msg%n";

    /**
     * Quieter than INFO: Flyway and the pool narrate every start; db-scheduler warns at every start that it assumes
     * time zones are stored, and scheduled_tasks' columns are TIMESTAMP WITH TIME ZONE on both databases.
     */
    private static final Map<String, Level> LEVELS = Map.of(
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization.utc_warning", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configuredElsewhere()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean json = "json".equals(System.getenv("SCALING_LOG_FORMAT"));
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(json ? "json" : "text");
        appender.setTarget("System.err");
        appender.setEncoder(json ? jsonEncoder(context) : textEncoder(context));
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.start();
        return json;
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

    private static boolean configuredElsewhere() {
        ClassLoader classLoader = LogSetup.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || classLoader.getResource("logback-test.xml") != null
                || classLoader.getResource("logback.xml") != null;
    }
}
