package io.huiwen.account;

import io.huiwen.article.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for automation ({@code Authorization: Bearer hw_…}). A token is 32 random bytes,
 * shown once when made; only its SHA-256 is kept (a token is far too random to guess from its
 * hash, so no slow hash is needed and a lookup is one indexed query). A token acts as its owner
 * with the owner's role of the moment: a disabled owner's tokens stop working, a deleted owner's
 * are deleted with them.
 */
@Service
public class ApiTokens {

    /** A token as listed: never the token or its hash. */
    public record Token(long id, String name, String owner, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {}

    /** A token just made: {@code token} is shown this once. */
    public record NewToken(long id, String name, String token) {}

    /** Whom a presented token acts for. */
    public record Bearer(long tokenId, String username, Role role) {}

    static final String PREFIX = "hw_";
    private static final int MAX_NAME = 100;
    /** The last use is written at most this often per token, not on every call. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a token for {@code owner}; the answer holds the token itself, which is kept nowhere. */
    @Transactional
    public NewToken create(String owner, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw AccountProblem.invalid("请给令牌起个名字（1–" + MAX_NAME + " 个字符），例如它用在哪个脚本");
        }
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(owner).query(Long.class).optional()
                .orElseThrow(() -> AccountProblem.notFound("没有用户 " + owner));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(userId, n, hash(token), OffsetDateTime.now(clock)).update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(hash(token)).query(Long.class).single();
        audit.record(owner, "token.create", "token", id, owner + " 新建 API 令牌“" + n + "”", null, n);
        return new NewToken(id, n, token);
    }

    /** The tokens of {@code owner}, or every user's when {@code owner} is null; newest first. */
    public List<Token> list(String owner) {
        String sql = "SELECT t.id, t.name, u.username, t.created_at, t.last_used_at FROM api_token t JOIN app_user u ON u.id = t.user_id";
        return (owner == null ? jdbc.sql(sql + " ORDER BY t.id DESC") : jdbc.sql(sql + " WHERE u.username = ? ORDER BY t.id DESC").param(owner))
                .query(ApiTokens::token).list();
    }

    /** Revokes token {@code id}: its owner may, and an ADMIN ({@code anyOwner}) may revoke anyone's. */
    @Transactional
    public void revoke(String actor, boolean anyOwner, long id) {
        Token token = jdbc.sql("SELECT t.id, t.name, u.username, t.created_at, t.last_used_at FROM api_token t JOIN app_user u ON u.id = t.user_id"
                        + " WHERE t.id = ?").param(id).query(ApiTokens::token).optional()
                .filter(t -> anyOwner || t.owner().equals(actor))
                .orElseThrow(() -> AccountProblem.notFound("没有编号为 " + id + " 的令牌"));
        jdbc.sql("DELETE FROM api_token WHERE id = ?").param(id).update();
        audit.record(actor, "token.revoke", "token", id, actor + " 吊销了 " + token.owner() + " 的 API 令牌“" + token.name() + "”",
                token.owner() + "：" + token.name(), null);
    }

    /** Whom {@code token} acts for: empty when it is unknown, revoked, or its owner disabled. Notes its use. */
    public Optional<Bearer> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Bearer> bearer = jdbc.sql("""
                        SELECT t.id, u.username, u.role FROM api_token t JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND u.enabled = TRUE""").param(hash(token))
                .query((rs, n) -> new Bearer(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")))).optional();
        bearer.ifPresent(b -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                    .params(now, b.tokenId(), now.minus(USE_RESOLUTION)).update();
        });
        return bearer;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class));
    }
}
