package cloud.scaling.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file of the repository (settings.tsv, compose.yaml, README.md), found from the directory the tests run in. */
public final class RepositoryFile {

    private RepositoryFile() {}

    public static Path of(String path) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("settings.tsv")) && Files.isRegularFile(dir.resolve("run"))) {
                return dir.resolve(path);
            }
        }
        throw new IllegalStateException(
                "Not inside the repository: " + Path.of("").toAbsolutePath());
    }
}
