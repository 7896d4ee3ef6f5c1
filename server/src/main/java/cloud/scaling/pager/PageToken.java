package cloud.scaling.pager;

import java.time.Instant;
import java.util.UUID;

/**
 * A genuine link token, as the one holding it may use it: whose it is (organization, incident, user, the page it
 * came with), what it may do, and until when. The secret's hash stays with {@link PageTokens}.
 */
public record PageToken(
        String id,
        String orgId,
        UUID incidentId,
        String userId,
        String pageId,
        TokenPurpose purpose,
        Instant expiresAt) {}
