package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle.TimePrecision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads articles. Lists show each story once: its earliest member, with the story's size. */
@Repository
public class ArticleRepository {

    private static final String CATEGORY_COLUMNS = "c.id AS c_id, c.slug AS c_slug, c.name AS c_name, c.position AS c_position";

    private static final String STORY_LEADS = """
            WITH s AS (
              SELECT a.id, a.title, a.publish_time, a.collected_at, a.source, a.category_id, a.excerpt,
                     a.story_id, a.sort_time, a.images, a.publish_precision,
                     ROW_NUMBER() OVER (PARTITION BY a.story_id ORDER BY a.sort_time, a.id) AS rn
              FROM article a WHERE a.status = """ + ArticleState.PUBLISHED.literal() + """
               %s)
            SELECT s.*, %s AS story_size, %s FROM s LEFT JOIN category c ON c.id = s.category_id
            WHERE s.rn = 1
            """;

    /**
     * A story's size, "N 家媒体报道": its published articles, whatever list shows it, so a category
     * page, search and 热门 give one story one number. {@code article} is the alias of an article
     * row of the story.
     */
    public static String storySize(String article) {
        return "(SELECT COUNT(*) FROM article m WHERE m.story_id = " + article + ".story_id AND m.status = "
                + ArticleState.PUBLISHED.literal() + ")";
    }

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The article with its tags, read by two queries one after the other. Never query inside a
     * row mapper: the outer query still holds its pooled connection while the inner one waits for
     * another, and under load every connection ends up held by a request waiting for a second.
     */
    public Optional<Article> findById(long id) {
        return jdbc.sql("SELECT a.*, " + CATEGORY_COLUMNS + " FROM article a LEFT JOIN category c ON c.id = a.category_id WHERE a.id = ?")
                .param(id)
                .query((rs, i) -> article(rs, List.of()))
                .optional()
                .map(a -> a.withTags(tags(id)));
    }

    public List<String> tags(long articleId) {
        return jdbc.sql("SELECT tag FROM article_tag WHERE article_id = ? ORDER BY position").param(articleId).query(String.class).list();
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    /** The articles readers can see, and so the articles a search index holds once it is in step. */
    public long countPublished() {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE status = " + ArticleState.PUBLISHED.literal()).query(Long.class).single();
    }

    /** Articles waiting for an editor (from sources marked "needs review"), newest first. */
    public List<ArticleSummary> awaitingReview(int max) {
        List<Long> ids = jdbc.sql("SELECT id FROM article WHERE status = " + ArticleState.REVIEW.literal() + " ORDER BY collected_at DESC LIMIT ?")
                .param(max).query(Long.class).list();
        return summaries(ids);
    }

    /** Why each of these articles waits for review ({@code source} or {@code category}), by id. */
    public Map<Long, String> reviewReasons(List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, review_reason FROM article WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
        }
        return out;
    }

