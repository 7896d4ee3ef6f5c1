package cloud.scaling.secrets;

import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.UniqueConstraint;
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
        String secret = repository.findById(name).map(ServerSecretRow::secret).orElseGet(() -> create(name));
        return secret.getBytes(StandardCharsets.US_ASCII);
    }

    private String create(String name) {
        try {
            return repository
                    .save(new ServerSecretRow(name, RandomIds.base62(64)))
                    .secret();
        } catch (DataAccessException failure) {
            if (!UniqueConstraint.refusedAny(failure)) {
                throw failure;
            }
            // Another instance created it between our read and our insert (the name is the table's only key):
            // theirs is the one.
            return repository.findById(name).orElseThrow(() -> failure).secret();
        }
    }
}
