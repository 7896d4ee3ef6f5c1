package cloud.scaling.incidents;

import cloud.scaling.api.IncidentsApi;
import cloud.scaling.api.model.Handoff;
import cloud.scaling.api.model.IncidentComponents;
import cloud.scaling.api.model.IncidentCreate;
import cloud.scaling.api.model.IncidentDetailResponse;
import cloud.scaling.api.model.IncidentListResponse;
import cloud.scaling.api.model.IncidentPage;
import cloud.scaling.api.model.IncidentResponse;
import cloud.scaling.api.model.IncidentStatus;
import cloud.scaling.api.model.Severity;
import cloud.scaling.api.model.StatusChange;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import cloud.scaling.pagination.ResultPage;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.CalendarRange;
import cloud.scaling.web.Problem;
import cloud.scaling.web.SeverityWire;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The incidents endpoints of the spec; JDBC-bound, so off the event loop. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController implements IncidentsApi {

    private final IncidentService service;
    private final StatusSteps statusSteps;
    private final IncidentViews views;
    private final Idempotency idempotency;

    public IncidentController(
            IncidentService service, StatusSteps statusSteps, IncidentViews views, Idempotency idempotency) {
        this.service = service;
        this.statusSteps = statusSteps;
        this.views = views;
        this.idempotency = idempotency;
    }

    @Override
    public HttpResponse<IncidentResponse> createIncident(IncidentCreate body, String idempotencyKey) {
        NewIncident command = new NewIncident(
                body.getTitle(),
                body.getDescription(),
                SeverityWire.domain(body.getSeverity()),
                body.getOwnerId(),
                body.getOwnerScheduleId(),
                body.getEscalationPolicyId(),
                body.getComponentIds() == null ? List.of() : body.getComponentIds(),
                false);
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new IncidentResponse(IncidentWire.summary(
                                views.created(service.create(caller, command), command.componentIds())))));
    }

    @Override
    public HttpResponse<IncidentDetailResponse> getIncident(UUID id) {
        return detail(service.get(CallerContext.current(), id));
    }

    @Override
    public HttpResponse<IncidentListResponse> listIncidents(
            IncidentStatus status, Severity severity, LocalDate from, LocalDate to, Integer limit, String cursor) {
        CalendarRange.require("from", from);
        CalendarRange.require("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ApiException(Problem.invalid("invalid_date_range", "from", "must not be after to."));
        }
        IncidentFilter filter = new IncidentFilter(
                IncidentWire.status(status),
                SeverityWire.domain(severity),
                startOfDay(from),
                to == null ? null : startOfDay(to.plusDays(1)));
        ResultPage<IncidentRow> page = service.list(CallerContext.current(), filter, cursor, limit);
        return HttpResponse.ok(new IncidentListResponse(
                new IncidentPage(IncidentWire.summaries(views.summaries(page.items())), page.nextCursor())));
    }

    @Override
    public HttpResponse<IncidentDetailResponse> updateIncidentStatus(UUID id, StatusChange body) {
        Caller caller = CallerContext.current();
        statusSteps.changeStatus(caller, id, IncidentWire.status(body.getStatus()), body.getResolutionNote());
        return detail(service.get(caller, id));
    }

    @Override
    public HttpResponse<IncidentDetailResponse> acknowledgeIncident(UUID id, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency, caller, idempotencyKey, null, () -> detail(service.acknowledge(caller, id)));
    }

    @Override
    public HttpResponse<IncidentDetailResponse> handOffIncident(UUID id, Handoff body, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> detail(service.handOff(caller, id, body.getTargetUserId())));
    }

    @Override
    public HttpResponse<IncidentDetailResponse> setIncidentComponents(UUID id, IncidentComponents body) {
        return detail(service.setComponents(CallerContext.current(), id, body.getComponentIds()));
    }

    private HttpResponse<IncidentDetailResponse> detail(IncidentRow row) {
        return HttpResponse.ok(new IncidentDetailResponse(IncidentWire.detail(views.detail(row))));
    }

    private static Instant startOfDay(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
