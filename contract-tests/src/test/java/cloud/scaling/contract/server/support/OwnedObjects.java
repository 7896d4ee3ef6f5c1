package cloud.scaling.contract.server.support;

import cloud.scaling.contract.spec.Samples;
import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecExamples;
import cloud.scaling.contract.spec.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real objects for the path parameters of any operation, found from the spec alone. For {@code
 * /v1/incidents/{id}/updates/{updateId}} it creates an incident by POSTing a sample body to {@code
 * /v1/incidents}, then an update by POSTing to {@code /v1/incidents/<id>/updates}: the creator of a {@code
 * {param}} is the POST on the path before it, and the new object's id is {@code data.id}. A collection that
 * cannot be POSTed to (users, say) lends the first row its GET lists instead.
 */
public final class OwnedObjects {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /** Collections whose objects a POST elsewhere creates, where the public API's paths say so. */
    private static final Map<String, String> CREATED_ELSEWHERE =
            Map.of("/v1/team/members/invitations", "/v1/team/members/invite");
    /** Collections that a POST elsewhere fills as a consequence: any incident event queues a webhook delivery. */
    private static final Map<String, String> FILLED_BY =
            Map.of("/v1/webhooks/endpoints/{endpointId}/deliveries", "/v1/incidents");

    /**
     * Lists whose object only a POST elsewhere makes, named in its answer: an incident with alerts, or an
     * integration that received one, is the one an alert sent with the operation's credential opened; an
     * integration with a rejected alert got a notification with one alert it cannot use (and one it takes, which
     * names the integration).
     */
    private static final Map<String, OpenedBy> OPENED_BY = Map.of(
            "/v1/incidents/{id}/alerts",
            new OpenedBy("id", "/v1/alerts/generic", "/data/alerts/0/incidentId", null),
            "/v1/integrations/inbound/{integrationId}/alerts",
            new OpenedBy("integrationId", "/v1/alerts/generic", "/data/alerts/0/integrationId", null),
            "/v1/integrations/inbound/{integrationId}/rejections",
            new OpenedBy(
                    "integrationId",
                    "/v1/alerts/alertmanager",
                    "/data/alerts/0/integrationId",
                    "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {}},"
                            + " {\"status\": \"firing\", \"labels\": {\"alertname\": \"Owned\"}}]}"));

    /** {@code body}: what the sender sends, when not its request example. */
    private record OpenedBy(String parameter, String senderPath, String idPointer, String body) {}

    /** Paths whose parameter is a page link's token: no API issues one, the server mints it ({@link ContractServer}). */
    private static final String PAGE_LINKS = "/respond/{token}";

    private final ContractHttp http;
    private final Spec spec;
    private final Function<Org, String> pageTokens;
    private final SpecExamples examples;
    private final Map<Org, Map<String, String>> created = new IdentityHashMap<>();

    public OwnedObjects(ContractServer server, Spec spec) {
        this.http = server.http();
        this.spec = spec;
        this.pageTokens = server::pageToken;
        this.examples = new SpecExamples(spec.text());
    }

