import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The machine's floor for bench/run.sh: an HTTP/1.1 responder with no framework at all, answering every request
 * with the same small 404, one thread per connection reading and writing a socket. Measured with the same wrk
 * script as the server's GET → 404, it shows what the machine (its scheduler, loopback, wrk itself) adds to a
 * request's latency before any of the server's work: a tail here is the machine's, not the server's.
 *
 *   java bench/Floor.java PORT
 */
public final class Floor {

    private static final byte[] RESPONSE = ("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 45\r\n\r\n{\"code\":\"not_found\",\"message\":\"No incident.\"}")
            .getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 128, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread connection = new Thread(() -> serve(socket));
                connection.setDaemon(true);
                connection.start();
            }
        }
    }

    /** Answers each request once its head has arrived (bodies are not expected: wrk sends GETs here). */
    private static void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            int matched = 0; // of "\r\n\r\n", the end of a request's head
            for (int b = in.read(); b != -1; b = in.read()) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    out.write(RESPONSE);
                    out.flush();
                    matched = 0;
                }
            }
        } catch (IOException closed) {
            // wrk closed the connection: nothing to answer any more.
        }
    }
}
