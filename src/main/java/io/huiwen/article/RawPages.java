package io.huiwen.article;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The raw pages kept for re-extraction, read back decompressed. */
@Repository
public class RawPages {

    /** A kept page, the article it became and that article's source (null for none), with what its feed said (each may be null). */
    public record Kept(long articleId, Long sourceId, String url, String contentType, OffsetDateTime fetchedAt, byte[] body,
                       String feedTitle, OffsetDateTime feedPublished, String feedHtml) {}

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

    /**
     * Whether a page was fetched from this address and kept: an article whose page names another
     * canonical address is stored under that one, yet listings keep linking the address it was fetched from.
     */
    public boolean fetchedFrom(String url) {
        return jdbc.sql("SELECT COUNT(*) FROM raw_page WHERE url = ?").param(url).query(Long.class).single() > 0;
    }

    /** Whether a raw page is kept for the article. */
    public boolean kept(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM raw_page WHERE article_id = ?").param(articleId).query(Long.class).single() > 0;
    }

    public Kept get(long articleId) {
        return jdbc.sql("""
                SELECT r.article_id, a.source_id, r.url, r.content_type, r.fetched_at, r.body_gzip, r.feed_title, r.feed_published, r.feed_html
                FROM raw_page r JOIN article a ON a.id = r.article_id WHERE r.article_id = ?
                """)
                .param(articleId)
                .query((rs, i) -> new Kept(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), Gzip.decompress(rs.getBytes(6)), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
                .single();
    }
}
