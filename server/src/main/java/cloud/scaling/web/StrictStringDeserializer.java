package cloud.scaling.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a JSON string and nothing else. The default reader coerces {@code 123} to {@code "123"} and
 * {@code ["x"]} to {@code "x"}; the spec says these fields are strings, so anything else is a wrong type and
 * answers {@code 422 invalid_type} (see {@link BodyDecodingErrors}).
 */
@Singleton
public class StrictStringDeserializer implements Deserializer<String> {

    static final String NOT_A_STRING = "expected a JSON string";

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof String text) {
            return text;
        }
        throw decoder.createDeserializationException(NOT_A_STRING, value);
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
