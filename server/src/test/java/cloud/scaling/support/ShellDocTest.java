package cloud.scaling.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runner of the executed guides itself: what passes, and that each kind of drift fails naming where. Blocks here
 * print JSON with {@code echo} instead of asking a server, so no request is sent and their answers state no status.
 */
class ShellDocTest {

    private static final String BLOCK = """
            ```sh
            ID=sch_42
            echo '{"data": {"id": "sch_42", "name": "Primary", "extra": true, "list": [1, {"a": "b", "c": 1}]}}'
            ```

            Answer: nothing sent, and:

            ```json
            %s
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void theStatedFieldsOfTheLastOutputMatch() throws IOException {
        ShellDoc doc = doc(
                BLOCK.formatted("{\"data\": {\"id\": \"$ID\", \"name\": \"Pri…\", \"list\": [1, {\"a\": \"b\"}]}}"));
        List<String> ran = new ArrayList<>();

        doc.runAndCheck(Map.of(), (block, outcome) -> ran.add(outcome.vars().get("ID")));

        assertEquals(List.of("sch_42"), ran);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"data\": {\"id\": \"sch_43\"}}                 | .data.id: expected \"sch_43\", got \"sch_42\"",
                "{\"data\": {\"id\": \"ep_…\"}}                   | .data.id: expected a string starting \"ep_\"",
                "{\"data\": {\"id\": \"$OTHER\"}}                 | .data.id: the shell has no variable $OTHER",
                "{\"data\": {\"owner\": null}}                    | .data.owner: missing",
                "{\"data\": {\"list\": [1]}}                      | .data.list: expected 1 elements",
                "{\"data\": {\"list\": [1, {\"c\": 2}]}}          | .data.list[1].c: expected 2, got 1",
                "{\"data\": {\"extra\": \"true\"}}                | .data.extra: expected \"true\", got true",
            })
    void aDriftedAnswerFailsNamingTheField(String expected, String difference) throws IOException {
        ShellDoc doc = doc(BLOCK.formatted(expected));

        AssertionError error = failure(doc);

        assertTrue(error.getMessage().startsWith("doc.md:1: the answer is not the one stated"), error.getMessage());
        assertTrue(error.getMessage().contains(difference), error.getMessage());
    }

    @Test
    void variablesCarryFromBlockToBlockAndAnUnsetOneFails() throws IOException {
        ShellDoc carried = doc("""
                ```sh
                TEAMMATE_ID=user_7
                ```

                Answer: nothing.

                ```sh
                echo "{\\"id\\": \\"$TEAMMATE_ID\\"}"
                ```

                Answer: nothing, and:

                ```json
                {"id": "user_7"}
                ```
                """);
        carried.runAndCheck(Map.of(), (b, o) -> {});

        ShellDoc unset = doc("""
                ```sh
                echo "{\\"id\\": \\"$TEAMATE_ID\\"}"
                ```

                Answer: nothing.
                """);
        AssertionError error = failure(unset);
        assertTrue(error.getMessage().contains("TEAMATE_ID: unbound variable"), error.getMessage());
    }

    @Test
    void aFailingCommandFailsItsBlockAndABlockNotRunIsSkipped() throws IOException {
        ShellDoc doc = doc("""
                <!-- not run: the test starts its own server -->
                ```sh
                exit 3
                ```

                ```sh
                false | cat
                echo '{}'
                ```

                Answer: nothing.
                """);

        AssertionError error = failure(doc);

        assertTrue(error.getMessage().startsWith("doc.md:6 failed"), error.getMessage());
    }

    @Test
    void aBlockThatStatesNoAnswerIsRefused() throws IOException {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> doc("""
                ```sh
                echo '{}'
                ```

                It answers 200.
                """));

        assertEquals(
                "The shell block at line 1 states no answer (a line \"Answer: `200`\" after it), nor is it marked"
                        + " <!-- not run -->",
                error.getMessage());
    }

    private static AssertionError failure(ShellDoc doc) {
        return assertThrows(AssertionError.class, () -> doc.runAndCheck(Map.of(), (block, outcome) -> {}));
    }

    private ShellDoc doc(String markdown) throws IOException {
        Path file = dir.resolve("doc.md");
        Files.writeString(file, markdown);
        return ShellDoc.read(file);
    }
}
