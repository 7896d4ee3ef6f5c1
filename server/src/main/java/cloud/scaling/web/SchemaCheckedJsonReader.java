package cloud.scaling.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads every JSON request body of the API strictly, before it is bound to the generated model: it must be
 * exactly one well-formed JSON value ({@code 400 malformed_json}; the default reader silently drops anything
 * after the first value), every field must be one the model declares ({@code 422 unknown_field}; not in the
 * alert ingest operations' {@link SenderPayloads}) and have the JSON type, enum value and format it declares
 * ({@code 422}, naming the field, see {@link JsonShape}); every string must be text both databases store
 * ({@link StorableText}). Only then is the tree turned into the model, whose
 * bean-validation constraints (required, lengths, ranges) are checked by the generated interfaces.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
@Order(-100)
public class SchemaCheckedJsonReader<T> implements MessageBodyReader<T> {

    private static final String MODEL_PACKAGE = "cloud.scaling.api.model";
    private static final JsonFactory JSON = new JsonFactory();
    private static final Problem MALFORMED =
            Problem.badRequest("malformed_json", "The request body is not valid JSON.");

    private final JsonMapper json;

    public SchemaCheckedJsonReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return MODEL_PACKAGE.equals(type.getType().getPackageName())
                && MediaType.APPLICATION_JSON_TYPE.matches(mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream input) throws CodecException {
        try {
            byte[] received = input.readAllBytes();
            int limit = BodyLimits.forModel(type.getType());
            if (received.length > limit) {
                throw new ApiException(BodyLimits.tooLarge(limit));
            }
            byte[] body = StorableText.withInvalidBytesMarked(received);
            if (!isSingleValue(body)) {
                throw new ApiException(MALFORMED);
            }
            JsonNode tree = json.readValue(body, JsonNode.class);
            if (tree == null || tree.isNull()) {
                throw new ApiException(Problem.invalid("invalid_type", "body", "must be an object."));
            }
            StorableText.firstUnstorable(tree, "").ifPresent(field -> {
                throw new ApiException(StorableText.problem(field));
            });
            JsonShape.firstMismatch(tree, type, "", !SenderPayloads.isModel(type.getType()))
                    .ifPresent(problem -> {
                        throw new ApiException(problem);
                    });
            return json.readValueFromTree(tree, type);
        } catch (IOException e) {
            throw new CodecException("Cannot read the request body as " + type.getTypeName(), e);
        }
    }

    private static boolean isSingleValue(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JsonProcessingException malformed) {
            return false;
        }
    }
}
