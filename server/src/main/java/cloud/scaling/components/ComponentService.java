package cloud.scaling.components;

import cloud.scaling.auth.Caller;
import cloud.scaling.escalation.PolicyDirectory;
import cloud.scaling.pagination.CursorCodec;
import cloud.scaling.pagination.CursorPosition;
import cloud.scaling.pagination.ResultPage;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.web.NameConflict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/** Component rules: names unique in the organization, aliases kept sorted, everything org-scoped. */
@Singleton
public class ComponentService {

    private static final String LIST = "components";
    private static final String UNIQUE_NAME = "components_name_unique_in_org";

    private final ComponentRepository components;
    private final PolicyDirectory escalationPolicies;
    private final CursorCodec cursors;
    private final JsonMapper json;
    private final Clock clock;

    public ComponentService(
            ComponentRepository components,
            PolicyDirectory escalationPolicies,
            CursorCodec cursors,
            JsonMapper json,
            Clock clock) {
        this.components = components;
        this.escalationPolicies = escalationPolicies;
        this.cursors = cursors;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ComponentRow create(Caller caller, ComponentState state) {
        requireFreeName(caller.orgId(), state.name());
        Instant now = clock.instant();
        ComponentRow row = new ComponentRow(
                RandomIds.prefixed("cmp"),
                caller.orgId(),
                state.name(),
                state.description(),
                aliasesJson(state.aliases()),
                state.operationalStatusOr(OperationalStatus.OPERATIONAL),
                startedAt(state.maintenanceWindow()),
                endsAt(state.maintenanceWindow()),
                escalationPolicy(caller, state.escalationPolicyId(), null),
                now,
                now);
        return NameConflict.guarding(() -> components.save(row), UNIQUE_NAME, "component", state.name());
    }

    @Transactional
    public ComponentRow update(Caller caller, String id, ComponentState state) {
        ComponentRow current = get(caller, id);
        MaintenancePeriod window = state.maintenanceWindow();
        if (!current.name().equals(state.name())) {
            requireFreeName(caller.orgId(), state.name());
        }
        ComponentRow changed = new ComponentRow(
                current.id(),
                current.orgId(),
                state.name(),
                state.description(),
                aliasesJson(state.aliases()),
                state.operationalStatusOr(current.operationalStatus()),
                window == null ? current.maintenanceStartedAt() : startedAt(window),
                window == null ? current.maintenanceEndsAt() : endsAt(window),
                escalationPolicy(caller, state.escalationPolicyId(), current.escalationPolicyId()),
                current.createdAt(),
                clock.instant());
        return NameConflict.guarding(() -> components.update(changed), UNIQUE_NAME, "component", state.name());
    }

    @Transactional
    public void delete(Caller caller, String id) {
        components.delete(get(caller, id));
    }

    /** The organization's component {@code id} as alerts use it; empty when it was deleted. */
    public java.util.Optional<PagingComponent> forAlerts(String orgId, String id) {
        return components
                .findByIdAndOrgId(id, orgId)
                .map(row -> new PagingComponent(row.id(), row.escalationPolicyId()));
    }

    public ComponentRow get(Caller caller, String id) {
        return components.findByIdAndOrgId(id, caller.orgId()).orElseThrow(() -> Refusal.notFound("Component " + id));
    }

    public ResultPage<ComponentRow> list(Caller caller, @Nullable String cursor, int limit) {
        List<ComponentRow> rows = cursor == null
                ? components.firstPage(caller.orgId(), limit + 1)
                : pageAfter(caller.orgId(), cursors.decode(LIST, caller.orgId(), cursor), limit + 1);
        return ResultPage.of(
                rows,
                limit,
                row -> new CursorPosition(row.createdAt(), row.id()),
                position -> cursors.encode(LIST, caller.orgId(), position));
    }

    public List<String> aliases(ComponentRow row) {
        try {
            return List.of(json.readValue(row.aliases(), String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ComponentRow> pageAfter(String orgId, CursorPosition after, int limit) {
        return components.pageAfter(orgId, after.createdAt(), after.id(), limit);
    }

    /** The default escalation policy a create or update leaves: null keeps {@code current}, "" removes it. */
    @Nullable
    private String escalationPolicy(Caller caller, @Nullable String requested, @Nullable String current) {
        if (requested == null) {
            return current;
        }
        if (requested.equals(ComponentState.NO_POLICY)) {
            return null;
        }
        // Locked until the commit: the policy's delete (which locks it first, then nulls this column through the
        // foreign key's ON DELETE SET NULL) cannot slip between this check and the write.
        if (!escalationPolicies.lock(requested, caller.orgId())) {
            throw Refusal.badRequest(
                    "invalid_escalation_policy_id",
                    "escalationPolicyId " + requested + " is not an escalation policy of this organization.");
        }
        return requested;
    }

    private void requireFreeName(String orgId, String name) {
        if (components.existsByOrgIdAndName(orgId, name)) {
            throw NameConflict.of("component", name);
        }
    }

    private String aliasesJson(@Nullable List<String> aliases) {
        try {
            return json.writeValueAsString(aliases == null ? List.of() : List.copyOf(new TreeSet<>(aliases)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant startedAt(@Nullable MaintenancePeriod window) {
        return window == null ? null : window.startedAt().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant endsAt(@Nullable MaintenancePeriod window) {
        return window == null || window.endsAt() == null
                ? null
                : window.endsAt().truncatedTo(ChronoUnit.MILLIS);
    }
}
