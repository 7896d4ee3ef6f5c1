package cloud.scaling.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Text the server must read back (so it cannot keep a hash), kept AES-256-GCM encrypted under a key derived from
 * the named server secret, with the owning row's id as associated data: sealed text copied onto another row does
 * not open.
 */
public final class SealedText {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSecrets serverSecrets;
    private final String keyName;
    private volatile SecretKeySpec key;

    public SealedText(ServerSecrets serverSecrets, String keyName) {
        this.serverSecrets = serverSecrets;
        this.keyName = keyName;
    }

    /**
     * Derived on first use, not when made: the beans holding one are made while the server starts, and reading
     * (or creating) the server secret then would delay start-up with a database write.
     */
    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            try {
                known = new SecretKeySpec(
                        MessageDigest.getInstance("SHA-256").digest(serverSecrets.get(keyName)), "AES");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
            key = known;
        }
        return known;
    }

    public String seal(String ownerId, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, ownerId, nonce, text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array());
    }

    public String open(String ownerId, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, ownerId, nonce, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, String ownerId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open") + " the " + keyName + " text of "
                            + ownerId,
                    e);
        }
    }
}
