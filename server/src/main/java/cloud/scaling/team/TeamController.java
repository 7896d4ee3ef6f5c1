package cloud.scaling.team;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.TeamApi;
import cloud.scaling.api.model.AcceptedInvitation;
import cloud.scaling.api.model.AcceptedInvitationResponse;
import cloud.scaling.api.model.ApiKeyInfo;
import cloud.scaling.api.model.ApiKeyList;
import cloud.scaling.api.model.ApiKeyListResponse;
import cloud.scaling.api.model.Invitation;
import cloud.scaling.api.model.InvitationAcceptance;
import cloud.scaling.api.model.InvitationCreate;
import cloud.scaling.api.model.InvitationCreated;
import cloud.scaling.api.model.InvitationCreatedResponse;
import cloud.scaling.api.model.InvitationStatus;
import cloud.scaling.api.model.Member;
import cloud.scaling.api.model.MemberResponse;
import cloud.scaling.api.model.NewApiKey;
import cloud.scaling.api.model.NewApiKeyResponse;
import cloud.scaling.api.model.RoleChange;
import cloud.scaling.api.model.Team;
import cloud.scaling.api.model.TeamResponse;
import cloud.scaling.api.model.UserRole;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.auth.IssuedKey;
import cloud.scaling.auth.Role;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The team endpoints of the spec: members, invitations and members' API keys. Maps wire types only. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TeamController implements TeamApi {

    private final Members members;
    private final Invitations invitations;
    private final MemberKeys keys;

    TeamController(Members members, Invitations invitations, MemberKeys keys) {
        this.members = members;
        this.invitations = invitations;
        this.keys = keys;
    }

    @Override
    public HttpResponse<TeamResponse> listTeamMembers() {
        Caller caller = CallerContext.current();
        var memberList =
                members.list(caller).stream().map(TeamController::toApi).toList();
        var invitationList = invitations.usable(caller).stream()
                .map(row -> new Invitation(
                        row.id(),
                        row.emailAddress(),
                        UserRole.fromValue(row.role().wireName()),
                        InvitationStatus.PENDING,
                        utc(row.createdAt()),
                        utc(row.expiresAt())))
                .toList();
        return HttpResponse.ok(new TeamResponse(new Team(memberList, invitationList)));
    }

    @Override
    public HttpResponse<InvitationCreatedResponse> inviteTeamMember(InvitationCreate body) {
        Role role = body.getRole() == null
                ? Role.MEMBER
                : Role.fromWireName(body.getRole().getValue());
        Invitations.Created created = invitations.invite(CallerContext.current(), body.getEmailAddress(), role);
        InvitationRow row = created.invitation();
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new InvitationCreatedResponse(new InvitationCreated(
                        row.id(),
                        row.emailAddress(),
                        UserRole.fromValue(row.role().wireName()),
                        InvitationStatus.PENDING,
                        utc(row.createdAt()),
                        utc(row.expiresAt()),
                        created.token())));
    }

    @Override
    public HttpResponse<Void> revokeTeamInvitation(String invitationId) {
        invitations.revoke(CallerContext.current(), invitationId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<AcceptedInvitationResponse> acceptTeamInvitation(InvitationAcceptance body) {
        Invitations.Accepted accepted = invitations.accept(body.getToken(), body.getFirstName(), body.getLastName());
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new AcceptedInvitationResponse(
                        new AcceptedInvitation(toApi(accepted.member()), toApi(accepted.key()))));
    }

    @Override
    public HttpResponse<MemberResponse> changeTeamMemberRole(String userId, RoleChange body) {
        var member = members.changeRole(
                CallerContext.current(),
                userId,
                Role.fromWireName(body.getRole().getValue()));
        return HttpResponse.ok(new MemberResponse(toApi(member)));
    }

    @Override
    public HttpResponse<Void> removeTeamMember(String userId) {
        members.remove(CallerContext.current(), userId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<ApiKeyListResponse> listMemberApiKeys(String userId) {
        var list = keys.list(CallerContext.current(), userId).stream()
                .map(key -> new ApiKeyInfo(
                        key.id(),
                        key.displayPrefix(),
                        utc(key.createdAt()),
                        utc(key.lastUsedAt()),
                        utc(key.revokedAt())))
                .toList();
        return HttpResponse.ok(new ApiKeyListResponse(new ApiKeyList(list)));
    }

    @Override
    public HttpResponse<NewApiKeyResponse> issueMemberApiKey(String userId) {
        IssuedKey issued = keys.issue(CallerContext.current(), userId);
        return HttpResponse.status(HttpStatus.CREATED).body(new NewApiKeyResponse(toApi(issued)));
    }

    @Override
    public HttpResponse<Void> revokeMemberApiKey(String userId, String keyId) {
        keys.revoke(CallerContext.current(), userId, keyId);
        return HttpResponse.noContent();
    }

    private static Member toApi(cloud.scaling.orgs.Member user) {
        return new Member(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                null,
                UserRole.fromValue(user.role().wireName()),
                utc(user.createdAt()));
    }

    private static NewApiKey toApi(IssuedKey key) {
        return new NewApiKey(key.id(), key.displayPrefix(), utc(key.createdAt()), null, null, key.apiKey());
    }
}
