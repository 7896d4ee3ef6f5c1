package cloud.scaling.contacts;

import cloud.scaling.api.ContactMethodsApi;
import cloud.scaling.api.model.ContactMethod;
import cloud.scaling.api.model.ContactMethodInput;
import cloud.scaling.api.model.ContactMethodList;
import cloud.scaling.api.model.ContactMethodListResponse;
import cloud.scaling.api.model.ContactMethodResponse;
import cloud.scaling.api.model.ContactMethodType;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.web.WireTime;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** /v1/users/{userId}/contact-methods: the chat channels a user is paged on. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ContactMethodController implements ContactMethodsApi {

    private final ContactMethods contactMethods;

    ContactMethodController(ContactMethods contactMethods) {
        this.contactMethods = contactMethods;
    }

    @Override
    public HttpResponse<ContactMethodListResponse> listContactMethods(String userId) {
        var list = contactMethods.list(CallerContext.current(), userId).stream()
                .map(ContactMethodController::toApi)
                .toList();
        return HttpResponse.ok(new ContactMethodListResponse(new ContactMethodList(list)));
    }

    @Override
    public HttpResponse<ContactMethodResponse> createContactMethod(String userId, ContactMethodInput body) {
        ContactMethodRow created = contactMethods.create(
                CallerContext.current(), userId, body.getType().getValue(), body.getUrl(), body.getLabel());
        return HttpResponse.status(HttpStatus.CREATED).body(new ContactMethodResponse(toApi(created)));
    }

    @Override
    public HttpResponse<Void> deleteContactMethod(String userId, String contactMethodId) {
        contactMethods.delete(CallerContext.current(), userId, contactMethodId);
        return HttpResponse.noContent();
    }

    private static ContactMethod toApi(ContactMethodRow row) {
        return new ContactMethod(
                row.id(),
                ContactMethodType.fromValue(row.type()),
                row.maskedUrl(),
                row.label(),
                WireTime.utc(row.createdAt()));
    }
}
