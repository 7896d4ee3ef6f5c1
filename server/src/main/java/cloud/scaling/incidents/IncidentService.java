package cloud.scaling.incidents;

import cloud.scaling.auth.Caller;
import cloud.scaling.orgs.UserRepository;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The incident rules: creation, reads and listing, always within the caller's organization. */
@Singleton
public class IncidentService {

    static final String INITIAL_STATUS = "investigating";

    private final IncidentRepository incidents;
    private final IncidentListing listing;
    private final CursorCodec cursors;
    private final UserRepository users;
    private final Clock clock;

    public IncidentService(IncidentRepository incidents, IncidentListing listing, CursorCodec cursors,
                           UserRepository users, Clock clock) {
        this.incidents = incidents;
        this.listing = listing;
        this.cursors = cursors;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public IncidentRow create(Caller caller, NewIncident command) {
        if (command.ownerId() != null && users.findByIdAndOrgId(command.ownerId(), caller.orgId()).isEmpty()) {
            throw new ApiException(Problem.badRequest("invalid_owner_id",
                    "ownerId " + command.ownerId() + " is not a user of this organization."));
        }
        if (command.escalationPolicyId() != null) {
            throw new ApiException(Problem.badRequest("invalid_escalation_policy_id",
                    "escalationPolicyId " + command.escalationPolicyId()
                            + " is not an escalation policy of this organization."));
        }
        // Stored at the precision the wire shows, so that what a client reads back is what sorts and pages.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return incidents.save(new IncidentRow(UUID.randomUUID(), caller.orgId(), command.title(),
                command.description(), command.severity(), INITIAL_STATUS, command.ownerId(), null,
                caller.userId(), now, now));
    }

    public IncidentRow get(Caller caller, UUID id) {
        return incidents.findByIdAndOrgId(id, caller.orgId())
                .orElseThrow(() -> new ApiException(Problem.notFound("Incident " + id)));
    }

    @Transactional(readOnly = true)
    public KeysetPage list(Caller caller, IncidentFilter filter, @Nullable String cursor, int limit) {
        PagePosition after = cursor == null ? null : cursors.decode(caller.orgId(), cursor);
        // One extra row tells whether another page follows without a count query.
        List<IncidentRow> rows = listing.page(caller.orgId(), filter, after, limit + 1);
        if (rows.size() <= limit) {
            return new KeysetPage(rows, null);
        }
        List<IncidentRow> page = rows.subList(0, limit);
        IncidentRow last = page.get(limit - 1);
        return new KeysetPage(page, cursors.encode(caller.orgId(), new PagePosition(last.createdAt(), last.id())));
    }
}
