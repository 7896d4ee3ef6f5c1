package cloud.scaling.client;

import static cloud.scaling.client.WireMockScaling.data;
import static cloud.scaling.client.WireMockScaling.incident;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.client.model.Incident;
import cloud.scaling.client.model.IncidentStatus;
import cloud.scaling.client.model.Severity;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagingTest {

    @RegisterExtension
    static WireMockExtension server = WireMockScaling.server();

    private final ScalingClient client = WireMockScaling.client(server, new RecordingSleeper());

    @Test
    void listFollowsNextCursorAcrossEveryPage() {
        givenPage(null, "c2", "A", "B");
        givenPage("c2", "c3", "C", "D");
        givenPage("c3", null, "E");

        List<String> titles = client.incidents()
                .list(IncidentFilter.ALL)
                .map(Incident::getTitle)
                .toList();

        assertEquals(List.of("A", "B", "C", "D", "E"), titles);
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/incidents")));
    }

    @Test
    void listFetchesAPageOnlyWhenTheStreamReachesIt() {
        givenPage(null, "c2", "A", "B");
        givenPage("c2", null, "C");

        List<String> firstTwo = client.incidents()
                .list(IncidentFilter.ALL)
                .limit(2)
                .map(Incident::getTitle)
                .toList();

        assertEquals(List.of("A", "B"), firstTwo);
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/incidents")));
    }

    @Test
    void anEmptyPageWithACursorIsNotTheEnd() {
        givenPage(null, "c2");
        givenPage("c2", null, "A");

        assertEquals(
                List.of("A"),
                client.incidents()
                        .list(IncidentFilter.ALL)
                        .map(Incident::getTitle)
                        .toList());
    }

    @Test
    void everyPageRequestCarriesTheFilter() {
        IncidentFilter filter = IncidentFilter.ALL
                .withStatus(IncidentStatus.MONITORING)
                .withSeverity(Severity.CRITICAL)
                .withCreatedBetween(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"))
                .withPageSize(1);
        server.stubFor(filtered(get(urlPathEqualTo("/v1/incidents")).withQueryParam("cursor", absent()))
                .willReturn(data(200, page("c2", "A"))));
        server.stubFor(filtered(get(urlPathEqualTo("/v1/incidents")).withQueryParam("cursor", equalTo("c2")))
                .willReturn(data(200, page(null, "B"))));

        assertEquals(
                List.of("A", "B"),
                client.incidents().list(filter).map(Incident::getTitle).toList());
    }

    @Test
    void pageFetchesExactlyTheOnePageAtTheCursor() {
        givenPage("c2", "c3", "C", "D");

        var page = client.incidents().page(IncidentFilter.ALL, "c2");

        assertEquals("c3", page.getNextCursor());
        assertEquals(
                List.of("C", "D"),
                page.getIncidents().stream().map(Incident::getTitle).toList());
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/incidents")));
    }

    private static MappingBuilder filtered(MappingBuilder request) {
        return request.withQueryParam("status", equalTo("monitoring"))
                .withQueryParam("severity", equalTo("critical"))
                .withQueryParam("from", equalTo("2026-04-01"))
                .withQueryParam("to", equalTo("2026-04-30"))
                .withQueryParam("limit", equalTo("1"));
    }

    private static void givenPage(String cursor, String nextCursor, String... titles) {
        server.stubFor(get(urlPathEqualTo("/v1/incidents"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor))
                .willReturn(data(200, page(nextCursor, titles))));
    }

    private static String page(String nextCursor, String... titles) {
        String incidents = Arrays.stream(titles)
                .map(title -> incident(UUID.randomUUID().toString(), title))
                .collect(Collectors.joining(","));
        return "{\"incidents\":[" + incidents + "],\"nextCursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}";
    }
}
