package cloud.scaling.secrets;

import cloud.scaling.shared.RandomIds;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** Named server secrets, created on first use. */
@Singleton
public class ServerSecrets {

    private final ServerSecretRepository repository;

    public ServerSecrets(ServerSecretRepository repository) {
        this.repository = repository;
    }

    public byte[] get(String name) {
        String secret = repository.findById(name).map(ServerSecret::secret).orElseGet(() -> create(name));
        return secret.getBytes(StandardCharsets.US_ASCII);
    }

    private String create(String name) {
        try {
            return repository.save(new ServerSecret(name, RandomIds.base62(64))).secret();
        } catch (DataAccessException raceLost) {
            // Another instance created it between our read and our insert: theirs is the one.
            return repository.findById(name).orElseThrow(() -> raceLost).secret();
        }
    }
}
