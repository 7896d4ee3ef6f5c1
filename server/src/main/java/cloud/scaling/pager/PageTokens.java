package cloud.scaling.pager;

import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Mints and reads the tokens of a page's links. A token is {@code <id>.<secret>}: the id (public, {@code ptk_…})
 * finds the row, the secret (43 base62 characters, about 256 bits) proves possession and is kept only as its
 * SHA-256, compared in constant time. A plain hash suffices for a secret this random: nothing can be guessed.
 */
@Singleton
public class PageTokens {

    /** How long a link works, said in the email and on the responder page. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    private static final int SECRET_LENGTH = 43;
    private static final Pattern FORM = Pattern.compile("ptk_[0-9A-Za-z]{16}\\.[0-9A-Za-z]{" + SECRET_LENGTH + "}");

    private final PageTokenRepository tokens;
    private final Clock clock;

    public PageTokens(PageTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * A new token for each purpose of each page, for the page's user on its incident, in the pages' order and then
     * the purposes'; written in one batch. Call it in a write transaction.
     */
    List<String> mint(List<PageRow> pages, List<TokenPurpose> purposes) {
        Instant now = clock.instant();
        List<PageTokenRow> rows = new ArrayList<>();
        List<String> minted = new ArrayList<>();
        for (PageRow page : pages) {
            for (TokenPurpose purpose : purposes) {
                minted.add(newToken(page.orgId(), page.incidentId(), page.userId(), page.id(), purpose, now, rows));
            }
        }
        tokens.saveAll(rows);
        return minted;
    }

    /** A new token for the page's user on the incident, alone; call it in a write transaction. */
    public String mint(String orgId, UUID incidentId, String userId, String pageId, TokenPurpose purpose) {
        List<PageTokenRow> rows = new ArrayList<>();
        String minted = newToken(orgId, incidentId, userId, pageId, purpose, clock.instant(), rows);
        tokens.saveAll(rows);
        return minted;
    }

    /** A token's text, its row added to {@code rows} (only the secret's hash is stored). */
    private static String newToken(
            String orgId,
            UUID incidentId,
            String userId,
            String pageId,
            TokenPurpose purpose,
            Instant now,
            List<PageTokenRow> rows) {
        String id = RandomIds.prefixed("ptk");
        String secret = RandomIds.base62(SECRET_LENGTH);
        rows.add(new PageTokenRow(
                id, sha256(secret), orgId, incidentId, userId, pageId, purpose, now, now.plus(LIFETIME)));
        return id + "." + secret;
    }

    /** A genuine token, unlocked (for reading) or locked for the rest of the transaction (for acting). */
    public Optional<PageToken> find(String token, boolean lock) {
        if (token == null || !FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", 2);
        Optional<PageTokenRow> row = lock ? tokens.lock(parts[0]) : tokens.findById(parts[0]);
        byte[] presented = sha256(parts[1]).getBytes(StandardCharsets.US_ASCII);
        return row.filter(found ->
                        MessageDigest.isEqual(found.secretHash().getBytes(StandardCharsets.US_ASCII), presented))
                .map(found -> new PageToken(
                        found.id(),
                        found.orgId(),
                        found.incidentId(),
                        found.userId(),
                        found.pageId(),
                        found.purpose(),
                        found.expiresAt()));
    }

    /** When the token did {@code action}, if it did. */
    public Optional<Instant> usedAt(PageToken token, TokenPurpose.Action action) {
        return tokens.usedAt(token.id(), WireEnum.wire(action));
    }

    /** Records that the token did {@code action}; the caller holds the token's lock and checked it had not yet. */
    public void use(PageToken token, TokenPurpose.Action action, Instant at) {
        tokens.use(token.id(), WireEnum.wire(action), at);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
