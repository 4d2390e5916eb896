package io.huiwen.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sources and their polling state. Due sources are leased with {@code FOR UPDATE SKIP LOCKED},
 * so any number of collector nodes can share the work and no source is fetched twice at once. A
 * lease names its owner (a node id) and runs out unless renewed, so a dead node's lease is taken over.
 */
@Repository
public class SourceRepository {

    static final String COLUMNS = "s.*, c.id AS c_id, c.slug AS c_slug, c.name AS c_name, c.position AS c_position";

    private final JdbcClient jdbc;

    SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Source> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source s LEFT JOIN category c ON c.id = s.category_id ORDER BY s.id")
                .query((rs, i) -> source(rs)).list();
    }

    public Optional<Source> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source s LEFT JOIN category c ON c.id = s.category_id WHERE s.id = ?")
                .param(id).query((rs, i) -> source(rs)).optional();
    }

    public Optional<Source> findByUrl(String url) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source s LEFT JOIN category c ON c.id = s.category_id WHERE s.url = ?")
                .param(url).query((rs, i) -> source(rs)).optional();
    }

    /**
     * Takes up to {@code max} due sources for {@code owner} until {@code until}; another node will not
     * take them meanwhile. A lease that has run out (its holder died or stalled) is taken over.
     */
    @Transactional
    public List<Long> leaseDue(int max, String owner, OffsetDateTime now, OffsetDateTime until) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM source
                WHERE enabled = TRUE AND next_poll_at <= :now AND (lease_until IS NULL OR lease_until < :now)
                ORDER BY next_poll_at LIMIT :max FOR UPDATE SKIP LOCKED
                """).param("now", utc(now)).param("max", max).query(Long.class).list();
        for (Long id : ids) {
            jdbc.sql("UPDATE source SET lease_owner = ?, lease_until = ? WHERE id = ?").params(owner, utc(until), id).update();
        }
        return ids;
    }

    /** Leases one source for an editor's "run now"; false while another poll holds an unexpired lease on it. */
    public boolean tryLease(long id, String owner, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("UPDATE source SET lease_owner = ?, lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)")
                .params(owner, utc(until), id, utc(now)).update() == 1;
    }

    /** Extends a lease {@code owner} still holds; false when the lease was taken over (or released) meanwhile. */
    public boolean renewLease(long id, String owner, OffsetDateTime until) {
        return jdbc.sql("UPDATE source SET lease_until = ? WHERE id = ? AND lease_owner = ?").params(utc(until), id, owner).update() == 1;
    }

    /** Gives a lease back; does nothing to a lease another owner holds now. */
    public void releaseLease(long id, String owner) {
        jdbc.sql("UPDATE source SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?").params(id, owner).update();
    }

    /** Releases every lease {@code owner} holds: at startup, the leases a previous run of this node died holding. */
    public int releaseAll(String owner) {
        return jdbc.sql("UPDATE source SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?").param(owner).update();
    }

    /** Who holds the source's lease and until when; empty when nobody does. */
    public Optional<Lease> lease(long id) {
        return jdbc.sql("SELECT lease_owner, lease_until FROM source WHERE id = ? AND lease_until IS NOT NULL").param(id)
                .query((rs, i) -> new Lease(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
    }

    /** A source's lease as stored: {@code owner} is null for a lease taken before leases had owners. */
    public record Lease(String owner, OffsetDateTime until) {}

    /**
     * A poll that worked: {@code changed} says whether the source had anything new, which sets the next
     * interval. Recorded, and the lease released, only while {@code owner} still holds the lease: a
     * poll whose lease was taken over leaves the source to the new holder (then false).
     */
    public boolean recordSuccess(long id, String owner, OffsetDateTime now, boolean changed, String etag, String lastModified) {
        Source s = findById(id).orElseThrow();
        int interval = changed ? s.intervalMinutes() : Math.min(s.currentIntervalMinutes() * 3 / 2 + 1, s.intervalMinutes() * 8);
        return jdbc.sql("""
                UPDATE source SET last_poll_at = :now, last_success_at = :now, error_streak = 0, last_error = NULL,
                    last_error_message = NULL, lease_owner = NULL, lease_until = NULL, current_interval_minutes = :interval,
                    next_poll_at = :next, etag = COALESCE(:etag, etag), last_modified = COALESCE(:lastModified, last_modified)
                WHERE id = :id AND lease_owner = :owner
                """).param("now", utc(now)).param("interval", interval).param("next", utc(now.plusMinutes(interval)))
                .param("etag", etag).param("lastModified", lastModified).param("id", id).param("owner", owner).update() == 1;
    }

    /**
     * A poll that failed: the next one backs off (doubling per failure in a row, at most a day) or waits
     * as the server asked. Like {@link #recordSuccess}, only while {@code owner} still holds the lease.
     */
    public boolean recordFailure(long id, String owner, OffsetDateTime now, String reason, String message, Duration retryAfter) {
        Source s = findById(id).orElseThrow();
        int streak = s.errorStreak() + 1;
        long backoff = Math.min((long) s.intervalMinutes() << Math.min(streak, 10), Duration.ofDays(1).toMinutes());
        OffsetDateTime next = now.plusMinutes(backoff);
        if (retryAfter != null && now.plus(retryAfter).isAfter(next)) {
            next = now.plus(retryAfter);
        }
        return jdbc.sql("""
                UPDATE source SET last_poll_at = :now, error_streak = :streak, last_error = :reason,
                    last_error_message = :message, lease_owner = NULL, lease_until = NULL, next_poll_at = :next
                WHERE id = :id AND lease_owner = :owner
                """).param("now", utc(now)).param("streak", streak).param("reason", reason)
                .param("message", message == null ? null : message.length() > 500 ? message.substring(0, 500) : message)
                .param("next", utc(next)).param("id", id).param("owner", owner).update() == 1;
    }

    public void pollNow(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE source SET next_poll_at = ? WHERE id = ?").params(utc(now), id).update();
    }

    /** Articles collected per source in the last day and in all: source id → {24 h, total}. */
    public Map<Long, long[]> collectedCounts(OffsetDateTime now) {
        var out = new java.util.HashMap<Long, long[]>();
        jdbc.sql("""
                SELECT source_id, COUNT(*) FILTER (WHERE collected_at >= ?) AS last_day, COUNT(*) AS all_time
                FROM article WHERE source_id IS NOT NULL GROUP BY source_id
                """).param(utc(now.minusDays(1)))
                .query((rs, i) -> out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return out;
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static Source source(ResultSet rs) throws SQLException {
        long categoryId = rs.getLong("c_id");
        Category category = rs.wasNull() ? null
                : new Category(categoryId, rs.getString("c_slug"), rs.getString("c_name"), rs.getInt("c_position"));
        return new Source(rs.getLong("id"), rs.getString("name"), rs.getString("url"), Source.Type.of(rs.getString("type")),
                category, rs.getInt("interval_minutes"), rs.getInt("current_interval_minutes"), rs.getBoolean("enabled"),
                rs.getString("charset"), rs.getString("referer"), rs.getBoolean("needs_review"), rs.getString("css_selector"),
                rs.getString("include_pattern"), rs.getString("exclude_pattern"), rs.getString("etag"),
                rs.getString("last_modified"), rs.getObject("next_poll_at", OffsetDateTime.class),
                rs.getObject("last_poll_at", OffsetDateTime.class), rs.getObject("last_success_at", OffsetDateTime.class),
                rs.getInt("error_streak"), rs.getString("last_error"), rs.getString("last_error_message"));
    }
}
