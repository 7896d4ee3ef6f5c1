package cloud.scaling.contract.server;

import cloud.scaling.contract.server.support.Call;
import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.SpecOperation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The spec's conventions for what it does not list: an unknown route answers {@code 404 not_found} and an
 * unsupported method on a known route {@code 405 method_not_allowed} with an {@code Allow} header naming the
 * documented methods, both with the {@code ApiError} body.
 */
class RoutingConventionsContractTest extends ServerContractTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void unknownRoutesAreNotFound() {
        Org caller = newOrg();
        http.get("/v1/no-such-route").as(caller).outsideSpec().send().expectError(404, "not_found");
        http.get("/no-such-route").outsideSpec().send().expectError(404, "not_found");
    }

    @TestFactory
    Stream<DynamicTest> undocumentedMethodsAreNotAllowed() {
        Org owner = newOrg();
        return SPEC.methodsByPath().entrySet().stream().flatMap(path -> {
            SpecOperation documented = SPEC.operations().stream()
                    .filter(op -> op.path().equals(path.getKey())).findFirst().orElseThrow();
            String concretePath = objects.path(documented, owner);
            // Every documented method that reaches this concrete path, including other templates' (DELETE
            // /v1/team/members/{userId} also reaches /v1/team/members/invite).
            Set<String> allowed = SPEC.operations().stream()
                    .filter(op -> op.pathPattern().matcher(concretePath).matches()).map(SpecOperation::method)
                    .collect(Collectors.toCollection(TreeSet::new));
            return METHODS.stream().filter(method -> !allowed.contains(method)).map(method ->
                    dynamicTest(method + " " + path.getKey(), () -> {
                        Call call = http.call(method, concretePath).outsideSpec();
                        if (documented.secured()) {
                            call.as(owner);
                        }
                        if (!"GET".equals(method) && !"DELETE".equals(method)) {
                            call.json("{}");
                        }
                        Reply reply = call.send();
                        reply.expectError(405, "method_not_allowed");
                        assertEquals(allowed, allowHeader(reply), method + " " + path.getKey()
                                + ": the Allow header must name the methods the spec documents");
                    }));
        });
    }

    /** The documented methods in the Allow header; HEAD and OPTIONS, which HTTP servers add, aside. */
    private static Set<String> allowHeader(Reply reply) {
        String header = reply.header("Allow");
        if (header == null) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(METHODS::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
