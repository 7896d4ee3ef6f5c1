package cloud.scaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cloud.scaling.support.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A client that hangs up in the middle of its body is not a server error: no ERROR log, no stack trace. */
class ClientDisconnectTest {

    private final TestServer server = TestServer.shared();

    @Test
    void aBodyCutShortIsLoggedAtDebugOnly() throws Exception {
        String apiKey = server.newOrganization().apiKey();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger handler = (Logger) LoggerFactory.getLogger(UnexpectedErrorHandler.class);
        Level before = handler.getLevel();
        Recorder events = new Recorder();
        events.start();
        root.addAppender(events);
        handler.setLevel(Level.DEBUG);
        try {
            try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/incidents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + apiKey
                                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\":\"cut")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            // The server notices the closed connection asynchronously: wait for its (debug) word on it.
            assertTrue(
                    events.disconnected.await(30, TimeUnit.SECONDS),
                    "the disconnect was never noticed: " + events.list);
            List<ILoggingEvent> errors = events.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .toList();
            assertEquals(
                    List.of(),
                    errors.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            root.detachAppender(events);
            handler.setLevel(before);
        }
    }

    /** Keeps every event; safe to read while the server's threads log. */
    private static final class Recorder extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();
        final CountDownLatch disconnected = new CountDownLatch(1);

        @Override
        protected void append(ILoggingEvent event) {
            list.add(event);
            if (event.getMessage().startsWith("Client disconnected")) {
                disconnected.countDown();
            }
        }
    }
}
