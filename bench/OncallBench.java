import cloud.scaling.auth.Role;
import cloud.scaling.oncall.ScheduleRepository;
import cloud.scaling.oncall.ScheduleRow;
import cloud.scaling.oncall.WhoIsOnCall;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.orgs.Provisioning;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times who-is-on-call over HTTP against the real server, started in this JVM on its own database (an H2 file
 * in a temporary directory, or SCALING_DB_URL/USER/PASSWORD): one schedule in America/New_York with 5 layers (daily, weekly, 3-day,
 * 14-day, weekly-until-mid-year), each rotating the same 50 users in a different order, and 20 overrides.
 * Measures {@code GET .../resolve?at=} at random instants of the year and {@code GET .../shifts} over the whole
 * year (365 days), one request at a time after a warm-up, and prints median, p95 and max milliseconds, and
 * the process's CPU milliseconds per request (server, embedded database and HTTP client together).
 * <pre>java -cp server/target/scaling-server.jar bench/OncallBench.java [REPEATS]</pre>
 */
public class OncallBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    /** CPU of this whole process (server, database and client) per request: wall time means little on a busy host. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        if (System.getenv("SCALING_DB_URL") == null) {
            // The server's own H2 settings apply to any H2 URL, and they need a file (AUTO_SERVER).
            properties.put("datasources.default.url", "jdbc:h2:file:"
                    + java.nio.file.Files.createTempDirectory("oncall-bench").resolve("scaling"));
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Provisioning provisioning = context.getBean(Provisioning.class);
            Provisioned org = provisioning.createOrganization("Bench " + UUID.randomUUID(),
                    "admin-" + UUID.randomUUID() + "@bench", null);
            List<String> users = new ArrayList<>(List.of(org.userId()));
            for (int i = 1; i < 50; i++) {
                users.add(provisioning.createUser(org.orgId(), "u" + i + "-" + UUID.randomUUID() + "@bench",
                        Role.MEMBER).userId());
            }
            String base = server.getURI().toString();
            String schedule = id(call(base, org.apiKey(), "POST", "/v1/oncall/schedules",
                    "{\"name\":\"Bench\",\"timezone\":\"America/New_York\"}"));
            String[][] layers = {{"daily", "1", null}, {"weekly", "7", null}, {"custom", "3", null},
                    {"custom", "14", null}, {"weekly", "7", "2026-07-01T00:00:00Z"}};
            Random random = new Random(42);
            for (int i = 0; i < layers.length; i++) {
                List<String> order = new ArrayList<>(users);
                java.util.Collections.shuffle(order, random);
                String until = layers[i][2] == null ? "" : ",\"effectiveUntil\":\"" + layers[i][2] + "\"";
                call(base, org.apiKey(), "POST", "/v1/oncall/schedules/" + schedule + "/layers",
                        "{\"name\":\"L" + i + "\",\"rotationType\":\"" + layers[i][0] + "\",\"rotationLengthDays\":"
                                + layers[i][1] + ",\"handoffTime\":\"0" + i + ":30\",\"effectiveFrom\":"
                                + "\"2025-12-01T00:00:00Z\"" + until + ",\"participantIds\":[\""
                                + String.join("\",\"", order) + "\"]}");
            }
            Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 20; i++) {
                Instant start = yearStart.plus(random.nextInt(360 * 24), ChronoUnit.HOURS);
                call(base, org.apiKey(), "POST", "/v1/oncall/schedules/" + schedule + "/overrides",
                        "{\"userId\":\"" + users.get(random.nextInt(50)) + "\",\"startsAt\":\"" + start
                                + "\",\"endsAt\":\"" + start.plus(1 + random.nextInt(72), ChronoUnit.HOURS) + "\"}");
            }
            String path = "/v1/oncall/schedules/" + schedule;
            String year = path + "/shifts?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
            int shifts = call(base, org.apiKey(), "GET", year, null).split("\"userId\"").length - 1;
            // Warm-up long enough for the JIT to compile the request path (a fresh JVM serves its first thousand
            // requests mostly interpreted; 100 left the figures measuring the compiler).
            for (int i = 0; i < Math.max(50, repeats * 4); i++) {
                call(base, org.apiKey(), "GET", path + "/resolve?at=" + yearStart.plusSeconds(random.nextInt(31_536_000)), null);
                call(base, org.apiKey(), "GET", year, null);
            }
            double[] resolve = new double[repeats];
            double[] year365 = new double[repeats];
            long resolveCpu = 0;
            long yearCpu = 0;
            for (int i = 0; i < repeats; i++) {
                String at = path + "/resolve?at=" + yearStart.plusSeconds(random.nextInt(31_536_000));
                long cpu = CPU.getProcessCpuTime();
                resolve[i] = timed(base, org.apiKey(), at);
                long between = CPU.getProcessCpuTime();
                year365[i] = timed(base, org.apiKey(), year);
                resolveCpu += between - cpu;
                yearCpu += CPU.getProcessCpuTime() - between;
            }
            System.out.println("ONCALL database=" + (System.getenv("SCALING_DB_URL") == null ? "h2-file" : "external")
                    + " layers=5 participants=50 overrides=20 yearShifts=" + shifts + " repeats=" + repeats);
            System.out.println("ONCALL resolve " + stats(resolve) + String.format(" cpu/request=%.2fms",
                    resolveCpu / 1e6 / repeats));
            System.out.println("ONCALL shifts-365d " + stats(year365) + String.format(" cpu/request=%.2fms",
                    yearCpu / 1e6 / repeats));
            // The same two reads in this JVM without HTTP, authentication and JSON: the database queries and the
            // rotation maths alone, after a longer warm-up (cheap here) so that the JIT has compiled them.
            ScheduleRow row = context.getBean(ScheduleRepository.class).findByIdAndOrgId(schedule, org.orgId())
                    .orElseThrow();
            WhoIsOnCall oncall = context.getBean(WhoIsOnCall.class);
            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            Instant to = Instant.parse("2027-01-01T00:00:00Z");
            for (int i = 0; i < 20 * repeats; i++) {
                oncall.resolve(row, yearStart.plusSeconds(random.nextInt(31_536_000)));
                oncall.shifts(row, from, to);
            }
            double[] resolveInside = new double[repeats];
            double[] yearInside = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                Instant at = yearStart.plusSeconds(random.nextInt(31_536_000));
                long start = System.nanoTime();
                oncall.resolve(row, at);
                long between = System.nanoTime();
                oncall.shifts(row, from, to);
                resolveInside[i] = (between - start) / 1e6;
                yearInside[i] = (System.nanoTime() - between) / 1e6;
            }
            System.out.println("ONCALL in-process resolve " + stats(resolveInside));
            System.out.println("ONCALL in-process shifts-365d " + stats(yearInside));
            server.stop();
        }
    }

    private static double timed(String base, String key, String path) throws Exception {
        long start = System.nanoTime();
        call(base, key, "GET", path, null);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String stats(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("median=%.2fms p95=%.2fms max=%.2fms", sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return matcher.group(1);
    }

    private static String call(String base, String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
