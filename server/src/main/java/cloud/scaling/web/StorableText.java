package cloud.scaling.web;

import io.micronaut.json.tree.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One rule for text on both databases: a string the API accepts is valid UTF-8 without U+0000 and without
 * unpaired surrogates. PostgreSQL cannot store U+0000 at all (H2 can) and turns an unpaired surrogate into
 * {@code ?}; a decoder that quietly replaces invalid bytes (or reads an overlong {@code \xc0\xaf} as {@code /})
 * would store something the client never sent. So such text answers {@code 422 invalid_format} naming the field,
 * whether it arrives in a body, a path or a query.
 */
public final class StorableText {

    /**
     * What an invalid UTF-8 sequence decodes to here: U+FFFF, a noncharacter no client has reason to send,
     * which the rule refuses like U+0000. Decoding with it keeps the position of the bad bytes, so the refusal
     * can name the field they are in.
     */
    static final String INVALID_BYTES = "\uFFFF";

    private StorableText() {}

    public static Problem problem(String field) {
        return Problem.invalid(
                "invalid_format", field, "must be UTF-8 text without U+0000, U+FFFF or unpaired surrogates.");
    }

    /** False for U+0000, U+FFFF (an invalid byte sequence) and any surrogate not part of a pair. */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || c == '\uFFFF') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A UTF-8 body with each invalid sequence replaced by {@link #INVALID_BYTES}, for the JSON parser, which
     * would read an overlong sequence as the character it encodes. ASCII, the usual case, is returned as is.
     */
    static byte[] withInvalidBytesMarked(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return decode(body).getBytes(StandardCharsets.UTF_8);
            }
        }
        return body;
    }

    /** {@code bytes} as UTF-8, each invalid sequence read as {@link #INVALID_BYTES}. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(INVALID_BYTES);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException cannotHappenWhenReplacing) {
            throw new IllegalStateException(cannotHappenWhenReplacing);
        }
    }

    /** The path ({@code title}, {@code aliases[2]}) of the first string in {@code value} that is not storable. */
    static Optional<String> firstUnstorable(JsonNode value, String path) {
        if (value.isString()) {
            return isStorable(value.getStringValue()) ? Optional.empty() : Optional.of(path.isEmpty() ? "body" : path);
        }
        if (value.isArray()) {
            int index = 0;
            for (JsonNode item : value.values()) {
                Optional<String> found = firstUnstorable(item, path + "[" + index++ + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.entries()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<String> found = firstUnstorable(field.getValue(), fieldPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Percent-decodes a raw URI component (whose characters are the request line's bytes) as UTF-8, each
     * invalid sequence read as {@link #INVALID_BYTES}; {@code +} is a space in a query only.
     */
    static String percentDecode(String raw, boolean plusIsSpace) {
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%'
                    && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes[length++] = (byte) Integer.parseInt(raw, i + 1, i + 3, 16);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes[length++] = ' ';
            } else {
                bytes[length++] = (byte) c;
            }
        }
        return decode(Arrays.copyOf(bytes, length));
    }
}
