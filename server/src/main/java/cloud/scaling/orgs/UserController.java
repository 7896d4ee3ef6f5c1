package cloud.scaling.orgs;

import cloud.scaling.api.UsersApi;
import cloud.scaling.api.model.UserList;
import cloud.scaling.api.model.UserListResponse;
import cloud.scaling.api.model.UserRole;
import cloud.scaling.auth.CallerContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** GET /v1/users: the caller's organization's users, as the Terraform provider reads them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController implements UsersApi {

    private final UserRepository users;

    public UserController(UserRepository users) {
        this.users = users;
    }

    @Override
    public HttpResponse<UserListResponse> listUsers() {
        var list = users.listOf(CallerContext.current().orgId()).stream()
                .map(user -> new cloud.scaling.api.model.User(
                        user.id(),
                        user.firstName(),
                        user.lastName(),
                        user.email(),
                        UserRole.fromValue(user.role().wireName())))
                .toList();
        return HttpResponse.ok(new UserListResponse(new UserList(list)));
    }
}
