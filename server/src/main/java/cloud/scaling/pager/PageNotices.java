package cloud.scaling.pager;

import cloud.scaling.auth.Caller;
import cloud.scaling.components.AffectedComponents;
import cloud.scaling.components.NamedComponent;
import cloud.scaling.escalation.EscalationPolicyService;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.incidents.IncidentSummary;
import cloud.scaling.shared.WireEnum;
import cloud.scaling.web.PublicUrl;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Composes what a page tells the person paged ({@link PageNotice}), whatever the channel renders it: the incident,
 * its components, the opening alert's labels and links, which level of which policy paged (or the handoff), and
 * the links back, each with a token minted for this page's user. Without a public address there are no links.
 */
@Singleton
public class PageNotices {

    /** Where a page's links lead: the responder page and its actions, {@code /respond/<token>}. */
    public static final String RESPOND_PATH = "/respond/";

    /** The links a page carries, in the order of its notice's fields. */
    private static final List<TokenPurpose> LINKS =
            List.of(TokenPurpose.RESPOND, TokenPurpose.ACKNOWLEDGE, TokenPurpose.RESOLVE);

    private final AffectedComponents components;
    private final OpeningAlertPort alerts;
    private final EscalationPolicyService policies;
    private final EscalationRepository escalations;
    private final PageTokens tokens;
    private final PageRepository pages;
    private final IncidentService incidents;
    private final PublicUrl publicUrl;

    PageNotices(
            AffectedComponents components,
            OpeningAlertPort alerts,
            EscalationPolicyService policies,
            EscalationRepository escalations,
            PageTokens tokens,
            PageRepository pages,
            IncidentService incidents,
            PublicUrl publicUrl) {
        this.components = components;
        this.alerts = alerts;
        this.policies = policies;
        this.escalations = escalations;
        this.tokens = tokens;
        this.pages = pages;
        this.incidents = incidents;
        this.publicUrl = publicUrl;
    }

    /**
     * The notice of one delivery attempt of each page, in order, with freshly minted links; a few queries for all
     * of them. Call it in a write transaction.
     */
    List<PageNotice> compose(List<PageRow> pages, Map<UUID, IncidentSummary> incidents) {
        return compose(pages, incidents, true);
    }

    /**
     * What the page with this id told its user, without links, its incident read as {@code reader} sees it: the
     * responder page shows it to whoever holds one of the page's tokens.
     */
    public PageNotice describe(String pageId, Caller reader) {
        PageRow page = pages.findById(pageId).orElseThrow();
        IncidentSummary incident = incidents.summary(reader, page.incidentId());
        return compose(List.of(page), Map.of(incident.id(), incident), false).get(0);
    }

    /** The channel the page with this id went by ({@code email}, {@code slack}, {@code teams}). */
    public Optional<String> channelOf(String pageId) {
        return pages.findById(pageId).map(PageRow::channel);
    }

    private List<PageNotice> compose(List<PageRow> pages, Map<UUID, IncidentSummary> incidents, boolean links) {
        Set<UUID> incidentIds = pages.stream().map(PageRow::incidentId).collect(Collectors.toSet());
        Map<UUID, OpeningAlertPort.OpeningAlert> opening = alerts.of(incidentIds);
        Map<UUID, List<NamedComponent>> affected = components.of(incidentIds);
        Map<UUID, String> policyOf = new HashMap<>();
        escalations.findByIncidentIdIn(incidentIds).stream()
                .filter(row -> row.policyId() != null)
                .forEach(row -> policyOf.put(row.incidentId(), row.policyId()));
        Map<String, String> policyNames = new HashMap<>();
        boolean linked = links && publicUrl.configured();
        List<String> tokens = linked ? this.tokens.mint(pages, LINKS) : List.of();
        List<PageNotice> notices = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            PageRow page = pages.get(i);
            IncidentSummary incident = incidents.get(page.incidentId());
            Optional<OpeningAlertPort.OpeningAlert> alert = Optional.ofNullable(opening.get(incident.id()));
            String policyId = policyOf.getOrDefault(incident.id(), incident.escalationPolicyId());
            notices.add(new PageNotice(
                    incident.id(),
                    incident.title(),
                    WireEnum.wire(incident.severity()),
                    WireEnum.wire(incident.status()),
                    incident.description(),
                    affected.getOrDefault(incident.id(), List.of()).stream()
                            .map(NamedComponent::name)
                            .toList(),
                    why(page, policyId, policyNames),
                    alert.map(OpeningAlertPort.OpeningAlert::labels).orElse(Map.of()),
                    alert.map(OpeningAlertPort.OpeningAlert::links).orElse(List.of()),
                    linked ? link(tokens.get(LINKS.size() * i)) : null,
                    linked ? link(tokens.get(LINKS.size() * i + 1)) : null,
                    linked ? link(tokens.get(LINKS.size() * i + 2)) : null));
        }
        return notices;
    }

    private URI link(String token) {
        return publicUrl.resolve(RESPOND_PATH + token).orElseThrow();
    }

    /** @param policyNames the names of policies already read, by org and id: a batch's pages share a few */
    private String why(PageRow page, @Nullable String policyId, Map<String, String> policyNames) {
        if (page.reason() == PageReason.HANDOFF) {
            return "The incident was handed off to you.";
        }
        String policy = policyId == null
                ? "its escalation policy"
                : policyNames.computeIfAbsent(
                        page.orgId() + "/" + policyId,
                        key -> policies.nameOf(page.orgId(), policyId)
                                .map(name -> "escalation policy \"" + name + "\"")
                                .orElse("its escalation policy (since deleted)"));
        return "You are paged by level " + page.level() + " of " + policy + ".";
    }
}
