package cloud.scaling.contract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.contract.server.support.Call;
import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.SpecOperation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the spec says ({@code x-unmatched-requests}) about requests no operation matches: an unknown route, a
 * known one with a trailing slash included, answers {@code 404 not_found}, and a method the path does not
 * document, {@code HEAD} and {@code OPTIONS} included, {@code 405 method_not_allowed} with an {@code Allow}
 * header naming exactly the documented methods; both with the {@code ApiError} body (none for HEAD).
 */
class RoutingConventionsContractTest extends ServerContractTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Test
    void unknownRoutesAreNotFound() {
        Org caller = newOrg();
        http.get("/v1/no-such-route").as(caller).outsideSpec().send().expectError(404, "not_found");
        http.get("/no-such-route").outsideSpec().send().expectError(404, "not_found");
        http.get("/").outsideSpec().send().expectError(404, "not_found");
        http.get("/v1/incidents/" + UUID.randomUUID() + "/no-such-route")
                .as(caller)
                .outsideSpec()
                .send()
                .expectError(404, "not_found");
    }

    @TestFactory
    Stream<DynamicTest> aTrailingSlashNamesNoRoute() {
        Org owner = newOrg();
        return SPEC.operations().stream()
                .map(op -> dynamicTest(
                        op.method() + " " + op.path() + "/",
                        () -> validCall(op, objects.path(op, owner) + "/", owner)
                                .outsideSpec()
                                .send()
                                .expectError(404, "not_found")));
    }

    @TestFactory
    Stream<DynamicTest> undocumentedMethodsAreNotAllowed() {
        Org owner = newOrg();
        return SPEC.methodsByPath().entrySet().stream().flatMap(path -> {
            SpecOperation documented = SPEC.operations().stream()
                    .filter(op -> op.path().equals(path.getKey()))
                    .findFirst()
                    .orElseThrow();
            String concretePath = objects.path(documented, owner);
            // Every documented method of the most concrete templates that match this path (Spec.operationsAt).
            Set<String> allowed = SPEC.operationsAt(concretePath).stream()
                    .map(SpecOperation::method)
                    .collect(Collectors.toCollection(TreeSet::new));
            return METHODS.stream()
                    .filter(method -> !allowed.contains(method))
                    .map(method -> dynamicTest(method + " " + path.getKey(), () -> {
                        Call call = http.call(method, concretePath).outsideSpec();
                        if (documented.secured()) {
                            call.as(owner);
                        }
                        if (WITH_BODY.contains(method)) {
                            call.json("{}");
                        }
                        Reply reply = call.send().expect(405);
                        if (!"HEAD".equals(method)) {
                            reply.expectError(405, "method_not_allowed");
                        }
                        assertEquals(
                                allowed,
                                allowHeader(reply),
                                method + " " + path.getKey()
                                        + ": the Allow header must name the methods the spec documents");
                    }));
        });
    }

    private static Set<String> allowHeader(Reply reply) {
        String header = reply.header("Allow");
        if (header == null) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }
}
