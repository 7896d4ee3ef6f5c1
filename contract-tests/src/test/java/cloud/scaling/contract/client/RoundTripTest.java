package cloud.scaling.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The round-trip comparison must see a loss when there is one, and only then. */
class RoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameDataWrittenDifferentlyIsNoLoss() throws Exception {
        assertEquals(
                List.of(),
                losses(
                        "{\"at\":\"2026-04-07T10:00:00.000Z\",\"owner\":null,\"n\":1}",
                        "{\"at\":\"2026-04-07T10:00Z\",\"n\":1.0}"));
    }

    @Test
    void aDroppedChangedOrAddedFieldIsALossNamedByItsPointer() throws Exception {
        assertEquals(
                List.of(
                        "/data/extra: example absent, client 1",
                        "/data/severity: example \"high\", client \"low\"",
                        "/data/title: example \"t\", client absent"),
                losses(
                        "{\"data\":{\"title\":\"t\",\"severity\":\"high\"}}",
                        "{\"data\":{\"severity\":\"low\",\"extra\":1}}"));
    }

    private static List<String> losses(String example, String read) throws Exception {
        JsonNode expected = JSON.readTree(example);
        List<String> losses = new ArrayList<>();
        RoundTrip.compare(expected, JSON.readTree(read), "", losses);
        return losses;
    }
}
