package cloud.scaling.contract.compat;

import cloud.scaling.contract.spec.NullableReferences;
import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Compares the current spec with the last released one (openapi-diff) and lists, one line each, the changes
 * that would break a client built against the release: removed operations, parameters, responses and fields,
 * fields that became required in a request, types and enums that changed. A breaking change is accepted only
 * when the current spec's major version is above the release's: breaking is a decision, not an accident.
 */
public final class BreakingChangeGate {

    /** The gate's decision, with one line per breaking change. */
    public record Verdict(boolean accepted, List<String> breakingChanges, String message) {}

    private BreakingChangeGate() {}

    public static Verdict judge(String releasedName, String released, String current) {
        ChangedOpenApi diff =
                OpenApiCompare.fromContents(NullableReferences.asAllOf(released), NullableReferences.asAllOf(current));
        String releasedVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
        String currentVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
        int[] releasedParts = semantic(releasedVersion);
        int[] currentParts = semantic(currentVersion);
        int releasedMajor = releasedParts[0];
        int currentMajor = currentParts[0];
        if (Arrays.compare(currentParts, releasedParts) < 0) {
            return new Verdict(
                    false,
                    List.of(),
                    "The spec's version " + currentVersion + " is below the released " + releasedVersion + " ("
                            + releasedName + "): versions only go up.");
        }
        List<String> breaking = diff.isIncompatible() ? breakingChanges(diff) : List.of();
        if (breaking.isEmpty() && diff.isIncompatible()) {
            breaking = List.of("openapi-diff reports an incompatible change it does not locate: " + diff);
        }
        if (breaking.isEmpty()) {
            String verdict = "Compatible with " + releasedVersion + " (" + releasedName + ").";
            if (!diff.isUnchanged() && Arrays.equals(currentParts, releasedParts)) {
                verdict += " The spec changed since that release but its info.version is still " + currentVersion
                        + ": raise it to " + releasedMajor + "." + (releasedParts[1] + 1) + ".0 (an additive change "
                        + "raises the minor version; see contract-tests/README.md, \"Evolving the spec\").";
            }
            return new Verdict(true, breaking, verdict);
        }
        String list = "\n  - " + String.join("\n  - ", breaking);
        if (currentMajor > releasedMajor) {
            return new Verdict(
                    true,
                    breaking,
                    "Breaking changes against " + releasedVersion + ", accepted because "
                            + "the major version went up to " + currentVersion + ":" + list);
        }
        return new Verdict(
                false,
                breaking,
                "The spec (" + currentVersion + ") breaks clients of the released "
                        + releasedVersion + " (" + releasedName + "):" + list + "\nMake the change additive, or, if "
                        + "breaking them is the intent, raise info.version to " + (releasedMajor + 1) + ".0.0 (see "
                        + "contract-tests/README.md, \"Evolving the spec\").");
    }

    static int major(String version) {
        return semantic(version)[0];
    }