    /** Values for every path parameter of the operation, naming objects that {@code owner} owns. */
    public Map<String, String> pathParameters(SpecOperation operation, Org owner) {
        if (operation.path().startsWith(PAGE_LINKS)) {
            return Map.of(
                    "token",
                    created.computeIfAbsent(owner, org -> new HashMap<>())
                            .computeIfAbsent(PAGE_LINKS, path -> pageTokens.apply(owner)));
        }
        OpenedBy opener = OPENED_BY.get(operation.path());
        if (opener != null) {
            Map<String, String> owned = created.computeIfAbsent(owner, org -> new HashMap<>());
            String id = owned.get(operation.path());
            if (id == null) {
                id = open(opener, owner);
                owned.put(operation.path(), id);
            }
            return Map.of(opener.parameter(), id);
        }
        Map<String, String> values = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            String collection = operation.path().substring(0, matcher.start() - 1);
            String concreteCollection = expand(collection, values);
            values.put(matcher.group(1), obtain(operation, collection, concreteCollection, owner));
        }
        return values;
    }

    /** The operation's concrete path on objects {@code owner} owns. */
    public String path(SpecOperation operation, Org owner) {
        return operation.expand(pathParameters(operation, owner));
    }

    private String obtain(SpecOperation forOperation, String collection, String concreteCollection, Org owner) {
        // One object per collection and owner: operations on the same kind of object share it, so that, say,
        // the incident that got an update for the redact operation also lists it for the list operation.
        Map<String, String> owned = created.computeIfAbsent(owner, org -> new HashMap<>());
        String known = owned.get(concreteCollection);
        if (known != null) {
            return known;
        }
        String id = createOrFind(forOperation, collection, concreteCollection, owner);
        owned.put(concreteCollection, id);
        return id;
    }

    private String createOrFind(SpecOperation forOperation, String collection, String concreteCollection, Org owner) {
        String creatorPath = CREATED_ELSEWHERE.getOrDefault(collection, collection);
        Optional<SpecOperation> creator = find("POST", creatorPath);
        if (creator.isPresent() && creator.get().successStatus().isPresent()) {
            String concreteCreator = CREATED_ELSEWHERE.getOrDefault(collection, concreteCollection);
            Reply reply = createSampled(creator.get(), concreteCreator, owner);
            if (reply.status() == 409 && reply.json().path("code").asText().equals("name_conflict")) {
                // A name unique in the organization: the sample's name is taken by an earlier object.
                reply = create(
                        creator.get(),
                        concreteCreator,
                        owner,
                        renamed(Samples.valid(creator.get().requestSchema().orElseThrow())));
            }
            reply.expect(creator.get().successStatus().get());
            String id = idOf(reply.data(), creator.get());
            owner.createdIds().add(id);
            return id;
        }
        Optional<SpecOperation> lister = find("GET", collection);
        if (lister.isPresent()) {
            boolean filled = FILLED_BY.containsKey(collection);
            if (filled) {
                fill(FILLED_BY.get(collection), owner);
            }
            JsonNode data =
                    http.get(concreteCollection).as(owner).send().expect(200).data();
            JsonNode first = firstRow(data);
            if (first != null && first.path("id").isTextual()) {
                if (filled) {
                    // Made for this owner, like a created object: its id must never show to anyone else.
                    owner.createdIds().add(first.get("id").asText());
                }
                return first.get("id").asText();
            }
        }
        throw new IllegalStateException("Cannot find an object for " + forOperation.label() + ": " + collection
                + " has neither a POST that creates one (answering data.id) nor a GET that lists one. Teach "
                + OwnedObjects.class.getSimpleName() + " where such objects come from.");
    }

    /** Sends the sender's request example (valid by intent, and one that opens an incident) and reads the id. */
    private String open(OpenedBy opener, Org owner) {
        SpecOperation sender = find("POST", opener.senderPath()).orElseThrow();
        Call call = http.post(opener.senderPath()).as(owner);
        if (opener.body() != null) {
            call.json(opener.body());
        } else {
            call.json(examples.request(sender)
                    .orElseGet(() -> Samples.valid(sender.requestSchema().orElseThrow())));
        }
        JsonNode answer =
                call.send().expect(sender.successStatus().orElseThrow()).json();
        JsonNode id = answer.at(opener.idPointer());
        if (!id.isTextual()) {
            throw new IllegalStateException(sender.label() + " answered no " + opener.idPointer() + ": " + answer);
        }
        owner.createdIds().add(id.asText());
        return id.asText();
    }

    private void fill(String path, Org owner) {
        SpecOperation creator = find("POST", path).orElseThrow();
        createSampled(creator, path, owner).expect(creator.successStatus().orElseThrow());
    }

    private Reply createSampled(SpecOperation creator, String concreteCollection, Org owner) {
        Reply reply = create(
                creator,
                concreteCollection,
                owner,
                creator.requestSchema().map(Samples::valid).orElse(null));
        if ((reply.status() == 400 || reply.status() == 422)
                && examples.request(creator).isPresent()) {
            // The schema's smallest instance can break a business rule the schema cannot express (an update
            // needs a body or a status change, an override must end after it starts); the spec's own request
            // example is valid by intent.
            reply = create(
                    creator,
                    concreteCollection,
                    owner,
                    examples.request(creator).get());
        }
        return reply;
    }

    private Reply create(SpecOperation creator, String concreteCollection, Org owner, JsonNode body) {
        Call call = http.post(concreteCollection).as(owner);
        if (body != null) {
            call.json(ownUsers(body, owner));
        }
        return call.send();
    }

    /**
     * The sample with every user id ({@code user_…}, as the spec's examples write them) replaced by the owner's
     * own user: objects that name users (a rotation's participants, say) must name users of their organization.
     */
    private static JsonNode ownUsers(JsonNode node, Org owner) {
        if (node.isTextual() && node.asText().startsWith("user_")) {
            return JsonNodeFactory.instance.textNode(owner.userId());
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(name -> object.set(name, ownUsers(object.get(name), owner)));
            } else if (copy instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, ownUsers(array.get(i), owner));
                }
            }
            return copy;
        }
        return node;
    }

    private static JsonNode renamed(JsonNode sample) {
        ObjectNode copy = sample.deepCopy();
        copy.put("name", "n" + UUID.randomUUID().toString().substring(0, 8));
        return copy;
    }

    private Optional<SpecOperation> find(String method, String path) {
        return spec.operations().stream()
                .filter(op -> op.method().equals(method) && op.path().equals(path))
                .findFirst();
    }

    private static String idOf(JsonNode data, SpecOperation creator) {
        if (data == null || !data.path("id").isTextual()) {
            throw new IllegalStateException(creator.label() + " did not answer data.id, so the objects it creates "
                    + "cannot be addressed generically: " + data);
        }
        return data.get("id").asText();
    }

    /** The first row of a list answer: {@code data} itself when it is an array, else its one array field. */
    private static JsonNode firstRow(JsonNode data) {
        if (data == null) {
            return null;
        }
        if (data.isArray()) {
            return data.isEmpty() ? null : data.get(0);
        }
        for (JsonNode field : data) {
            if (field.isArray() && !field.isEmpty()) {
                return field.get(0);
            }
        }
        return null;
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
