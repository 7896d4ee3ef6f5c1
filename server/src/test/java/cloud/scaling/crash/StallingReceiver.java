package cloud.scaling.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver that logs every request it is sent (webhook-id, event type, when) and answers 200, or, while
 * stalling, holds the request unanswered until released: the sender's attempt stays in flight.
 */
final class StallingReceiver implements AutoCloseable {

    record Received(String webhookId, String type, Instant at) {}

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stalling-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(0);

    StallingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** From now on, requests are held unanswered until {@link #release()}. */
    void stall() {
        release = new CountDownLatch(1);
    }

    void release() {
        release.countDown();
    }

    /** Requests held unanswered right now. */
    int held() {
        return held.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher type = TYPE.matcher(body);
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    type.find() ? type.group(1) : "?",
                    Instant.now()));
            CountDownLatch holding = release;
            if (holding.getCount() > 0) {
                held.incrementAndGet();
                try {
                    holding.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException senderGone) {
            // A killed sender: nobody reads the answer.
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
