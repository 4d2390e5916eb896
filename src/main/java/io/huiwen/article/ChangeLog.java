package io.huiwen.article;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change log (table {@code index_outbox}): one row per article change, written by
 * {@link IndexOutbox} in the same transaction as the change. Rows are read, never taken: any
 * number of readers (each node's embedded index, or the one shared OpenSearch index) keep their
 * own position in {@code change_reader}, and the log is pruned only below the lowest position of
 * the readers seen within the retention. A reader whose position is below what was pruned has
 * missed changes and must rebuild its index from the articles.
 *
 * <p>Row ids come from a sequence, so they are handed out in order but may commit out of order
 * (and a rolled-back insert leaves a hole): a reader must not assume that no row will ever appear
 * below the highest id it has read. See {@code io.huiwen.search.ChangeCursor}.
 */
@Repository
public class ChangeLog {

    static final String PRUNED_TO = "change_log.pruned_to";

    /** One change: {@code id} orders the log, {@code articleId} is the article to look at again. */
    public record Change(long id, long articleId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ChangeLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Up to {@code limit} changes after {@code position}, in log order. */
    public List<Change> after(long position, int limit) {
        return jdbc.sql("SELECT id, article_id FROM index_outbox WHERE id > ? ORDER BY id LIMIT ?")
                .params(position, limit).query((rs, i) -> new Change(rs.getLong(1), rs.getLong(2))).list();
    }

    /** The changes with ids in {@code [from, to]}: holes a reader is waiting on, filled by late commits. */
    public List<Change> between(long from, long to) {
        return jdbc.sql("SELECT id, article_id FROM index_outbox WHERE id BETWEEN ? AND ? ORDER BY id")
                .params(from, to).query((rs, i) -> new Change(rs.getLong(1), rs.getLong(2))).list();
    }

    /** The highest change id, or what was pruned when the log is empty. */
    public long head() {
        long head = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM index_outbox").query(Long.class).single();
        return Math.max(head, prunedTo());
    }

    /**
     * The highest change id written before {@code age} ago: a rebuild that starts now has seen every
     * change up to it, whatever was still being committed. What was pruned, when none is that old.
     */
    public long settledBefore(Duration age) {
        Long id = jdbc.sql("SELECT MAX(id) FROM index_outbox WHERE created_at < ?")
                .param(OffsetDateTime.now(clock).minus(age)).query(Long.class).optional().orElse(null);
        return id == null ? prunedTo() : Math.max(id, prunedTo());
    }

    /**
     * Whether reading the log from its start shows a reader every stored article: none of it pruned
     * yet, and each article changed in it at least once (articles stored before the log existed, in a
     * database migrated from an old version, are not).
     */
    public boolean holdsEveryArticle() {
        return prunedTo() == 0
                && jdbc.sql("SELECT COUNT(*) FROM article WHERE id NOT IN (SELECT article_id FROM index_outbox)").query(Long.class).single() == 0;
    }

    /** Every change up to this id has been deleted; a reader below it has missed some. */
    public long prunedTo() {
        return jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?").param(PRUNED_TO)
                .query(String.class).optional().map(Long::parseLong).orElse(0L);
    }

    /** The reader's recorded position, if it has read the log before. */
    public OptionalLong position(String reader) {
        return jdbc.sql("SELECT position FROM change_reader WHERE name = ?").param(reader)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Records that {@code reader} has applied every change up to {@code position}, and is alive now. */
    public void record(String reader, long position) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (jdbc.sql("UPDATE change_reader SET position = ?, seen_at = ? WHERE name = ?").params(position, now, reader).update() == 0) {
            jdbc.sql("INSERT INTO change_reader (name, position, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(reader, position, now).update();
        }
    }

    /** The readers and their positions, lowest first: for operators and tests. */
    public List<Reader> readers() {
        return jdbc.sql("SELECT name, position, seen_at FROM change_reader ORDER BY position, name")
                .query((rs, i) -> new Reader(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class))).list();
    }

    public record Reader(String name, long position, OffsetDateTime seenAt) {}

    /**
     * Deletes the changes every reader seen within {@code retention} has passed; returns how many.
     * A reader not seen for longer is left behind: when it comes back, its position is below
     * {@link #prunedTo()} and it rebuilds. With no live reader, nothing is pruned.
     */
    public int prune(Duration retention) {
        Long lowest = jdbc.sql("SELECT MIN(position) FROM change_reader WHERE seen_at > ?")
                .param(OffsetDateTime.now(clock).minus(retention)).query(Long.class).optional().orElse(null);
        if (lowest == null || lowest <= prunedTo()) {
            return 0;
        }
        int deleted = jdbc.sql("DELETE FROM index_outbox WHERE id <= ?").param(lowest).update();
        // only ever upwards, whichever of two nodes pruning at once writes last
        if (jdbc.sql("UPDATE app_setting SET setting_value = ? WHERE name = ? AND CAST(setting_value AS BIGINT) < ?")
                .params(Long.toString(lowest), PRUNED_TO, lowest).update() == 0) {
            jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(PRUNED_TO, Long.toString(lowest)).update();
        }
        return deleted;
    }
}
