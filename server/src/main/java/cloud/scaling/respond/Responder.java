package cloud.scaling.respond;

import cloud.scaling.auth.Caller;
import cloud.scaling.auth.Role;
import cloud.scaling.escalation.EscalationPolicyService;
import cloud.scaling.incidents.EscalationPort;
import cloud.scaling.incidents.EscalationPort.Escalation;
import cloud.scaling.incidents.EscalationPort.Paged;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.incidents.IncidentSnapshot;
import cloud.scaling.incidents.StatusSteps;
import cloud.scaling.incidents.timeline.Timeline;
import cloud.scaling.orgs.Member;
import cloud.scaling.orgs.Membership;
import cloud.scaling.pager.PageNotice;
import cloud.scaling.pager.PageNotices;
import cloud.scaling.pager.PageToken;
import cloud.scaling.pager.PageTokens;
import cloud.scaling.pager.TokenPurpose;
import cloud.scaling.pager.TokenPurpose.Action;
import cloud.scaling.shared.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a page's link shows and does. Everything is reached through the token: its organization, incident
 * and user, so a link can never show or change anything else. Actions are done as the paged user through the
 * incident services (the same rules, events and escalation stop as the API), audited with the channel of the page
 * the link came in ({@code page_email}, {@code page_slack}, {@code page_teams}).
 */
@Singleton
class Responder {

    private final PageTokens tokens;
    private final PageNotices notices;
    private final IncidentService incidentService;
    private final StatusSteps statusSteps;
    private final Timeline timeline;
    private final EscalationPort escalation;
    private final EscalationPolicyService policies;
    private final Membership membership;
    private final Clock clock;

    Responder(
            PageTokens tokens,
            PageNotices notices,
            IncidentService incidentService,
            StatusSteps statusSteps,
            Timeline timeline,
            EscalationPort escalation,
            EscalationPolicyService policies,
            Membership membership,
            Clock clock) {
        this.tokens = tokens;
        this.notices = notices;
        this.incidentService = incidentService;
        this.statusSteps = statusSteps;
        this.timeline = timeline;
        this.escalation = escalation;
        this.policies = policies;
        this.membership = membership;
        this.clock = clock;
    }

    /** Why a link cannot do what was asked: the responder page says it, with the incident as it is. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The incident as the link's holder sees it; empty for a token never issued, or its user's since removal. */
    @Transactional(readOnly = true)
    public Optional<Shown> show(String token, @Nullable String outcome, @Nullable String problem) {
        // A person removed from the organization no longer sees its incidents, through old links neither.
        return tokens.find(token, false)
                .filter(row -> membership.isMember(row.userId(), row.orgId()))
                .map(row -> shown(row, outcome, problem));
    }

