package io.huiwen.article;

import io.huiwen.extract.BodySanitizer;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.Enrichment;
import io.huiwen.text.SimHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write path: an extracted page becomes a stored article with its tags, category (see
 * CategoryEvidence) and story (see StoryClusters), its raw page, and an outbox record for the
 * search index, all in one transaction. A page already stored (same URL, or the same title and
 * text) is reported as a duplicate and left as it is. Editors' changes go through EditorialDesk.
 */
@Service
public class ArticleStore {

    /** Why an article waits for review (article.review_reason). */
    public static final String REVIEW_SOURCE = "source", REVIEW_CATEGORY = "category";

    /**
     * What happened to one page: stored as {@code id} (perhaps to wait for review), a duplicate of
     * the article {@code id}, or refused because an editor deleted it ({@code withdrawn}: id 0,
     * counted as a duplicate by whoever only counts).
     */
    public record Stored(long id, boolean duplicate, boolean awaitingReview, boolean withdrawn) {
        public Stored(long id, boolean duplicate, boolean awaitingReview) {
            this(id, duplicate, awaitingReview, false);
        }
    }

    /**
     * Where a collected page came from: its source (null for imports), whether an editor must
     * review it before it is published, and the raw page to keep for re-extraction (or null).
     */
    public record Provenance(Long sourceId, boolean needsReview, RawPage raw) {
        public static final Provenance IMPORTED = new Provenance(null, false, null);
    }

    /**
     * The page as fetched (kept gzip-compressed) and what its feed said about it (title, date,
     * content; each may be null), so that it can be extracted again as it was the first time.
     */
    public record RawPage(String url, String contentType, OffsetDateTime fetchedAt, byte[] body,
                          String feedTitle, OffsetDateTime feedPublished, String feedHtml) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CategoryEvidence evidence;
    private final StoryClusters stories;
    private final IndexOutbox outbox;
    private final PlatformTransactionManager transactions;
    private final AuditLog audit;

    ArticleStore(JdbcClient jdbc, JdbcTemplate template, CategoryEvidence evidence, StoryClusters stories, IndexOutbox outbox,
                 PlatformTransactionManager transactions, AuditLog audit) {
        this.transactions = transactions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.template = template;
        this.evidence = evidence;
        this.stories = stories;
        this.outbox = outbox;
    }

    /**
     * A page made ready to store: its content key, enrichment, category and sanitized body, all
     * worked out without the database's transaction, so that any thread may prepare pages while
     * one stores them ({@link #prepare}, then {@link #store(Prepared, OffsetDateTime)} or {@link #storeAll}).
     */
    public static final class Prepared {
        private final ExtractedArticle page;
        private final String key;
        private final Enrichment enrichment;
        private final CategoryEvidence.Choice category;
        private final String bodyHtml;
        private final Provenance from;

        private Prepared(ExtractedArticle page, String key, Enrichment enrichment, CategoryEvidence.Choice category,
                         String bodyHtml, Provenance from) {
            this.page = page;
            this.key = key;
            this.enrichment = enrichment;
            this.category = category;
            this.bodyHtml = bodyHtml;
            this.from = from;
        }

        public ExtractedArticle page() {
            return page;
        }
    }

    /**
     * @param categorySlug the editor's choice of category, or null to take the page's breadcrumb
     *                     or, failing that, the classifier's guess
     * @param collectedAt  when Huiwen took the page in
     */
    public Stored store(ExtractedArticle page, String categorySlug, OffsetDateTime collectedAt) {
        return store(page, categorySlug, collectedAt, Provenance.IMPORTED);
    }

    public Stored store(ExtractedArticle page, String categorySlug, OffsetDateTime collectedAt, Provenance from) {
        return store(prepare(page, categorySlug, from), collectedAt);
    }

    /**
     * Everything about a new article that needs no transaction; thread-safe. Work done for a page
     * that turns out to be stored already is wasted, which is cheaper than enriching while holding
     * a connection.
     *
     * @param categorySlug the editor's or the source's choice of category, or null to take the
     *                     page's breadcrumb or, failing that, the classifier's guess
     */
    public Prepared prepare(ExtractedArticle page, String categorySlug, Provenance from) {
        return prepare(page, categorySlug, from, Enrichment.of(page.title(), page.text()));
    }

