package io.huiwen.article;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an article for good: the row with its tags, views and raw page, a change-log row so
 * every index drops it, and a tombstone of its source URL and content key so that collection
 * does not bring it back by itself (a poll skips the URL, the store refuses the same page under
 * another address). The other articles of its story stay one story: when the deleted one gave
 * the story its id, the earliest remaining one gives it now. Audited with the title and source
 * URL kept in {@code before}.
 */
@Service
public class ArticleDeletion {

    private final JdbcClient jdbc;
    private final IndexOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ArticleDeletion(JdbcClient jdbc, IndexOutbox outbox, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What was deleted: the article's title and source URL, and the story its remaining members are now. */
    public record Deleted(long id, String title, String sourceUrl, Long storyNow) {}

    private record Row(String title, String sourceUrl, String contentKey, long storyId, String status) {}

    /** Deletes the article; empty when there is none with this id. */
    @Transactional
    public Optional<Deleted> delete(long id, String actor) {
        Row row = jdbc.sql("SELECT title, source_url, content_key, story_id, status FROM article WHERE id = ? FOR UPDATE").param(id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .optional().orElse(null);
        if (row == null) {
            return Optional.empty();
        }
        List<Long> others = jdbc.sql("SELECT id FROM article WHERE story_id = ? AND id <> ? ORDER BY id").params(row.storyId(), id)
                .query(Long.class).list();
        Long storyNow = others.isEmpty() ? null : row.storyId();
        if (row.storyId() == id && !others.isEmpty()) {
            storyNow = others.get(0);
            jdbc.sql("UPDATE article SET story_id = ? WHERE story_id = ? AND id <> ?").params(storyNow, id, id).update();
        }
        jdbc.sql("""
                INSERT INTO article_tombstone (article_id, source_url, content_key, title, deleted_at, deleted_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, row.sourceUrl(), row.contentKey(), row.title(), OffsetDateTime.now(clock), actor == null ? "unknown" : actor)
                .update();
        jdbc.sql("DELETE FROM article WHERE id = ?").param(id).update();
        outbox.add(id);
        outbox.addAll(others);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("title", row.title());
        before.put("source_url", row.sourceUrl());
        before.put("status", row.status());
        before.put("story_id", row.storyId());
        audit.record(actor, "article.delete", "article", id, "删除《" + row.title() + "》", JsonColumns.write(before), null);
        return Optional.of(new Deleted(id, row.title(), row.sourceUrl(), storyNow));
    }

    /** Whether an editor deleted an article from this URL (a collector then skips it). */
    public boolean deletedUrl(String url) {
        return url != null && jdbc.sql("SELECT COUNT(*) FROM article_tombstone WHERE source_url = ?").param(url).query(Long.class).single() > 0;
    }
}