    /** MAJOR.MINOR.PATCH as three numbers (a pre-release or build suffix is not used here). */
    static int[] semantic(String version) {
        String[] parts = version.trim().split("\\.");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException("not three parts");
            }
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("info.version must be semantic (MAJOR.MINOR.PATCH): " + version, e);
        }
    }

    private static List<String> breakingChanges(ChangedOpenApi diff) {
        Set<String> lines = new LinkedHashSet<>();
        for (Endpoint removed : diff.getMissingEndpoints()) {
            lines.add(label(removed.getOperation(), removed.getMethod().name(), removed.getPathUrl())
                    + ": operation removed");
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (operation.isIncompatible()) {
                String where = label(
                        operation.getNewOperation(), operation.getHttpMethod().name(), operation.getPathUrl());
                describe(operation, where, lines);
            }
        }
        return new ArrayList<>(lines);
    }

    private static String label(Operation operation, String method, String path) {
        String id = operation == null || operation.getOperationId() == null ? "" : operation.getOperationId() + " ";
        return id + "(" + method + " " + path + ")";
    }

    /** Walks the diff tree down to the incompatible changes, building "where" as it goes. */
    private static void describe(Changed changed, String where, Set<String> lines) {
        if (changed == null || !changed.isIncompatible()) {
            return;
        }
        if (changed instanceof ChangedOperation operation) {
            describe(operation.getParameters(), where, lines);
            describe(operation.getRequestBody(), where + " request body", lines);
            describe(operation.getApiResponses(), where, lines);
            describe(operation.getSecurityRequirements(), where + " security", lines);
        } else if (changed instanceof ChangedParameters parameters) {
            parameters
                    .getMissing()
                    .forEach(p -> lines.add(where + " parameter " + p.getName() + " (" + p.getIn() + "): removed"));
            parameters.getIncreased().stream()
                    .filter(p -> Boolean.TRUE.equals(p.getRequired()))
                    .forEach(p ->
                            lines.add(where + " parameter " + p.getName() + " (" + p.getIn() + "): new and required"));
            for (ChangedParameter parameter : parameters.getChanged()) {
                String at = where + " parameter " + parameter.getName() + " (" + parameter.getIn() + ")";
                if (parameter.isChangeRequired()) {
                    lines.add(at + ": became required");
                }
                describe(parameter.getSchema(), at, lines);
                describe(parameter.getContent(), at, lines);
            }
        } else if (changed instanceof ChangedRequestBody body) {
            if (body.isChangeRequired()) {
                lines.add(where + ": became required");
            }
            describe(body.getContent(), where, lines);
        } else if (changed instanceof ChangedApiResponse responses) {
            responses.getMissing().keySet().forEach(status -> lines.add(where + " response " + status + ": removed"));
            for (Map.Entry<String, ChangedResponse> response :
                    responses.getChanged().entrySet()) {
                describe(response.getValue(), where + " response " + response.getKey(), lines);
            }
        } else if (changed instanceof ChangedResponse response) {
            describe(response.getHeaders(), where + " headers", lines);
            describe(response.getContent(), where, lines);
        } else if (changed instanceof ChangedContent content) {
            content.getMissing().keySet().forEach(type -> lines.add(where + ": media type " + type + " removed"));
            content.getChanged().values().forEach(media -> describe(media.getSchema(), where, lines));
        } else if (changed instanceof ChangedSchema schema) {
            describeSchema(schema, where, lines);
        } else if (changed instanceof ComposedChanged composed) {
            if (composed.isCoreChanged().isIncompatible()) {
                lines.add(where + ": changed incompatibly");
            }
            composed.getChangedElements().forEach(child -> describe(child, where, lines));
        } else {
            lines.add(where + ": " + leaf(changed));
        }
    }

    private static void describeSchema(ChangedSchema schema, String where, Set<String> lines) {
        boolean request = schema.getContext() != null && schema.getContext().isRequest();
        if (schema.isChangedType()) {
            lines.add(where + ": type changed from " + typeOf(schema.getOldSchema()) + " to "
                    + typeOf(schema.getNewSchema()));
        }
        schema.getMissingProperties().keySet().forEach(name -> lines.add(field(where, name) + ": removed"));
        if (schema.getRequired() != null && schema.getRequired().isIncompatible()) {
            ChangedRequired required = schema.getRequired();
            (request ? required.getIncreased() : required.getMissing())
                    .forEach(name -> lines.add(field(where, name)
                            + (request
                                    ? ": newly required in the request"
                                    : ": no longer guaranteed in the response")));
        }
        schema.getChangedProperties().forEach((name, property) -> describe(property, field(where, name), lines));
        describe(schema.getItems(), where + "[]", lines);
        for (Changed part : schema.getChangedElements()) {
            if (part != null
                    && part.isIncompatible()
                    && !(part instanceof ChangedSchema)
                    && !(part instanceof ChangedRequired)) {
                lines.add(where + ": " + leaf(part));
            }
        }
    }

    private static String leaf(Changed changed) {
        if (changed instanceof ChangedEnum<?> enumeration) {
            return "enum changed (removed " + enumeration.getMissing() + ", added " + enumeration.getIncreased() + ")";
        }
        if (changed instanceof ChangedList<?> list) {
            return changed.getClass().getSimpleName().replace("Changed", "") + " changed (removed " + list.getMissing()
                    + ", added " + list.getIncreased() + ")";
        }
        return changed.getClass().getSimpleName().replace("Changed", "") + " changed incompatibly";
    }

    private static String field(String where, String name) {
        return where.contains(" field ") ? where + "." + name : where + " field " + name;
    }

    private static String typeOf(io.swagger.v3.oas.models.media.Schema<?> schema) {
        return schema == null ? "none" : schema.getType();
    }
}
