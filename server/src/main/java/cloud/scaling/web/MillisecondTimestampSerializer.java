package cloud.scaling.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes every timestamp as the API promises: UTC with exactly three fraction digits
 * ({@code 2026-04-07T10:00:00.000Z}); the default ISO writer drops zero milliseconds.
 */
@Singleton
public class MillisecondTimestampSerializer implements Serializer<OffsetDateTime> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    @Override
    public void serialize(
            Encoder encoder, EncoderContext context, Argument<? extends OffsetDateTime> type, OffsetDateTime value)
            throws IOException {
        encoder.encodeString(FORMAT.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
