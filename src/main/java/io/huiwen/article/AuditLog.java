package io.huiwen.article;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The newsroom's audit log: who did what to which article, category, source, user or token, and
 * when, with the value before and after (as short JSON or text, whatever the caller finds
 * readable). Callers record inside the transaction of the change itself, so a change and its
 * record commit or fail together. Rows are never changed or deleted.
 */
@Repository
public class AuditLog {

    /** The longest before/after value kept; a longer one (a whole body) is cut with a mark. */
    static final int MAX_VALUE = 20_000;
    private static final int MAX_SUMMARY = 500;

    /** One recorded action. {@code targetId} and the values may be null. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String targetType, String targetId,
                        String summary, String before, String after) {}

    /** What to show: each blank field matches everything. */
    public record Filter(String actor, String action, String targetType, String targetId) {

        public static Filter all() {
            return new Filter(null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action. {@code actor} is the user name (or {@code cli} for a command);
     * {@code action} a short verb such as {@code article.unpublish}; {@code targetType} what kind
     * of thing it touched ({@code article}, {@code category}, {@code source}, {@code user},
     * {@code token}); {@code summary} one line an editor reads.
     */
    public void record(String actor, String action, String targetType, Object targetId, String summary, String before, String after) {
        jdbc.sql("""
                INSERT INTO audit_log (at, actor, action, target_type, target_id, summary, before_value, after_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(clock), cut(actor == null || actor.isBlank() ? "unknown" : actor, 100), cut(action, 60),
                        cut(targetType, 30), targetId == null ? null : cut(targetId.toString(), 100),
                        summary == null ? null : cut(summary, MAX_SUMMARY), before == null ? null : cut(before, MAX_VALUE),
                        after == null ? null : cut(after, MAX_VALUE))
                .update();
    }

    /** The newest entries first that match {@code filter}, {@code size} per page. */
    public Page<Entry> find(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        for (String[] column : new String[][] {{"actor", filter.actor()}, {"action", filter.action()},
                {"target_type", filter.targetType()}, {"target_id", filter.targetId()}}) {
            if (column[1] != null && !column[1].isBlank()) {
                where.append(" AND ").append(column[0]).append(" = ?");
                params.add(column[1].strip());
            }
        }
        int p = Math.max(1, page);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) (p - 1) * size);
        List<Entry> items = jdbc.sql("SELECT id, at, actor, action, target_type, target_id, summary, before_value, after_value FROM audit_log"
                        + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("summary"),
                        rs.getString("before_value"), rs.getString("after_value")))
                .list();
        return new Page<>(items, total, p, size);
    }

    /** The distinct actions and actors recorded, for the filter's choices. */
    public List<String> distinct(String column) {
        if (!List.of("actor", "action", "target_type").contains(column)) {
            throw new IllegalArgumentException("no audit column " + column);
        }
        return jdbc.sql("SELECT DISTINCT " + column + " FROM audit_log ORDER BY " + column).query(String.class).list();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
