package cloud.scaling.orgs;

import cloud.scaling.api.UsersApi;
import cloud.scaling.api.model.UserList;
import cloud.scaling.api.model.UserListResponse;
import cloud.scaling.api.model.UserResponse;
import cloud.scaling.api.model.UserRole;
import cloud.scaling.api.model.UserUpdate;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * /v1/users: the caller's organization's users, as the Terraform provider reads them, and their names and email
 * addresses, which a user changes for themself and an admin for anyone.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController implements UsersApi {

    private static final Problem NOT_YOURS = new Problem(
            HttpStatus.UNAUTHORIZED, "not_authorized", "Only an org:admin may change another user's details.");

    private final UserRepository users;
    private final UserDetails details;

    public UserController(UserRepository users, UserDetails details) {
        this.users = users;
        this.details = details;
    }

    @Override
    public HttpResponse<UserListResponse> listUsers() {
        var list = users.listOf(CallerContext.current().orgId()).stream()
                .map(UserController::toApi)
                .toList();
        return HttpResponse.ok(new UserListResponse(new UserList(list)));
    }

    @Override
    public HttpResponse<UserResponse> updateUser(String userId, UserUpdate body) {
        Caller caller = CallerContext.current();
        // Another organization's user is not found, whoever asks; within it, a member changes only themself.
        if (users.findByIdAndOrgId(userId, caller.orgId()).isEmpty()) {
            throw new ApiException(Problem.notFound("User " + userId));
        }
        if (!caller.isAdmin() && !caller.userId().equals(userId)) {
            throw new ApiException(NOT_YOURS);
        }
        var change = new UserDetails.Change(body.getFirstName(), body.getLastName(), body.getEmail());
        if (change.isEmpty()) {
            throw new ApiException(
                    Problem.badRequest("empty_update", "Give firstName, lastName or email: nothing to change."));
        }
        // The schema's pattern lets through what mail servers refuse (quotes, brackets); the admin command's check.
        if (change.email() != null && !EmailAddresses.isValid(change.email())) {
            throw new ApiException(Problem.invalid("invalid_format", "email", "must be a valid email address."));
        }
        try {
            return HttpResponse.ok(
                    new UserResponse(toApi(details.change(caller.orgId(), userId, change, caller.userId()))));
        } catch (ProvisioningRefused refused) {
            throw new ApiException(
                    switch (refused.reason()) {
                        // Removed while this request ran.
                        case NOT_FOUND -> Problem.notFound("User " + userId);
                        case CONFLICT -> new Problem(HttpStatus.CONFLICT, "email_in_use", refused.getMessage());
                        case INVALID ->
                            new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_format", refused.getMessage());
                    });
        }
    }

    private static cloud.scaling.api.model.User toApi(UserRow user) {
        return new cloud.scaling.api.model.User(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.email(),
                UserRole.fromValue(user.role().wireName()));
    }
}
