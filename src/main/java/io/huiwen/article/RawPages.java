package io.huiwen.article;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The raw pages kept for re-extraction, read back decompressed. */
@Repository
public class RawPages {

    /** A kept page and the article it became. */
    public record Kept(long articleId, String url, String contentType, OffsetDateTime fetchedAt, byte[] body) {}

    private final JdbcClient jdbc;

    RawPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Article ids with a kept page, above {@code afterId}, optionally of one source; for walking them in batches. */
    public List<Long> idsAfter(long afterId, Long sourceId, int limit) {
        return jdbc.sql("""
                SELECT r.article_id FROM raw_page r JOIN article a ON a.id = r.article_id
                WHERE r.article_id > :after AND (CAST(:source AS BIGINT) IS NULL OR a.source_id = :source)
                ORDER BY r.article_id LIMIT :limit
                """).param("after", afterId).param("source", sourceId).param("limit", limit).query(Long.class).list();
    }

    public Kept get(long articleId) {
        return jdbc.sql("SELECT article_id, url, content_type, fetched_at, body_gzip FROM raw_page WHERE article_id = ?")
                .param(articleId)
                .query((rs, i) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                        Gzip.decompress(rs.getBytes(5))))
                .single();
    }
}
