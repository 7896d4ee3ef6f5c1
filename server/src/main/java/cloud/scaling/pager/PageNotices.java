package cloud.scaling.pager;

import cloud.scaling.auth.Caller;
import cloud.scaling.components.AffectedComponents;
import cloud.scaling.components.NamedComponent;
import cloud.scaling.escalation.EscalationPolicyService;
import cloud.scaling.incidents.IncidentRow;
import cloud.scaling.incidents.IncidentService;
import cloud.scaling.shared.WireEnum;
import cloud.scaling.web.PublicUrl;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes what a page tells the person paged ({@link PageNotice}), whatever the channel renders it: the incident,
 * its components, the opening alert's labels and links, which level of which policy paged (or the handoff), and
 * the links back, each with a token minted for this page's user. Without a public address there are no links.
 */
@Singleton
public class PageNotices {

    /** Where a page's links lead: the responder page and its actions, {@code /respond/<token>}. */
    public static final String RESPOND_PATH = "/respond/";

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

    /** The notice of one delivery attempt, with freshly minted links; call it in a write transaction. */
    PageNotice compose(PageRow page, IncidentRow incident) {
        return compose(page, incident, true);
    }

    /**
     * What the page told its user, without links: the responder page shows it to whoever holds one of the page's
     * tokens.
     */
    private PageNotice describe(PageRow page, IncidentRow incident) {
        return compose(page, incident, false);
    }

    /**
     * {@link #describe(PageRow, IncidentRow)} of the page with this id, its incident read as {@code reader} sees it:
     * for features that read neither pages nor incidents.
     */
    public PageNotice describe(String pageId, Caller reader) {
        PageRow page = pages.findById(pageId).orElseThrow();
        return describe(page, incidents.get(reader, page.incidentId()));
    }

    /** The channel the page with this id went by ({@code email}, {@code slack}, {@code teams}). */
    public Optional<String> channelOf(String pageId) {
        return pages.findById(pageId).map(PageRow::channel);
    }

    private PageNotice compose(PageRow page, IncidentRow incident, boolean links) {
        Optional<OpeningAlertPort.OpeningAlert> alert = alerts.of(incident.id());
        boolean linked = links && publicUrl.configured();
        return new PageNotice(
                incident.id(),
                incident.title(),
                WireEnum.wire(incident.severity()),
                WireEnum.wire(incident.status()),
                incident.description(),
                components.of(List.of(incident.id())).get(incident.id()).stream()
                        .map(NamedComponent::name)
                        .toList(),
                why(page, incident),
                alert.map(OpeningAlertPort.OpeningAlert::labels).orElse(Map.of()),
                alert.map(OpeningAlertPort.OpeningAlert::links).orElse(List.of()),
                linked ? link(page, TokenPurpose.RESPOND) : null,
                linked ? link(page, TokenPurpose.ACKNOWLEDGE) : null,
                linked ? link(page, TokenPurpose.RESOLVE) : null);
    }

    private URI link(PageRow page, TokenPurpose purpose) {
        String token = tokens.mint(page.orgId(), page.incidentId(), page.userId(), page.id(), purpose);
        return publicUrl.resolve(RESPOND_PATH + token).orElseThrow();
    }

    private String why(PageRow page, IncidentRow incident) {
        if (page.reason() == PageReason.HANDOFF) {
            return "The incident was handed off to you.";
        }
        String policyId =
                escalations.findById(incident.id()).map(EscalationRow::policyId).orElse(incident.escalationPolicyId());
        String policy = policyId == null
                ? "its escalation policy"
                : policies.nameOf(page.orgId(), policyId)
                        .map(name -> "escalation policy \"" + name + "\"")
                        .orElse("its escalation policy (since deleted)");
        return "You are paged by level " + page.level() + " of " + policy + ".";
    }
}
