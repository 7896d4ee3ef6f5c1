package cloud.scaling.support;

import java.util.List;
import java.util.Map;

/**
 * Judges an exchange of {@link ApiClient} once its answer is in, before the test sees it; a problem throws an
 * {@link AssertionError}. The server's tests plug in the spec's validator here; the test kit itself knows no spec.
 */
@FunctionalInterface
public interface ExchangeCheck {

    /** Judges nothing: the client as a curl user has it. */
    ExchangeCheck NONE = (request, response) -> {};

    void check(Sent request, ApiResponse response);

    /**
     * A request as the client sent it.
     *
     * @param target  path and raw query
     * @param body    null for none
     * @param uncheckedBecause  null for a request meant to follow the spec; otherwise why the test breaks it on
     *                          purpose ({@link ApiClient#uncheckedRequests(String)})
     */
    record Sent(
            String method, String target, Map<String, List<String>> headers, String body, String uncheckedBecause) {}
}
