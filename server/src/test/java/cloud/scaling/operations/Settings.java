package cloud.scaling.operations;

import cloud.scaling.support.RepositoryFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** {@code settings.tsv} at the repository's root: every environment variable the server and {@code ./run} read. */
record Settings(List<Setting> rows) {

    /** One line: the variable, the configuration property it sets ("-": read directly), its default, its meaning. */
    record Setting(String variable, String property, String defaultValue, String meaning) {}

    static Settings read() {
        try {
            List<Setting> rows = Files.readAllLines(RepositoryFile.of("settings.tsv")).stream()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .skip(1) // the column names
                    .map(line -> {
                        String[] columns = line.split("\t", -1);
                        if (columns.length != 4) {
                            throw new IllegalStateException("settings.tsv: not 4 tab-separated columns: " + line);
                        }
                        return new Setting(columns[0], columns[1], columns[2], columns[3]);
                    })
                    .toList();
            return new Settings(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> variables() {
        return rows.stream().map(Setting::variable).toList();
    }

    /** The README's table, as the Markdown rows it is made of. */
    String markdownTable() {
        StringBuilder table = new StringBuilder("| variable | default | meaning |\n|---|---|---|\n");
        rows.forEach(row ->
                table.append("| `%s` | %s | %s |\n".formatted(row.variable(), row.defaultValue(), row.meaning())));
        return table.toString();
    }
}