    /**
     * Whether an article from this URL is stored already, or was deleted by an editor (a tombstone,
     * see ArticleDeletion): collectors skip it without fetching.
     */
    public boolean existsWithUrl(String url) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE source_url = ?").param(url).query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM article_tombstone WHERE source_url = ?").param(url).query(Long.class).single() > 0;
    }

    /** Newest stories first (publish time, or collection time when the date is unknown). */
    public Page<ArticleSummary> latest(int page, int size) {
        return storyLeads(ALL, page, size);
    }

    public Page<ArticleSummary> inCategory(long categoryId, int page, int size) {
        return storyLeads(IN_CATEGORY, page, size, categoryId);
    }

    public Page<ArticleSummary> withTag(String tag, int page, int size) {
        return storyLeads(WITH_TAG, page, size, tag);
    }

    /** The newest stories without counting them all: for sidebars, home-page blocks and feeds. */
    public List<ArticleSummary> newest(int max) {
        return leads(ALL, 0, max);
    }

    public List<ArticleSummary> newestIn(long categoryId, int max) {
        return leads(IN_CATEGORY, 0, max, categoryId);
    }

    /** Which articles a list takes; one may name one parameter, {@code :filter}. */
    private static final String ALL = "", IN_CATEGORY = "AND a.category_id = :filter",
            WITH_TAG = "AND a.id IN (SELECT article_id FROM article_tag WHERE tag = :filter)";

    private Page<ArticleSummary> storyLeads(String where, int page, int size, Object... filterValue) {
        int p = Math.max(1, page);
        var countSpec = filtered(jdbc.sql("SELECT COUNT(*) FROM (" + STORY_LEADS.formatted(where, "0", CATEGORY_COLUMNS) + ") x"), filterValue);
        return new Page<>(leads(where, (long) (p - 1) * size, size, filterValue), countSpec.query(Long.class).single(), p, size);
    }

    private List<ArticleSummary> leads(String where, long offset, int size, Object... filterValue) {
        String sql = STORY_LEADS.formatted(where, storySize("s"), CATEGORY_COLUMNS) + " ORDER BY s.sort_time DESC, s.id DESC LIMIT :limit OFFSET :offset";
        return filtered(jdbc.sql(sql).param("limit", size).param("offset", offset), filterValue).query((rs, i) -> summary(rs)).list();
    }

    /** The filter is a parameter, not a literal: one statement for H2 to parse and keep. */
    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Object... filterValue) {
        return filterValue.length > 0 ? spec.param("filter", filterValue[0]) : spec;
    }

    /** Summaries of the given articles, in the order of {@code ids}; unknown ids are skipped. */
    public List<ArticleSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ArticleSummary> found = jdbc.sql("""
                SELECT a.id, a.title, a.publish_time, a.collected_at, a.source, a.excerpt, a.story_id, a.images, a.publish_precision,
                       %s AS story_size, %s
                FROM article a LEFT JOIN category c ON c.id = a.category_id WHERE a.id IN (:ids)
                """.formatted(storySize("a"), CATEGORY_COLUMNS)).param("ids", ids).query((rs, i) -> summary(rs)).list();
        return ids.stream().flatMap(id -> found.stream().filter(s -> s.id() == id).limit(1)).toList();
    }

    /** Summaries of those of the given articles readers may see (published), in the order of {@code ids}: for lists made from cached ids. */
    public List<ArticleSummary> publishedSummaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> visible = jdbc.sql("SELECT id FROM article WHERE id IN (:ids) AND status = " + ArticleState.PUBLISHED.literal())
                .param("ids", ids).query(Long.class).list();
        return summaries(ids.stream().filter(visible::contains).toList());
    }

    /** One row of the admin's article list: every state, newest first. */
    public record Listed(long id, String title, ArticleState state, Category category, String source, OffsetDateTime publishTime,
                        OffsetDateTime collectedAt, long storyId) {}

    /**
     * The admin's article list: titles containing {@code titlePart} (case ignored; null or blank
     * for all), in {@code state} and category (null for any), newest first.
     */
    public Page<Listed> forAdmin(String titlePart, ArticleState state, Long categoryId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (titlePart != null && !titlePart.isBlank()) {
            where.append(" AND LOWER(a.title) LIKE :title ESCAPE '\\'");
            params.put("title", "%" + titlePart.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (state != null) {
            where.append(" AND a.status = :state");
            params.put("state", state.sql());
        }
        if (categoryId != null) {
            where.append(" AND a.category_id = :category");
            params.put("category", categoryId);
        }
        int p = Math.max(1, page);
        long total = jdbc.sql("SELECT COUNT(*) FROM article a" + where).params(params).query(Long.class).single();
        List<Listed> items = jdbc.sql("SELECT a.id, a.title, a.status, a.source, a.publish_time, a.collected_at, a.story_id, " + CATEGORY_COLUMNS
                        + " FROM article a LEFT JOIN category c ON c.id = a.category_id" + where
                        + " ORDER BY a.sort_time DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) (p - 1) * size)
                .query((rs, i) -> new Listed(rs.getLong("id"), rs.getString("title"), ArticleState.ofSql(rs.getString("status")), category(rs),
                        rs.getString("source"), rs.getObject("publish_time", OffsetDateTime.class),
                        rs.getObject("collected_at", OffsetDateTime.class), rs.getLong("story_id")))
                .list();
        return new Page<>(items, total, p, size);
    }

    /** Every other article of the story, whatever its state, earliest first: what an editor sees of it. */
    public List<Listed> storyForEditors(long storyId, long exceptId) {
        return jdbc.sql("SELECT a.id, a.title, a.status, a.source, a.publish_time, a.collected_at, a.story_id, " + CATEGORY_COLUMNS
                        + " FROM article a LEFT JOIN category c ON c.id = a.category_id WHERE a.story_id = ? AND a.id <> ? ORDER BY a.sort_time, a.id")
                .params(storyId, exceptId)
                .query((rs, i) -> new Listed(rs.getLong("id"), rs.getString("title"), ArticleState.ofSql(rs.getString("status")), category(rs),
                        rs.getString("source"), rs.getObject("publish_time", OffsetDateTime.class),
                        rs.getObject("collected_at", OffsetDateTime.class), rs.getLong("story_id")))
                .list();
    }

    /** Whether the article's raw page is kept (it can be extracted again). */
    public boolean rawPageKept(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM raw_page WHERE article_id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Another outlet's report of a story: its article id, 来源 and original URL. */
    public record OtherReport(long id, String source, String sourceUrl) {}

    /** Who else carries the story, earliest first, in one query. */
    public List<OtherReport> otherReports(long storyId, long exceptId) {
        return jdbc.sql("SELECT id, source, source_url FROM article WHERE story_id = ? AND id <> ? AND status = " + ArticleState.PUBLISHED.literal()
                + " ORDER BY sort_time, id")
                .params(storyId, exceptId).query(OtherReport.class).list();
    }

    /** The other articles of the same story, earliest first. */
    public List<ArticleSummary> storyMembers(long storyId, long exceptId) {
        List<Long> ids = jdbc.sql("SELECT id FROM article WHERE story_id = ? AND id <> ? AND status = " + ArticleState.PUBLISHED.literal()
                + " ORDER BY sort_time, id")
                .params(storyId, exceptId).query(Long.class).list();
        return summaries(ids);
    }

    /** Whole articles, in no particular order; used to feed the search index in batches. */
    public List<Article> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var tags = new java.util.HashMap<Long, List<String>>();
        jdbc.sql("SELECT article_id, tag FROM article_tag WHERE article_id IN (:ids) ORDER BY article_id, position")
                .param("ids", ids)
                .query((rs, i) -> tags.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("SELECT a.*, " + CATEGORY_COLUMNS + " FROM article a LEFT JOIN category c ON c.id = a.category_id WHERE a.id IN (:ids)")
                .param("ids", ids)
                .query((rs, i) -> article(rs, tags.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Article ids above {@code afterId}, ascending: for walking the whole table in batches. */
    public List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("SELECT id FROM article WHERE id > ? ORDER BY id LIMIT ?").params(afterId, limit).query(Long.class).list();
    }

    /** Articles written since the index last caught up, and the outbox position to mark once they are indexed. */
    public record SitemapEntry(long id, OffsetDateTime publishTime, OffsetDateTime lastModified, String title, boolean dateOnly) {
        /** An entry dated to the second, when dated. */
        public SitemapEntry(long id, OffsetDateTime publishTime, OffsetDateTime lastModified, String title) {
            this(id, publishTime, lastModified, title, false);
        }
    }

    public List<SitemapEntry> sitemap(int limit) {
        return jdbc.sql("SELECT id, publish_time, collected_at, title, publish_precision FROM article WHERE status = " + ArticleState.PUBLISHED.literal() + " ORDER BY sort_time DESC, id DESC LIMIT ?")
                .param(limit)
                .query((rs, i) -> new SitemapEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                        "DAY".equals(rs.getString(5))))
                .list();
    }

    private static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(rs.getLong("id"), rs.getString("title"), rs.getObject("publish_time", OffsetDateTime.class),
                rs.getObject("collected_at", OffsetDateTime.class), rs.getString("source"), category(rs),
                rs.getString("excerpt"), rs.getLong("story_id"), rs.getInt("story_size"), ArticleSummary.Picture.first(JsonColumns.images(rs.getString("images"))),
                precision(rs.getString("publish_precision")));
    }

    private static Article article(ResultSet rs, List<String> tags) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("source_url"), rs.getString("title"),
                rs.getObject("publish_time", OffsetDateTime.class), rs.getObject("collected_at", OffsetDateTime.class),
                rs.getString("source"), rs.getString("author"), rs.getString("editor"), category(rs),
                JsonColumns.strings(rs.getString("breadcrumb")), rs.getString("excerpt"), rs.getString("body_text"),
                rs.getString("body_html"), JsonColumns.images(rs.getString("images")), rs.getString("lang"), tags,
                rs.getLong("story_id"), rs.getLong("views"), (Long) rs.getObject("source_id", Long.class), ArticleState.ofSql(rs.getString("status")),
                precision(rs.getString("publish_precision")));
    }

    /** A stored precision; null (rows from before it was kept) reads as to the second. */
    static TimePrecision precision(String stored) {
        return stored == null ? null : TimePrecision.valueOf(stored);
    }

    private static Category category(ResultSet rs) throws SQLException {
        long id = rs.getLong("c_id");
        return rs.wasNull() ? null : new Category(id, rs.getString("c_slug"), rs.getString("c_name"), rs.getInt("c_position"));
    }
}
