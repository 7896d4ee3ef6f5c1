package cloud.scaling.telemetry;

import cloud.scaling.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line and one timer sample per request, success or error: method, the operation's path template
 * (never the raw path, so that ids neither explode the metrics nor hide which operation was slow), status,
 * duration and request id. Outermost filter but one, so that refusals by the other filters are counted too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestTelemetry implements Ordered {

    /** The timer's name; Prometheus shows it as {@code http_server_requests_seconds}. */
    public static final String TIMER = "http.server.requests";
    /** The {@code uri} of a request that matched no operation: one series for all of them. */
    public static final String UNMATCHED = "unmatched";

    private static final Logger ACCESS = LoggerFactory.getLogger(RequestTelemetry.class);
    private static final String STARTED = RequestTelemetry.class.getName() + ".started";
    private static final String TEMPLATE = RequestTelemetry.class.getName() + ".template";
    /**
     * What an operation adds to its request's access-log line (as {@code outcome}), e.g. what became of the alerts
     * of a notification: set it with {@link #describeOutcome}.
     */
    private static final String OUTCOME = RequestTelemetry.class.getName() + ".outcome";
    // Histogram buckets from 5 ms to 10 s: few enough to keep one series per bucket cheap, spread wide enough
    // to tell a healthy API (a few ms) from a struggling one.
    private static final Duration[] BUCKETS = {
        ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000), ms(10000)
    };

    private final MeterRegistry registry;
    /**
     * The timer of each (method, route, status) seen so far. Building and registering a timer looks it up in the
     * registry by its tags, which cost more than the sample itself (the profile of a create showed it); the
     * series are few and bounded (operations × statuses), so they are kept.
     */
    private final ConcurrentHashMap<Series, Timer> timers = new ConcurrentHashMap<>();

    public RequestTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
        // Read now: once an error handler has answered, the request no longer carries the route it matched.
        RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance)
                .map(route -> ((UriRouteInfo<?, ?>) route).getUriMatchTemplate().toPathString())
                .ifPresent(template -> request.setAttribute(TEMPLATE, template));
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long nanos =
                System.nanoTime() - request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        String template = request.getAttribute(TEMPLATE, String.class).orElse(null);
        String method = request.getMethodName();
        int status = response.code();
        timers.computeIfAbsent(new Series(method, template == null ? UNMATCHED : template, status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        String millis = millis(nanos);
        String requestId = RequestIds.of(request).toString();
        // Unmatched requests are logged with their raw path: nothing else says what was asked for.
        String route = template != null ? template : request.getPath() + " (no route)";
        String outcome = request.getAttribute(OUTCOME, String.class).orElse(null);
        // Formatted here, not by the logger: JSON logs carry the message as given, besides the key-value pairs.
        var line = ACCESS.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", millis)
                .addKeyValue("requestId", requestId);
        String message = method + " " + route + " " + status + " " + millis + " ms requestId=" + requestId;
        if (outcome == null) {
            line.log(message);
        } else {
            line.addKeyValue("outcome", outcome).log(message + " outcome=\"" + outcome + "\"");
        }
    }

    /** Adds {@code outcome} to the access-log line of the request being served on this thread. */
    public static void describeOutcome(String outcome) {
        ServerRequestContext.currentRequest().ifPresent(request -> request.setAttribute(OUTCOME, outcome));
    }

    private Timer timer(Series series) {
        return Timer.builder(TIMER)
                .description("HTTP requests the server answered, by operation and status")
                .tag("method", series.method())
                .tag("uri", series.uri())
                .tag("status", Integer.toString(series.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** Milliseconds with one decimal, rounded half up: what {@code %.1f} printed, without its cost per request. */
    static String millis(long nanos) {
        long tenths = (Math.max(nanos, 0) + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private record Series(String method, String uri, int status) {}

    @Override
    public int getOrder() {
        // Right after the request id (which it logs), before every filter that may refuse the request.
        return HIGHEST_PRECEDENCE + 1;
    }
}
