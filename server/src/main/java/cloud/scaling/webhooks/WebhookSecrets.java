package cloud.scaling.webhooks;

import cloud.scaling.secrets.ServerSecrets;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Endpoint signing secrets: new ones, and sealing them for storage. The server must sign with a secret, so it
 * cannot keep only a hash: it keeps the secret AES-256-GCM encrypted under a key derived from a server secret,
 * with the endpoint id as associated data, so a sealed secret copied onto another endpoint does not open.
 */
@Singleton
public class WebhookSecrets {

    private static final int SECRET_BYTES = 24;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSecrets serverSecrets;
    private volatile SecretKeySpec key;

    public WebhookSecrets(ServerSecrets serverSecrets) {
        this.serverSecrets = serverSecrets;
    }

    /**
     * Derived on first use, not when the bean is made: the delivery job makes it while the server starts, and
     * reading (or creating) the server secret then would delay start-up with a database write.
     */
    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            try {
                known = new SecretKeySpec(
                        MessageDigest.getInstance("SHA-256").digest(serverSecrets.get("webhook-secret-key")), "AES");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
            key = known;
        }
        return known;
    }

    /** A new secret, {@code whsec_} and the base64 of 24 random bytes. */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String endpointId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, endpointId, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array());
    }

    public String open(String endpointId, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, endpointId, nonce, ciphertext), StandardCharsets.UTF_8);
    }

    /** The secrets that sign to {@code endpoint} at {@code now}: the current one, then any previous one still due. */
    public List<String> signing(WebhookEndpointRow endpoint, Instant now) {
        String current = open(endpoint.id(), endpoint.secretSealed());
        return endpoint.previousSecretSigningUntil(now) == null
                ? List.of(current)
                : List.of(current, open(endpoint.id(), endpoint.previousSecretSealed()));
    }

    private byte[] crypt(int mode, String endpointId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
                            + " the signing secret of webhook endpoint " + endpointId,
                    e);
        }
    }
}
