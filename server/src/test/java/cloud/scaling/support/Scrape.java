package cloud.scaling.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a server's {@code /metrics}, read as Prometheus reads it (the text format's sample lines), so a
 * test asserts on the series an operator's rules see, by name and labels.
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** A sample: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final String text;
    private final List<Sample> samples = new ArrayList<>();

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
    }

    public static Scrape of(TestServer server) {
        return new Scrape(server.anonymous().get("/metrics").assertStatus(200).body());
    }

    /**
     * The value of the one series named {@code name} whose labels include {@code labels} (name, value, name,
     * value...); fails when there is none or several, so a test cannot pass on a series that is not there.
     */
    public double value(String name, String... labels) {
        List<Sample> matching = matching(name, labels);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " series " + name + " " + List.of(labels) + " in:\n" + text);
        }
        return matching.get(0).value();
    }

    /** How much the series rose from {@code before} to this scrape (counters, a histogram's buckets and sum). */
    public double increaseSince(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    public List<Sample> matching(String name, String... labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    public String text() {
        return text;
    }
}
