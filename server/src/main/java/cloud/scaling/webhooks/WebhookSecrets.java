package cloud.scaling.webhooks;

import cloud.scaling.secrets.SealedText;
import cloud.scaling.secrets.ServerSecrets;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Endpoint signing secrets: new ones, and sealing them for storage. The server must sign with a secret, so it
 * cannot keep only a hash: it keeps the secret encrypted ({@link SealedText}) with the endpoint id as associated
 * data.
 */
@Singleton
public class WebhookSecrets {

    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealedText sealed;

    public WebhookSecrets(ServerSecrets serverSecrets) {
        this.sealed = new SealedText(serverSecrets, "webhook-secret-key");
    }

    /** A new secret, {@code whsec_} and the base64 of 24 random bytes. */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String endpointId, String secret) {
        return sealed.seal(endpointId, secret);
    }

    public String open(String endpointId, String secret) {
        return sealed.open(endpointId, secret);
    }

    /** The secrets that sign to {@code endpoint} at {@code now}: the current one, then any previous one still due. */
    public List<String> signing(WebhookEndpointRow endpoint, Instant now) {
        String current = open(endpoint.id(), endpoint.secretSealed());
        return endpoint.previousSecretSigningUntil(now) == null
                ? List.of(current)
                : List.of(current, open(endpoint.id(), endpoint.previousSecretSealed()));
    }
}
