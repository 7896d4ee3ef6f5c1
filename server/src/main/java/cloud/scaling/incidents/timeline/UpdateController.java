package cloud.scaling.incidents.timeline;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.IncidentUpdatesApi;
import cloud.scaling.api.model.Update;
import cloud.scaling.api.model.UpdateCreate;
import cloud.scaling.api.model.UpdateList;
import cloud.scaling.api.model.UpdateListResponse;
import cloud.scaling.api.model.UpdateResponse;
import cloud.scaling.api.model.UserRef;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import cloud.scaling.incidents.IncidentWire;
import cloud.scaling.orgs.Membership;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** The incident timeline endpoints of the spec. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class UpdateController implements IncidentUpdatesApi {

    private final Timeline timeline;
    private final Membership membership;
    private final Idempotency idempotency;

    public UpdateController(Timeline timeline, Membership membership, Idempotency idempotency) {
        this.timeline = timeline;
        this.membership = membership;
        this.idempotency = idempotency;
    }

    @Override
    public HttpResponse<UpdateResponse> postIncidentUpdate(UUID id, UpdateCreate body, String idempotencyKey) {
        PostUpdate command = new PostUpdate(
                body.getBody(),
                IncidentWire.status(body.getStatusChange()),
                IncidentWire.visibility(body.getVisibility()),
                null);
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new UpdateResponse(toApi(List.of(timeline.post(caller, id, command)))
                                .get(0))));
    }

    @Override
    public HttpResponse<UpdateListResponse> listIncidentUpdates(UUID id) {
        return HttpResponse.ok(
                new UpdateListResponse(new UpdateList(toApi(timeline.list(CallerContext.current(), id)))));
    }

    @Override
    public HttpResponse<UpdateResponse> redactIncidentUpdate(UUID id, UUID updateId, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                null,
                () -> HttpResponse.ok(new UpdateResponse(
                        toApi(List.of(timeline.redact(caller, id, updateId))).get(0))));
    }

    /** Converts rows, naming their authors and redactors with one read of the users involved. */
    private List<Update> toApi(List<UpdateRow> rows) {
        List<String> userIds = rows.stream()
                .flatMap(row -> Stream.of(row.postedBy(), row.redactedBy()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, String> names = membership.displayNames(userIds);
        return rows.stream()
                .map(row -> {
                    return new Update(
                            row.id(),
                            row.incidentId(),
                            row.body(),
                            IncidentWire.status(row.statusChange()),
                            IncidentWire.visibility(row.visibility()),
                            new UserRef(row.postedBy(), names.get(row.postedBy())),
                            utc(row.postedAt()),
                            utc(row.redactedAt()),
                            row.redactedBy() == null
                                    ? null
                                    : new UserRef(row.redactedBy(), names.get(row.redactedBy())));
                })
                .toList();
    }
}
