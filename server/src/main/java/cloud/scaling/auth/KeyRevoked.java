package cloud.scaling.auth;

/** Published inside the transaction that revoked a key; {@link KeyCache} reacts once it has committed. */
public record KeyRevoked(String keyId) {
}
