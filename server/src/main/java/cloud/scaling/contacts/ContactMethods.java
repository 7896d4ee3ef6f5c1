package cloud.scaling.contacts;

import cloud.scaling.auth.Caller;
import cloud.scaling.orgs.MemberRemoved;
import cloud.scaling.orgs.Membership;
import cloud.scaling.secrets.SealedText;
import cloud.scaling.secrets.ServerSecrets;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.web.OutboundUrls;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users' chat contact methods: a user manages their own, an admin anyone's. The webhook URL is a credential (it
 * lets anyone post to the channel), so it is stored sealed and shown only masked, even in the answer that adds it.
 */
@Singleton
public class ContactMethods {

    static final int MAX_PER_USER = 10;
    private static final int VISIBLE_TAIL = 4;
    private static final Refusal NOT_YOURS =
            Refusal.unauthorized("not_authorized", "Only an org:admin may manage another user's contact methods.");

    /** Where a page goes: the channel's type and its webhook URL, opened. */
    public record Target(String type, URI url, String maskedUrl) {}

    /** A contact method pages go to: its id and its type ({@code slack}, {@code teams}). */
    public record Channel(String id, String type) {}

    private final ContactMethodRepository repository;
    private final Membership members;
    private final SealedText sealed;
    private final Clock clock;

    ContactMethods(ContactMethodRepository repository, Membership members, ServerSecrets secrets, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.sealed = new SealedText(secrets, "contact-method-key");
        this.clock = clock;
    }

    public List<ContactMethodRow> list(Caller caller, String userId) {
        requireManageable(caller, userId);
        return repository.ofUser(caller.orgId(), userId);
    }

    @Transactional
    public ContactMethodRow create(Caller caller, String userId, String type, String url, @Nullable String label) {
        requireManageable(caller, userId);
        URI uri = OutboundUrls.requireUsable("url", url);
        // The member's row, locked until the commit: creates for one user count one after the other (so the limit
        // holds under a race), and a removal under way (which deletes their contact methods) finishes first.
        if (!members.lockMember(userId, caller.orgId())) {
            throw Refusal.notFound("User " + userId);
        }
        if (repository.countByUserIdAndOrgId(userId, caller.orgId()) >= MAX_PER_USER) {
            throw Refusal.conflict(
                    "too_many_contact_methods",
                    "A user has at most " + MAX_PER_USER + " contact methods; delete one first.");
        }
        String id = RandomIds.prefixed("cm");
        return repository.save(new ContactMethodRow(
                id, caller.orgId(), userId, type, sealed.seal(id, url), masked(uri), label, clock.instant()));
    }

    @Transactional
    public void delete(Caller caller, String userId, String contactMethodId) {
        requireManageable(caller, userId);
        ContactMethodRow row = repository
                .findByIdAndUserIdAndOrgId(contactMethodId, userId, caller.orgId())
                .orElseThrow(() -> Refusal.notFound("Contact method " + contactMethodId));
        repository.delete(row);
    }

    /**
     * A removed member is paged no more: their webhook URLs, credentials to their channels, are not kept either
     * (in the transaction that removes them).
     */
    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        repository.deleteOfUser(event.orgId(), event.userId());
    }

    /**
     * The contact methods a page to each of these users goes to besides email, oldest first; one query. A user
     * without any has no entry.
     */
    public Map<String, List<Channel>> pagedOn(String orgId, Collection<String> userIds) {
        Map<String, List<Channel>> channels = new HashMap<>();
        if (!userIds.isEmpty()) {
            repository
                    .ofUsers(orgId, userIds)
                    .forEach(row -> channels.computeIfAbsent(row.userId(), user -> new ArrayList<>())
                            .add(new Channel(row.id(), row.type())));
        }
        return channels;
    }

    /** Where to deliver a page made to {@code contactMethodId}; empty once it is deleted. */
    public Optional<Target> target(String contactMethodId) {
        return repository
                .findById(contactMethodId)
                .map(row ->
                        new Target(row.type(), URI.create(sealed.open(row.id(), row.urlSealed())), row.maskedUrl()));
    }

    /** Another organization's user is not found, whoever asks; within it, a member manages only themselves. */
    private void requireManageable(Caller caller, String userId) {
        if (!members.isMember(userId, caller.orgId())) {
            throw Refusal.notFound("User " + userId);
        }
        if (!caller.isAdmin() && !caller.userId().equals(userId)) {
            throw NOT_YOURS;
        }
    }

    /** Scheme, host and port, then the last few characters: enough to tell two apart, never enough to post. */
    static String masked(URI uri) {
        String origin = uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String tail = rest.length() > 3 * VISIBLE_TAIL ? rest.substring(rest.length() - VISIBLE_TAIL) : "";
        return origin + "/…" + tail;
    }
}
