package cloud.scaling.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.Await;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The server's own dispatch loop, running: a webhook goes out right after the commit that queued it (the poll is
 * hourly here, so it cannot be what sends it), as plain HTTP/1.1, and a request cut off on a kept-alive
 * connection the receiver had dropped is sent again at once on a fresh one, within the same attempt. The waits
 * are bounded polls for the loop's thread to finish.
 */
class WebhookDispatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final TestServer server = TestServer.dedicated(Map.of("scaling.webhooks.poll-interval", "1h"));
    private static final WireMockServer receiver = started();

    private final Provisioned org = server.newOrganization();
    private final ApiClient api = server.api(org.apiKey());

    private static WireMockServer started() {
        WireMockServer wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        return wireMock;
    }

    @AfterAll
    static void stop() {
        receiver.stop();
        server.close();
    }

    @Test
    void aWebhookGoesOutRightAfterTheCommitAsPlainHttp11() {
        String path = "/at-once";
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        String endpoint = register(receiver.baseUrl() + path);

        api.createIncident("Sent at once");
        await(() -> !receiver.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        LoggedRequest request =
                receiver.findAll(postRequestedFor(urlEqualTo(path))).get(0);
        assertNull(request.getHeader("Upgrade"), "no h2c upgrade");
        assertNull(request.getHeader("HTTP2-Settings"));
        await(() -> deliveries(endpoint).get(0).get("status").asText().equals("delivered"));
    }

    @Test
    void aRequestCutOffOnAReusedConnectionIsSentAgainAtOnceOnAFreshOne() throws Exception {
        try (DroppingReceiver dropping = new DroppingReceiver()) {
            String endpoint = register("http://127.0.0.1:" + dropping.port() + "/hook");
            api.createIncident("First, on a new connection");
            await(() -> deliveries(endpoint).size() == 1
                    && deliveries(endpoint).get(0).get("status").asText().equals("delivered"));

            api.createIncident("Second, on the kept-alive connection the receiver drops");
            await(() -> deliveries(endpoint).size() == 2
                    && deliveries(endpoint).get(0).get("status").asText().equals("delivered"));
            for (JsonNode delivery : deliveries(endpoint)) {
                assertEquals(1, delivery.get("attempts").size(), delivery.toString());
                assertEquals(200, delivery.at("/attempts/0/responseStatus").asInt(), delivery.toString());
            }
            assertEquals(2, dropping.answered.get());
            assertEquals(1, dropping.dropped.get(), "the second request reached the dropped connection first");
        }
    }

    private String register(String url) {
        return api.post("/v1/webhooks/endpoints", "{\"url\":\"" + url + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private List<JsonNode> deliveries(String endpoint) {
        JsonNode rows = api.get("/v1/webhooks/endpoints/" + endpoint + "/deliveries")
                .assertStatus(200)
                .data()
                .get("deliveries");
        List<JsonNode> list = new java.util.ArrayList<>();
        rows.forEach(list::add);
        return list;
    }

    private static void await(BooleanSupplier done) {
        Await.until("sent", PATIENCE, done);
    }

    /**
     * Answers the first request of each connection with 200 and keeps the connection open; a second request on it
     * is read and then the connection is closed without an answer, as a receiver that timed the idle connection
     * out just as the request came does.
     */
    private static final class DroppingReceiver implements AutoCloseable {

        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread acceptor;

        DroppingReceiver() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "dropping-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread serving = new Thread(() -> serve(connection), "dropping-receiver-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = connection.getInputStream();
                if (!readRequest(in)) {
                    return;
                }
                connection
                        .getOutputStream()
                        .write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                connection.getOutputStream().flush();
                answered.incrementAndGet();
                if (readRequest(in)) {
                    dropped.incrementAndGet();
                }
            } catch (IOException gone) {
                // The client went away: nothing to do.
            }
        }

        /** Reads one request (head and Content-Length body); false at the end of the stream. */
        private static boolean readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    return false;
                }
                head.write(next);
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            line.substring("content-length:".length()).trim());
                }
            }
            in.readNBytes(length);
            return true;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
