package cloud.scaling.incidents;

import cloud.scaling.api.IncidentsApi;
import cloud.scaling.api.model.IncidentCreate;
import cloud.scaling.api.model.IncidentListResponse;
import cloud.scaling.api.model.IncidentPage;
import cloud.scaling.api.model.IncidentResponse;
import cloud.scaling.api.model.IncidentStatus;
import cloud.scaling.api.model.Severity;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The incidents endpoints of the spec; JDBC-bound, so off the event loop. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController implements IncidentsApi {

    private final IncidentService service;

    public IncidentController(IncidentService service) {
        this.service = service;
    }

    @Override
    public HttpResponse<IncidentResponse> createIncident(IncidentCreate body) {
        NewIncident command = new NewIncident(body.getTitle(), body.getDescription(), body.getSeverity().getValue(),
                body.getOwnerId(), body.getEscalationPolicyId());
        IncidentRow created = service.create(CallerContext.current(), command);
        return HttpResponse.status(HttpStatus.CREATED).body(new IncidentResponse(IncidentMapper.toApi(created)));
    }

    @Override
    public HttpResponse<IncidentResponse> getIncident(UUID id) {
        return HttpResponse.ok(new IncidentResponse(IncidentMapper.toApi(service.get(CallerContext.current(), id))));
    }

    @Override
    public HttpResponse<IncidentListResponse> listIncidents(IncidentStatus status, Severity severity,
                                                            LocalDate from, LocalDate to, Integer limit,
                                                            String cursor) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ApiException(Problem.invalid("invalid_date_range", "from", "must not be after to."));
        }
        IncidentFilter filter = new IncidentFilter(status == null ? null : status.getValue(),
                severity == null ? null : severity.getValue(), startOfDay(from),
                to == null ? null : startOfDay(to.plusDays(1)));
        KeysetPage page = service.list(CallerContext.current(), filter, cursor, limit == null ? 20 : limit);
        return HttpResponse.ok(new IncidentListResponse(new IncidentPage(
                page.incidents().stream().map(IncidentMapper::toApi).toList(), page.nextCursor())));
    }

    private static Instant startOfDay(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
