package cloud.scaling.pagination;

import cloud.scaling.secrets.ServerSecrets;
import cloud.scaling.shared.Refusal;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a keyset position into the opaque {@code nextCursor} and back. A cursor is
 * {@code base64url(createdAtMillis:id).base64url(hmac)} where the HMAC also covers the organization and the
 * list it belongs to, so a cursor that was altered, issued to another organization or for another list fails
 * verification and answers {@code 422 invalid_cursor} rather than leaking or breaking anything.
 */
@Singleton
public class CursorCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    public CursorCodec(ServerSecrets secrets) {
        this.key = new SecretKeySpec(secrets.get("cursor-hmac"), "HmacSHA256");
    }

    public String encode(String list, String orgId, CursorPosition position) {
        String payload = position.createdAt().toEpochMilli() + ":" + position.id();
        return ENCODER.encodeToString(bytes(payload)) + "." + ENCODER.encodeToString(mac(list, orgId, payload));
    }

    public CursorPosition decode(String list, String orgId, String cursor) {
        try {
            int dot = cursor.indexOf('.');
            String payload = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(list, orgId, payload))) {
                throw invalid();
            }
            int colon = payload.indexOf(':');
            return new CursorPosition(
                    Instant.ofEpochMilli(Long.parseLong(payload.substring(0, colon))), payload.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            throw invalid();
        }
    }

    private byte[] mac(String list, String orgId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(bytes(list + "|" + orgId + "|" + payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Refusal invalid() {
        return Refusal.invalid(
                "invalid_cursor",
                "cursor",
                "is not a cursor this API issued to your organization; start again without it.");
    }
}