    /**
     * As {@link #prepare(ExtractedArticle, String, Provenance)}, with the page's enrichment already
     * worked out ({@code Enrichment.of} its title and text; the demo articles' is made by the build).
     */
    public Prepared prepare(ExtractedArticle page, String categorySlug, Provenance from, Enrichment enrichment) {
        return new Prepared(page, contentKey(page), enrichment,
                evidence.choose(page, categorySlug, from.sourceId() != null), BodySanitizer.sanitize(page.html()), from);
    }

    /** Stores one prepared page in a transaction of its own; see {@link #storeAll}. */
    public Stored store(Prepared page, OffsetDateTime collectedAt) {
        return storeAll(List.of(page), collectedAt).get(0);
    }

    /**
     * Stores the prepared pages in order in one transaction, each seeing those before it (a
     * duplicate or a repost of an earlier one in the batch is found as if stored alone): with
     * the database writing every commit to its file, one commit for many pages is one write.
     * All of them are stored, or (on any failure, thrown) none.
     */
    public List<Stored> storeAll(List<Prepared> pages, OffsetDateTime collectedAt) {
        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        List<Stored> stored = new ArrayList<>(pages.size());
        try {
            for (Prepared page : pages) {
                stored.add(storeIn(page, collectedAt));
            }
        } catch (RuntimeException | Error e) {
            try {
                transactions.rollback(tx);
            } catch (RuntimeException rollbackFailed) {
                // The database failed under the transaction (a full disk makes H2 close itself), so the
                // rollback fails too. The first failure is what the caller must see, and @Transactional
                // would log it as an ERROR with its stack trace on top of throwing the rollback's.
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        transactions.commit(tx);
        return stored;
    }

    private Stored storeIn(Prepared page, OffsetDateTime collectedAt) {
        // indexed lookups only: with OR between the columns H2 scans the whole table, and "source_url = NULL"
        // walks every imported article's entry in the URL index; both for every page stored
        Optional<Long> existing = page.page.url() == null
                ? jdbc.sql("SELECT id FROM article WHERE content_key = ?").param(page.key).query(Long.class).optional()
                : jdbc.sql("SELECT id FROM article WHERE content_key = ? UNION SELECT id FROM article WHERE source_url = ?")
                        .params(page.key, page.page.url()).query(Long.class).optional();
        if (existing.isPresent()) {
            return new Stored(existing.get(), true, false);
        }
        if (deleted(page.key, page.page.url())) { // a takedown does not come back by itself (see ArticleDeletion)
            return new Stored(0, true, false, true);
        }
        Enrichment enrichment = page.enrichment;
        Provenance from = page.from;
        String reviewReason = from.needsReview() ? REVIEW_SOURCE : page.category.sure() ? null : REVIEW_CATEGORY;
        ArticleState state = reviewReason == null ? ArticleState.PUBLISHED : ArticleState.REVIEW;
        Optional<Long> story = stories.storyOf(enrichment.simhash(), enrichment.storyWords());
        long id = insert(new NewRow(page.page, page.key, page.category, state, reviewReason, from.sourceId(), story.orElse(null)),
                enrichment, page.bodyHtml, collectedAt);
        if (story.isEmpty()) {
            // a story of its own is known by the article's id, which only the INSERT gives
            jdbc.sql("UPDATE article SET story_id = ? WHERE id = ?").params(id, id).update();
        }
        if (from.raw() != null) {
            keep(id, from.raw());
        }
        writeTags(id, enrichment.keywords());
        outbox.add(id);
        // now, not after the commit: the next pages of this batch are compared with it before then, and
        // if the batch is rolled back its id is never used again, so what is remembered under it is never read
        stories.remember(id, enrichment.simhash(), enrichment.storyWords());
        return new Stored(id, false, reviewReason != null);
    }

    private boolean deleted(String key, String url) {
        boolean byKey = jdbc.sql("SELECT COUNT(*) FROM article_tombstone WHERE content_key = ?").param(key).query(Long.class).single() > 0;
        return byKey || url != null
                && jdbc.sql("SELECT COUNT(*) FROM article_tombstone WHERE source_url = ?").param(url).query(Long.class).single() > 0;
    }

    private void keep(long id, RawPage raw) {
        jdbc.sql("""
                INSERT INTO raw_page (article_id, url, content_type, fetched_at, body_gzip, feed_title, feed_published, feed_html)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, raw.url(), raw.contentType(), raw.fetchedAt().withOffsetSameInstant(ZoneOffset.UTC), Gzip.compress(raw.body()),
                        raw.feedTitle(), raw.feedPublished() == null ? null : raw.feedPublished().withOffsetSameInstant(ZoneOffset.UTC),
                        raw.feedHtml())
                .update();
    }

    private void writeTags(long id, List<String> tags) {
        List<Object[]> rows = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            rows.add(new Object[] {id, tags.get(i), i});
        }
        if (!rows.isEmpty()) { // one statement for all of them
            template.batchUpdate("INSERT INTO article_tag (article_id, tag, position) VALUES (?, ?, ?)", rows);
        }
    }

    /**
     * Replaces what extraction gave for a stored article (a better extractor ran on its raw
     * page): title, byline, body, images, tags and excerpt; its id, category, story and views stay,
     * and so does every field an editor set by hand ({@code article.edited_fields}: title, tags,
     * excerpt, body, publish time).
     */
    @Transactional
    public void replaceExtraction(long id, ExtractedArticle page) {
        replaceExtraction(id, page, null);
    }

    /**
     * As {@link #replaceExtraction(long, ExtractedArticle)}, recorded in the audit log as the
     * {@code actor}'s {@code article.reextract} (none for a null actor: the {@code reextract}
     * command over every kept page) with the fields that changed.
     */
    @Transactional
    public void replaceExtraction(long id, ExtractedArticle page, String actor) {
        var before = jdbc.sql("SELECT title, publish_time, excerpt, body_html, edited_fields FROM article WHERE id = ?").param(id)
                .query((rs, i) -> new String[] {rs.getString(1), String.valueOf(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
                        rs.getString(4), rs.getString(5)})
                .optional().orElseThrow(() -> new IllegalArgumentException("no article with id " + id));
        java.util.Set<String> edited = java.util.Set.of(before[4].split(","));
        Enrichment e = Enrichment.of(page.title(), page.text());
        OffsetDateTime publish = edited.contains("published_at") ? null : page.publishTime();
        boolean keepBody = edited.contains("body_html");
        String html = BodySanitizer.sanitize(page.html());
        jdbc.sql("""
                UPDATE article SET title = CASE WHEN :keepTitle THEN title ELSE :title END,
                    publish_time = COALESCE(:publish, publish_time),
                    publish_precision = COALESCE(:precision, publish_precision), source = :source,
                    author = :author, editor = :editor, breadcrumb = :breadcrumb,
                    excerpt = CASE WHEN :keepExcerpt THEN excerpt ELSE :excerpt END,
                    body_text = CASE WHEN :keepBody THEN body_text ELSE :text END,
                    body_html = CASE WHEN :keepBody THEN body_html ELSE :html END,
                    images = :images, lang = :lang,
                    simhash = CASE WHEN :keepBody THEN simhash ELSE :simhash END, band0 = CASE WHEN :keepBody THEN band0 ELSE :b0 END,
                    band1 = CASE WHEN :keepBody THEN band1 ELSE :b1 END, band2 = CASE WHEN :keepBody THEN band2 ELSE :b2 END,
                    band3 = CASE WHEN :keepBody THEN band3 ELSE :b3 END, sort_time = COALESCE(:publish, sort_time)
                WHERE id = :id
                """).param("title", page.title()).param("keepTitle", edited.contains("title")).param("publish", publish)
                .param("precision", publish == null ? null : page.timePrecision().name()).param("source", page.source()).param("author", page.author()).param("editor", page.editor())
                .param("breadcrumb", JsonColumns.write(page.breadcrumb()))
                .param("excerpt", e.excerpt()).param("keepExcerpt", edited.contains("excerpt") || keepBody)
                .param("text", page.text()).param("html", html).param("keepBody", keepBody)
                .param("images", JsonColumns.write(page.images())).param("lang", page.lang()).param("simhash", e.simhash())
                .param("b0", SimHash.band(e.simhash(), 0)).param("b1", SimHash.band(e.simhash(), 1))
                .param("b2", SimHash.band(e.simhash(), 2)).param("b3", SimHash.band(e.simhash(), 3))
                .param("id", id).update();
        if (!edited.contains("tags")) {
            jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(id).update();
            writeTags(id, e.keywords());
        }
        outbox.add(id);
        if (actor != null) {
            var was = new java.util.LinkedHashMap<String, Object>();
            var now = new java.util.LinkedHashMap<String, Object>();
            if (!edited.contains("title") && !before[0].equals(page.title())) {
                was.put("title", before[0]);
                now.put("title", page.title());
            }
            if (!keepBody && !before[3].equals(html)) {
                was.put("body_html", before[3]);
                now.put("body_html", html);
            }
            audit.record(actor, "article.reextract", "article", id, "重新抽取《" + before[0] + "》"
                            + (edited.isEmpty() || before[4].isBlank() ? "" : "，保留编辑改过的字段：" + before[4]),
                    JsonColumns.write(was), JsonColumns.write(now));
        }
    }

    /**
     * Where an article with no known date stands in 最新 and 热门 when it came by a file import or
     * another bulk load: behind every dated one (热门 never reaches it). It is an order, never shown:
     * pages, feeds and the API show {@code publish_time}, null when unknown.
     */
    public static final OffsetDateTime UNDATED = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * The time lists order an article by: its publish time; when the page gave none, the time it
     * was first seen if that was a live collection (a poll of a source, {@code live}), since the
     * poll found it new; never the time of a file import, which says nothing of the article's age.
     */
    public static OffsetDateTime sortTime(OffsetDateTime published, OffsetDateTime firstSeen, boolean live) {
        return published != null ? published : live ? firstSeen : UNDATED;
    }

    /** {@link #sortTime} in SQL, for an article row {@code a} whose publish time becomes {@code published}. */
    static final String SORT_TIME_SQL = "COALESCE(%s, CASE WHEN source_id IS NULL THEN TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' ELSE collected_at END)";

    /** Everything of a new article's row but what enrichment gives. */
    private record NewRow(ExtractedArticle page, String key, CategoryEvidence.Choice category, ArticleState state, String reviewReason,
                          Long sourceId, Long storyId) {}

    private long insert(NewRow row, Enrichment e, String bodyHtml, OffsetDateTime collectedAt) {
        ExtractedArticle page = row.page();
        Category category = row.category().category();
        OffsetDateTime collected = collectedAt.withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime sortTime = sortTime(page.publishTime(), collected, row.sourceId() != null);
        long hash = e.simhash();
        var keys = new GeneratedKeyHolder();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO article (source_url, content_key, title, publish_time, collected_at, source, author, editor,
                        category_id, breadcrumb, excerpt, body_text, body_html, images, lang, simhash, band0, band1, band2, band3, sort_time,
                        source_id, category_by, status, review_reason, story_id, publish_precision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            int i = 1;
            ps.setString(i++, page.url());
            ps.setString(i++, row.key());
            ps.setString(i++, page.title());
            ps.setObject(i++, page.publishTime());
            ps.setObject(i++, collected);
            ps.setString(i++, page.source());
            ps.setString(i++, page.author());
            ps.setString(i++, page.editor());
            ps.setObject(i++, category == null ? null : category.id());
            ps.setString(i++, JsonColumns.write(page.breadcrumb()));
            ps.setString(i++, e.excerpt());
            ps.setString(i++, page.text());
            ps.setString(i++, bodyHtml);
            ps.setString(i++, JsonColumns.write(page.images()));
            ps.setString(i++, page.lang());
            ps.setLong(i++, hash);
            for (int b = 0; b < 4; b++) {
                ps.setInt(i++, SimHash.band(hash, b));
            }
            ps.setObject(i++, sortTime);
            ps.setObject(i++, row.sourceId());
            ps.setString(i++, row.category().by());
            ps.setString(i++, row.state().sql());
            ps.setString(i++, row.reviewReason());
            ps.setObject(i++, row.storyId());
            ps.setString(i, precision(page));
            return ps;
        }, keys);
        return ((Number) keys.getKeys().get("id")).longValue();
    }

    /** How precisely the page dates itself, as stored: null when it gives no date. */
    static String precision(ExtractedArticle page) {
        return page.publishTime() == null ? null : page.timePrecision().name();
    }

    /** Identity of a page's content: same title and same text (whitespace folded) is the same page. */
    static String contentKey(ExtractedArticle page) {
        String basis = fold(page.title()) + "\n" + fold(page.text());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String fold(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }
}
