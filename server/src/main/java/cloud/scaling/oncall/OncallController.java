package cloud.scaling.oncall;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.OnCallApi;
import cloud.scaling.api.model.OncallLayer;
import cloud.scaling.api.model.OncallLayerInput;
import cloud.scaling.api.model.OncallLayerOrder;
import cloud.scaling.api.model.OncallLayerResponse;
import cloud.scaling.api.model.OncallOverride;
import cloud.scaling.api.model.OncallOverrideCreate;
import cloud.scaling.api.model.OncallOverrideList;
import cloud.scaling.api.model.OncallOverrideListResponse;
import cloud.scaling.api.model.OncallOverrideResponse;
import cloud.scaling.api.model.OncallResolution;
import cloud.scaling.api.model.OncallResolutionResponse;
import cloud.scaling.api.model.OncallSchedule;
import cloud.scaling.api.model.OncallScheduleCreate;
import cloud.scaling.api.model.OncallScheduleDetail;
import cloud.scaling.api.model.OncallScheduleDetailResponse;
import cloud.scaling.api.model.OncallScheduleListResponse;
import cloud.scaling.api.model.OncallScheduleResponse;
import cloud.scaling.api.model.OncallScheduleUpdate;
import cloud.scaling.api.model.OncallShift;
import cloud.scaling.api.model.OncallShiftList;
import cloud.scaling.api.model.OncallShiftListResponse;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The on-call endpoints of the spec: the docs' model and the Terraform provider's, on one storage. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OncallController implements OnCallApi {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final OncallService service;
    private final WhoIsOnCall whoIsOnCall;
    private final Idempotency idempotency;
    private final Clock clock;

    public OncallController(OncallService service, WhoIsOnCall whoIsOnCall, Idempotency idempotency, Clock clock) {
        this.service = service;
        this.whoIsOnCall = whoIsOnCall;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public HttpResponse<OncallScheduleResponse> createOncallSchedule(OncallScheduleCreate body, String idempotencyKey) {
        ScheduleSettings settings = new ScheduleSettings(body.getName(), body.getDescription(), body.getTimezone());
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new OncallScheduleResponse(toApi(service.create(caller, settings)))));
    }

    @Override
    public HttpResponse<OncallScheduleListResponse> listOncallSchedules() {
        return HttpResponse.ok(new OncallScheduleListResponse(service.list(CallerContext.current()).stream()
                .map(OncallController::toApi)
                .toList()));
    }

    @Override
    public HttpResponse<OncallScheduleDetailResponse> getOncallSchedule(String scheduleId) {
        return detail(service.get(CallerContext.current(), scheduleId));
    }

    @Override
    public HttpResponse<OncallScheduleResponse> updateOncallSchedule(String scheduleId, OncallScheduleUpdate body) {
        ScheduleSettings settings = new ScheduleSettings(body.getName(), body.getDescription(), body.getTimezone());
        return HttpResponse.ok(
                new OncallScheduleResponse(toApi(service.update(CallerContext.current(), scheduleId, settings))));
    }

    @Override
    public HttpResponse<Void> deleteOncallSchedule(String scheduleId) {
        service.delete(CallerContext.current(), scheduleId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<OncallLayerResponse> createOncallLayer(
            String scheduleId, OncallLayerInput body, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new OncallLayerResponse(toApi(service.addLayer(caller, scheduleId, settings(body))))));
    }

    @Override
    public HttpResponse<OncallLayerResponse> updateOncallLayer(
            String scheduleId, String layerId, OncallLayerInput body) {
        return HttpResponse.ok(new OncallLayerResponse(
                toApi(service.replaceLayer(CallerContext.current(), scheduleId, layerId, settings(body)))));
    }

    @Override
    public HttpResponse<Void> deleteOncallLayer(String scheduleId, String layerId) {
        service.removeLayer(CallerContext.current(), scheduleId, layerId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<OncallScheduleDetailResponse> reorderOncallLayers(String scheduleId, OncallLayerOrder body) {
        return detail(service.reorder(CallerContext.current(), scheduleId, body.getLayerIds()));
    }

    @Override
    public HttpResponse<OncallOverrideResponse> createOncallOverride(
            String scheduleId, OncallOverrideCreate body, String idempotencyKey) {
        NewOverride command = new NewOverride(
                body.getUserId(),
                body.getStartsAt().toInstant(),
                body.getEndsAt().toInstant());
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new OncallOverrideResponse(toApi(service.addOverride(caller, scheduleId, command)))));
    }

    @Override
    public HttpResponse<OncallOverrideListResponse> listOncallOverrides(String scheduleId) {
        return HttpResponse.ok(new OncallOverrideListResponse(
                new OncallOverrideList(service.overridesOf(CallerContext.current(), scheduleId).stream()
                        .map(OncallController::toApi)
                        .toList())));
    }

    @Override
    public HttpResponse<Void> deleteOncallOverride(String scheduleId, String overrideId) {
        service.removeOverride(CallerContext.current(), scheduleId, overrideId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<OncallResolutionResponse> resolveOncallSchedule(String scheduleId, OffsetDateTime at) {
        ScheduleRow schedule = service.get(CallerContext.current(), scheduleId);
        Resolution resolution = whoIsOnCall.resolve(schedule, at == null ? now() : millis(at));
        Shift current = resolution.current();
        OncallShift entry = current == null
                ? null
                : new OncallShift(
                        current.userId(),
                        utc(current.start()),
                        utc(current.end()),
                        current.layerId(),
                        current.overrideId());
        return HttpResponse.ok(new OncallResolutionResponse(
                new OncallResolution(schedule.id(), resolution.ownerId(), resolution.pagingTargets(), entry)));
    }

    @Override
    public HttpResponse<OncallShiftListResponse> listOncallShifts(
            String scheduleId, OffsetDateTime from, OffsetDateTime to) {
        ScheduleRow schedule = service.get(CallerContext.current(), scheduleId);
        Instant start = from == null ? now() : millis(from);
        Instant end = to == null ? start.plus(DEFAULT_WINDOW) : millis(to);
        return HttpResponse.ok(new OncallShiftListResponse(new OncallShiftList(
                schedule.id(),
                whoIsOnCall.shifts(schedule, start, end).stream()
                        .map(shift -> new OncallShift(
                                shift.userId(),
                                utc(shift.start()),
                                utc(shift.end()),
                                shift.layerId(),
                                shift.overrideId()))
                        .toList())));
    }

    private HttpResponse<OncallScheduleDetailResponse> detail(ScheduleRow row) {
        return HttpResponse.ok(new OncallScheduleDetailResponse(new OncallScheduleDetail(
                row.id(),
                row.orgId(),
                row.name(),
                row.description(),
                row.timezone(),
                row.createdBy(),
                utc(row.createdAt()),
                utc(row.updatedAt()),
                service.layersOf(row).stream().map(OncallController::toApi).toList())));
    }

    private static LayerSettings settings(OncallLayerInput body) {
        // "" is how the Terraform provider says "never" when effective_until = "" is configured; stored as null.
        String until =
                body.getEffectiveUntil() == null || body.getEffectiveUntil().isEmpty()
                        ? null
                        : body.getEffectiveUntil();
        return new LayerSettings(
                body.getName(),
                RotationType.fromWireName(body.getRotationType().getValue()),
                body.getRotationLengthDays(),
                body.getHandoffTime(),
                body.getEffectiveFrom(),
                until,
                body.getParticipantIds());
    }

    private static OncallSchedule toApi(ScheduleRow row) {
        return new OncallSchedule(
                row.id(),
                row.orgId(),
                row.name(),
                row.description(),
                row.timezone(),
                row.createdBy(),
                utc(row.createdAt()),
                utc(row.updatedAt()));
    }

    private static OncallLayer toApi(LayerView layer) {
        LayerRow row = layer.row();
        return new OncallLayer(
                row.id(),
                row.scheduleId(),
                row.name(),
                row.layerPosition(),
                cloud.scaling.api.model.RotationType.fromValue(row.rotationType()),
                row.rotationLengthDays(),
                row.handoffTime(),
                row.effectiveFrom(),
                row.effectiveUntil(),
                layer.participantIds(),
                utc(row.createdAt()),
                utc(row.updatedAt()));
    }

    private static OncallOverride toApi(OverrideRow row) {
        return new OncallOverride(
                row.id(),
                row.scheduleId(),
                row.userId(),
                utc(row.startsAt()),
                utc(row.endsAt()),
                row.createdBy(),
                utc(row.createdAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant millis(OffsetDateTime value) {
        return value.toInstant().truncatedTo(ChronoUnit.MILLIS);
    }
}
