package cloud.scaling.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow mail server: the front door of a real one (GreenMail) that, while stalling, holds each new session in its
 * greeting. It keeps the client waiting with continuation lines of the greeting ({@code 220-}), so the client's
 * read timeout never fires and the send stays in flight for as long as the test wants; once released, the session
 * is handed to the real server, whose own greeting ends the reply, and the mail is sent normally.
 */
final class StallingSmtp implements AutoCloseable {

    /** Often enough to keep any client's read timeout (the server's is 10 s) from firing. */
    private static final long KEEP_ALIVE_MILLIS = 500;

    private final ServerSocket socket;
    private final int target;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stalling-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();

    StallingSmtp(int target) throws IOException {
        this.target = target;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Sessions held in their greeting right now. */
    int held() {
        return held.get();
    }

    /** Lets every held session and every later one through to the real server. */
    void release() {
        released.countDown();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.submit(() -> session(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            OutputStream toClient = client.getOutputStream();
            if (released.getCount() > 0) {
                held.incrementAndGet();
                try {
                    while (!released.await(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS)) {
                        toClient.write("220-held\r\n".getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                } finally {
                    held.decrementAndGet();
                }
            }
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
                threads.submit(() -> copy(server.getInputStream(), toClient));
                copy(client.getInputStream(), server.getOutputStream());
            }
        } catch (IOException | InterruptedException clientGone) {
            // A killed client: its session simply ends, as with a real mail server.
        }
    }

    private static Void copy(InputStream from, OutputStream to) throws IOException {
        try {
            from.transferTo(to);
        } finally {
            to.close();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        release();
        socket.close();
        threads.shutdownNow();
    }
}
