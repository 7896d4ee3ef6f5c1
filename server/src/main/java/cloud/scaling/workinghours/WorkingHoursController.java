package cloud.scaling.workinghours;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.WorkingHoursApi;
import cloud.scaling.api.model.WorkingHours;
import cloud.scaling.api.model.WorkingHoursInput;
import cloud.scaling.api.model.WorkingHoursListResponse;
import cloud.scaling.api.model.WorkingHoursResponse;
import cloud.scaling.api.model.WorkingHoursWindow;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The working-hours endpoints of the spec, in the shape the Terraform provider's scaling_working_hours uses. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkingHoursController implements WorkingHoursApi {

    private final WorkingHoursService service;
    private final Idempotency idempotency;

    public WorkingHoursController(WorkingHoursService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public HttpResponse<WorkingHoursResponse> createWorkingHours(WorkingHoursInput body, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new WorkingHoursResponse(toApi(service.create(caller, state(body))))));
    }

    @Override
    public HttpResponse<WorkingHoursListResponse> listWorkingHours() {
        return HttpResponse.ok(new WorkingHoursListResponse(
                service.list(CallerContext.current()).stream().map(this::toApi).toList()));
    }

    @Override
    public HttpResponse<WorkingHoursResponse> getWorkingHours(String workingHoursId) {
        return HttpResponse.ok(new WorkingHoursResponse(
                toApi(service.get(CallerContext.current().orgId(), workingHoursId))));
    }

    @Override
    public HttpResponse<WorkingHoursResponse> updateWorkingHours(String workingHoursId, WorkingHoursInput body) {
        return HttpResponse.ok(
                new WorkingHoursResponse(toApi(service.replace(CallerContext.current(), workingHoursId, state(body)))));
    }

    @Override
    public HttpResponse<Void> deleteWorkingHours(String workingHoursId) {
        service.delete(CallerContext.current(), workingHoursId);
        return HttpResponse.noContent();
    }

    private static WorkingHoursState state(WorkingHoursInput body) {
        // A null element passes the generated model's validation; refuse it here rather than fail on it.
        int missing = body.getWindows().indexOf(null);
        if (missing >= 0) {
            throw new ApiException(Problem.invalid("missing_field", "windows[" + missing + "]", "is required."));
        }
        return new WorkingHoursState(
                body.getName(),
                body.getTimezone(),
                body.getWindows().stream()
                        .map(window -> new Window(window.getDays(), window.getStart(), window.getEnd()))
                        .toList());
    }

    private WorkingHours toApi(WorkingHoursRow row) {
        return new WorkingHours(
                row.id(),
                row.orgId(),
                row.name(),
                row.timezone(),
                service.windows(row).stream()
                        .map(window -> new WorkingHoursWindow(window.days(), window.start(), window.end()))
                        .toList(),
                utc(row.createdAt()),
                utc(row.updatedAt()));
    }
}
