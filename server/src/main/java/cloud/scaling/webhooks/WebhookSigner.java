package cloud.scaling.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a message as the Standard Webhooks specification does: {@code v1,} and the base64 of HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the base64-decoded part of the secret after {@code whsec_}.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSigner() {}

    /**
     * The {@code webhook-signature} header: one signature per secret, space-separated, which Standard Webhooks
     * verifiers accept when any one of them is valid for the secret they hold.
     */
    public static String header(List<String> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream()
                .map(secret -> sign(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature =
                    mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
