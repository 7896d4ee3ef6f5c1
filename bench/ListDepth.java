import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Times {@code GET /v1/incidents?limit=100} on page 1 and on the page DEPTH pages further in (reached by following
 * {@code nextCursor} DEPTH times), one request at a time, REPEATS times each (fewer, but at least three, when
 * that would take over 10 s; a walk to the deep page that takes over 20 s is abandoned and reported), for
 * each query given as
 * {@code LABEL=QUERY} (QUERY may be empty). Run with the server jar on the class path (for Jackson):
 * {@code java -cp server/target/scaling-server.jar bench/ListDepth.java BASE_URL API_KEY DEPTH REPEATS LABEL=QUERY...}
 * <p>Prints one {@code LIST} line per query, with the median, min and max milliseconds of both pages and the
 * keyset position (createdAt, id) that the deep page starts after, for the EXPLAIN step.
 */
public class ListDepth {

    private static final int LIMIT = 100;
    private static final int WARMUP_REQUESTS = 30;
    /** Timed requests stop being added after this long (but there are always at least three). */
    private static final long TIMING_BUDGET_NANOS = 10_000_000_000L;
    /** A walk to the deep page that takes longer than this is abandoned and reported as such. */
    private static final long WALK_BUDGET_NANOS = 20_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String apiKey;

    ListDepth(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws Exception {
        ListDepth bench = new ListDepth(args[0], args[1]);
        int depth = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        for (int i = 0; i < WARMUP_REQUESTS; i++) {
            bench.page("", null);
        }
        for (String labelled : Arrays.copyOfRange(args, 4, args.length)) {
            int eq = labelled.indexOf('=');
            bench.measure(labelled.substring(0, eq), labelled.substring(eq + 1), depth, repeats);
        }
    }

    private void measure(String label, String query, int depth, int repeats) throws Exception {
        double[] first = time(query, null, repeats);
        String cursor = null;
        JsonNode last = null;
        long walkStart = System.nanoTime();
        for (int i = 0; i < depth; i++) {
            if (System.nanoTime() - walkStart > WALK_BUDGET_NANOS) {
                System.out.printf("LIST query=%s page1_ms=%.2f page1_min_ms=%.2f page1_max_ms=%.2f"
                                + " deep_not_reached=%d%n", label, median(first), first[0], first[first.length - 1],
                        i + 1);
                return;
            }
            JsonNode data = page(query, cursor);
            JsonNode incidents = data.get("incidents");
            if (data.get("nextCursor").isNull()) {
                throw new IllegalStateException(label + ": fewer than " + (depth + 1) * LIMIT + " incidents");
            }
            cursor = data.get("nextCursor").asText();
            last = incidents.get(incidents.size() - 1);
        }
        double[] deep = time(query, cursor, repeats);
        System.out.printf("LIST query=%s page1_ms=%.2f page1_min_ms=%.2f page1_max_ms=%.2f deep_ms=%.2f"
                        + " deep_min_ms=%.2f deep_max_ms=%.2f timed=%d+%d deep_after_at=%s deep_after_id=%s%n",
                label, median(first), first[0], first[first.length - 1], median(deep), deep[0],
                deep[deep.length - 1], first.length, deep.length, last.get("createdAt").asText(),
                last.get("id").asText());
    }

    /** Sorted durations in milliseconds of up to REPEATS identical requests. */
    private double[] time(String query, String cursor, int repeats) throws Exception {
        double[] millis = new double[repeats];
        long start = System.nanoTime();
        int done = 0;
        while (done < repeats && (done < 3 || System.nanoTime() - start < TIMING_BUDGET_NANOS)) {
            long before = System.nanoTime();
            page(query, cursor);
            millis[done++] = (System.nanoTime() - before) / 1e6;
        }
        double[] measured = Arrays.copyOf(millis, done);
        Arrays.sort(measured);
        return measured;
    }

    private JsonNode page(String query, String cursor) throws Exception {
        StringBuilder uri = new StringBuilder(baseUrl).append("/v1/incidents?limit=").append(LIMIT);
        if (!query.isEmpty()) {
            uri.append('&').append(query);
        }
        if (cursor != null) {
            uri.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .header("Authorization", "Bearer " + apiKey).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("data");
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
