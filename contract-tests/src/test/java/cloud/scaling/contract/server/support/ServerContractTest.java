package cloud.scaling.contract.server.support;

import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.List;
import java.util.function.Predicate;

/**
 * What every server contract test starts from: the shared real server, the spec, and organizations of its
 * own (tests never share an organization, so they cannot see each other's rows).
 */
public abstract class ServerContractTest {

    protected static final Spec SPEC = Spec.current();

    protected final ContractServer server = ContractServer.shared();
    protected final ContractHttp http = server.http();
    protected final OwnedObjects objects = new OwnedObjects(server, SPEC);

    protected Org newOrg() {
        return server.newOrganization();
    }

    protected Org newMember(Org org) {
        return server.newMember(org);
    }

    /** A request the spec allows, on objects {@code owner} owns, with the smallest valid body. */
    protected Call validCall(SpecOperation operation, Org owner) {
        return validCall(operation, objects.path(operation, owner), owner);
    }

    /** As above on a given path; a null {@code caller} sends no key. */
    protected Call validCall(SpecOperation operation, String path, Org caller) {
        Call call = http.call(operation.method(), path);
        if (caller != null) {
            call.as(caller);
        }
        operation.requestSchema().ifPresent(schema -> call.json(Samples.valid(schema)));
        return call;
    }

    protected static List<SpecOperation> operations(Predicate<SpecOperation> which) {
        return SPEC.operations().stream().filter(which).toList();
    }
}