    /**
     * Does {@code action} as the paged user, once per token; throws {@link Refused} (nothing changed) when the link
     * cannot, and answers empty for a token never issued. Returns what happened, in words.
     */
    @Transactional
    public Optional<String> act(String token, Action action) {
        Optional<PageToken> found = tokens.find(token, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PageToken row = found.get();
        Instant now = clock.instant();
        if (!row.purpose().permits(action)) {
            throw new Refused("This link cannot " + verb(action) + " the incident; use the email's " + name(action)
                    + " link or its link to the incident.");
        }
        if (!now.isBefore(row.expiresAt())) {
            throw new Refused(expired(row));
        }
        Optional<Instant> used = tokens.usedAt(row, action);
        if (used.isPresent()) {
            throw new Refused("This link already did " + name(action) + " at " + used.get() + "; each link does it"
                    + " once. The incident as it is now:");
        }
        Member user = membership
                .member(row.userId(), row.orgId())
                .orElseThrow(() -> new Refused("You are no longer a member of the organization."));
        String channel = notices.channelOf(row.pageId()).orElse("email");
        Caller caller = new Caller(row.orgId(), user.id(), null, user.role(), "page_" + channel);
        tokens.use(row, action, now);
        IncidentSnapshot incident = incidentService.snapshot(caller, row.incidentId());
        if (action == Action.ACKNOWLEDGE) {
            if (incident.status().resolved() || incident.acknowledgedAt() != null) {
                return Optional.of("Nothing to do: the incident is already "
                        + (incident.status().resolved() ? "resolved." : "acknowledged."));
            }
            incidentService.acknowledge(caller, incident.id());
            return Optional.of("Acknowledged. Escalation has stopped: nobody else will be paged for it.");
        }
        if (incident.status().resolved()) {
            return Optional.of("Nothing to do: the incident is already resolved.");
        }
        statusSteps.resolve(
                caller, incident.id(), "Resolved by " + user.displayName() + " from the page (" + channel + ").");
        return Optional.of("Resolved.");
    }

    private Shown shown(PageToken row, @Nullable String outcome, @Nullable String problem) {
        Instant now = clock.instant();
        Caller reader = new Caller(row.orgId(), row.userId(), null, Role.MEMBER);
        IncidentSnapshot incident = incidentService.snapshot(reader, row.incidentId());
        PageNotice notice = notices.describe(row.pageId(), reader);
        List<Timeline.Posted> updates = timeline.posted(reader, incident.id());
        List<Paged> paged = escalation.pagesOf(incident.id());
        Escalation escalated = escalation.escalationOf(incident.id());
        Set<String> people = new HashSet<>();
        people.add(row.userId());
        if (incident.ownerId() != null) {
            people.add(incident.ownerId());
        }
        if (incident.acknowledgedBy() != null) {
            people.add(incident.acknowledgedBy());
        }
        updates.forEach(update -> people.add(update.postedBy()));
        paged.forEach(page -> people.add(page.userId()));
        Map<String, String> names = membership.displayNames(people);
        Function<String, String> name = id -> id == null ? null : names.getOrDefault(id, id);

        String notes = problem;
        List<Action> buttons = new ArrayList<>();
        boolean expired = !now.isBefore(row.expiresAt());
        if (expired && problem == null && outcome == null) {
            notes = expired(row);
        }
        for (Action action : EnumSet.allOf(Action.class)) {
            boolean applies = action == Action.ACKNOWLEDGE
                    ? incident.acknowledgedAt() == null && !incident.status().resolved()
                    : !incident.status().resolved();
            Optional<Instant> used = tokens.usedAt(row, action);
            if (row.purpose().permits(action) && !expired && used.isEmpty() && applies) {
                buttons.add(action);
            } else if (row.purpose() != TokenPurpose.RESPOND
                    && row.purpose().permits(action)
                    && used.isPresent()
                    && notes == null
                    && outcome == null) {
                notes = "This link already did " + name(action) + " at " + used.get() + ". The incident as it is now:";
            }
        }
        String policyName = escalated == null
                ? null
                : policies.nameOf(row.orgId(), escalated.policyId()).orElse(escalated.policyId());
        return new Shown(
                row,
                notice,
                incident,
                name.apply(row.userId()),
                name.apply(incident.ownerId()),
                name.apply(incident.acknowledgedBy()),
                escalated,
                policyName,
                updates,
                paged,
                names,
                buttons,
                outcome,
                notes);
    }

    private static String expired(PageToken row) {
        return "This link expired at " + row.expiresAt() + " (links work for " + PageTokens.LIFETIME.toHours()
                + " hours). The incident as it is now:";
    }

    static String name(Action action) {
        return action == Action.ACKNOWLEDGE ? "Acknowledge" : "Resolve";
    }

    private static String verb(Action action) {
        return action == Action.ACKNOWLEDGE ? "acknowledge" : "resolve";
    }

    /**
     * @param outcome what the action just done did
     * @param problem why the link cannot act (expired, used, another action's link)
     */
    record Shown(
            PageToken token,
            PageNotice notice,
            IncidentSnapshot incident,
            String paged,
            @Nullable String owner,
            @Nullable String acknowledgedBy,
            @Nullable Escalation escalation,
            @Nullable String policyName,
            List<Timeline.Posted> updates,
            List<Paged> pages,
            Map<String, String> names,
            List<Action> buttons,
            @Nullable String outcome,
            @Nullable String problem) {}

    /** The answer of an API rule refusing the action (a racing change), as a refusal of the link. */
    static Refused refusal(Refusal refused) {
        return new Refused(refused.getMessage() + " The incident as it is now:");
    }
}
