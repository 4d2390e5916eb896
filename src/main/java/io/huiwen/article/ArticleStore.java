package io.huiwen.article;

import io.huiwen.extract.BodySanitizer;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.Enrichment;
import io.huiwen.text.SimHash;
import io.huiwen.text.StoryMatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The write path: an extracted page becomes a stored article with its tags, category and story
 * cluster, and an outbox record for the search index, all in one transaction. A page already
 * stored (same URL, or the same title and text) is reported as a duplicate and left as it is.
 */
@Service
public class ArticleStore {

    /**
     * Articles whose fingerprint's band {@code b} is equal to, or one bit away from, the given
     * one's (parameters: {@link #storyCandidateBand}). Seven differing bits cannot spread over four
     * bands without leaving one band at most one bit off, so the four band queries together find
     * every article within 7 bits, by indexed equality lookups only. One query per band: a UNION
     * of the four made H2 sort and merge every row and took 3.5–5.7 ms among a million
     * fingerprints, the four plain lookups ~0.6 ms (bench/dedup.sh).
     */
    public static String storyCandidates(int b) {
        return "SELECT id, simhash, story_id FROM article WHERE band" + b + " IN ("
                + String.join(", ", java.util.Collections.nCopies(17, "?")) + ")";
    }

    /** The 17 parameters of {@link #storyCandidates}: band {@code b}, then it with each of its 16 bits flipped. */
    public static Object[] storyCandidateBand(long simhash, int b) {
        Object[] params = new Object[17];
        int band = SimHash.band(simhash, b);
        params[0] = band;
        for (int bit = 0; bit < 16; bit++) {
            params[1 + bit] = band ^ (1 << bit);
        }
        return params;
    }

    /** Farthest fingerprint the band queries are sure to find. */
    public static final int CANDIDATE_DISTANCE = 7;

    /** Who chose an article's category (article.category_by). */
    public static final String BY_EDITOR = "editor", BY_SOURCE = "source", BY_BREADCRUMB = "breadcrumb",
            BY_CLASSIFIER = "classifier";
    /** Why an article waits for review (article.review_reason). */
    public static final String REVIEW_SOURCE = "source", REVIEW_CATEGORY = "category";

    /** What happened to one page: stored as {@code id} (perhaps to wait for review), or a duplicate of the article {@code id}. */
    public record Stored(long id, boolean duplicate, boolean awaitingReview) {}

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
    private final CategoryRepository categories;
    private final CategoryGuesser guesser;
    private final PlatformTransactionManager transactions;

    ArticleStore(JdbcClient jdbc, JdbcTemplate template, CategoryRepository categories, CategoryGuesser guesser,
                 PlatformTransactionManager transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.template = template;
        this.categories = categories;
        this.guesser = guesser;
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
        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        Stored stored;
        try {
            stored = storeIn(page, categorySlug, collectedAt, from);
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

    private Stored storeIn(ExtractedArticle page, String categorySlug, OffsetDateTime collectedAt, Provenance from) {
        String key = contentKey(page);
        Optional<Long> existing = jdbc.sql("SELECT id FROM article WHERE content_key = ? OR (source_url IS NOT NULL AND source_url = ?)")
                .params(key, page.url()).query(Long.class).optional();
        if (existing.isPresent()) {
            return new Stored(existing.get(), true, false);
        }
        Enrichment enrichment = Enrichment.of(page.title(), page.text());
        CategoryChoice category = category(page, categorySlug, from);
        long id = insert(page, key, category.category(), enrichment, collectedAt);
        String reviewReason = from.needsReview() ? REVIEW_SOURCE : category.sure() ? null : REVIEW_CATEGORY;
        jdbc.sql("UPDATE article SET source_id = ?, category_by = ?, status = ?, review_reason = ? WHERE id = ?")
                .params(from.sourceId(), category.by(), (reviewReason == null ? ArticleState.PUBLISHED : ArticleState.REVIEW).sql(), reviewReason, id)
                .update();
        if (from.raw() != null) {
            RawPage raw = from.raw();
            jdbc.sql("""
                    INSERT INTO raw_page (article_id, url, content_type, fetched_at, body_gzip, feed_title, feed_published, feed_html)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(id, raw.url(), raw.contentType(), raw.fetchedAt().withOffsetSameInstant(ZoneOffset.UTC), Gzip.compress(raw.body()),
                            raw.feedTitle(), raw.feedPublished() == null ? null : raw.feedPublished().withOffsetSameInstant(ZoneOffset.UTC),
                            raw.feedHtml())
                    .update();
        }
        long storyId = storyOf(id, enrichment.simhash(), page.text()).orElse(id);
        jdbc.sql("UPDATE article SET story_id = ? WHERE id = ?").params(storyId, id).update();
        List<String> tags = enrichment.keywords();
        for (int i = 0; i < tags.size(); i++) {
            jdbc.sql("INSERT INTO article_tag (article_id, tag, position) VALUES (?, ?, ?)").params(id, tags.get(i), i).update();
        }
        jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(id).update();
        return new Stored(id, false, reviewReason != null);
    }

    /**
     * Replaces what extraction gave for a stored article (a better extractor ran on its raw
     * page): title, byline, body, images, tags and excerpt; its id, category, story and views stay.
     */
    @Transactional
    public void replaceExtraction(long id, ExtractedArticle page) {
        Enrichment e = Enrichment.of(page.title(), page.text());
        OffsetDateTime publish = page.publishTime();
        jdbc.sql("""
                UPDATE article SET title = :title, publish_time = COALESCE(:publish, publish_time), source = :source,
                    author = :author, editor = :editor, breadcrumb = :breadcrumb, excerpt = :excerpt, body_text = :text,
                    body_html = :html, images = :images, lang = :lang, simhash = :simhash, band0 = :b0, band1 = :b1,
                    band2 = :b2, band3 = :b3, sort_time = COALESCE(:publish, sort_time)
                WHERE id = :id
                """).param("title", page.title()).param("publish", publish).param("source", page.source())
                .param("author", page.author()).param("editor", page.editor()).param("breadcrumb", JsonColumns.write(page.breadcrumb()))
                .param("excerpt", e.excerpt()).param("text", page.text()).param("html", BodySanitizer.sanitize(page.html()))
                .param("images", JsonColumns.write(page.images())).param("lang", page.lang()).param("simhash", e.simhash())
                .param("b0", SimHash.band(e.simhash(), 0)).param("b1", SimHash.band(e.simhash(), 1))
                .param("b2", SimHash.band(e.simhash(), 2)).param("b3", SimHash.band(e.simhash(), 3))
                .param("id", id).update();
        jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(id).update();
        List<String> tags = e.keywords();
        for (int i = 0; i < tags.size(); i++) {
            jdbc.sql("INSERT INTO article_tag (article_id, tag, position) VALUES (?, ?, ?)").params(id, tags.get(i), i).update();
        }
        jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(id).update();
    }

    /**
     * An editor's split: the article leaves its story and stands alone. If it was the story's
     * id-giver, the others keep a story of their own under the earliest remaining id. False when
     * the article already stands alone.
     */
    @Transactional
    public boolean splitFromStory(long id) {
        long story = jdbc.sql("SELECT story_id FROM article WHERE id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no article with id " + id));
        List<Long> members = jdbc.sql("SELECT id FROM article WHERE story_id = ? ORDER BY id").param(story).query(Long.class).list();
        if (members.size() <= 1) {
            return false;
        }
        jdbc.sql("UPDATE article SET story_id = ? WHERE id = ?").params(id, id).update();
        if (story == id) {
            long newStory = members.stream().filter(m -> m != id).findFirst().orElseThrow();
            jdbc.sql("UPDATE article SET story_id = ? WHERE story_id = ? AND id <> ?").params(newStory, id, id).update();
        }
        reindex(members);
        return true;
    }

    /** An editor's merge: every article of story {@code from} joins story {@code into}. Returns how many moved. */
    @Transactional
    public int mergeStories(long into, long from) {
        if (into == from) {
            throw new IllegalArgumentException("a story cannot be merged into itself");
        }
        for (long story : new long[] {into, from}) {
            if (jdbc.sql("SELECT COUNT(*) FROM article WHERE story_id = ?").param(story).query(Long.class).single() == 0) {
                throw new IllegalArgumentException("no story with id " + story);
            }
        }
        List<Long> moved = jdbc.sql("SELECT id FROM article WHERE story_id = ?").param(from).query(Long.class).list();
        jdbc.sql("UPDATE article SET story_id = ? WHERE story_id = ?").params(into, from).update();
        reindex(moved);
        return moved.size();
    }

    private void reindex(List<Long> ids) {
        for (long id : ids) {
            jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(id).update();
        }
    }

    /**
     * An editor puts an article in another category (and the classifier learns from it at its
     * next training); false when there is no such article.
     *
     * @throws IllegalArgumentException when there is no category with that slug
     */
    @Transactional
    public boolean recategorise(long id, String categorySlug) {
        Category chosen = categories.require(categorySlug == null ? "" : categorySlug.strip());
        int changed = jdbc.sql("UPDATE article SET category_id = ?, category_by = ? WHERE id = ?").params(chosen.id(), BY_EDITOR, id).update();
        if (changed == 1) {
            jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(id).update();
        }
        return changed == 1;
    }

    /** An article waiting for review goes on the portal (and into the index); false when it was not waiting. */
    @Transactional
    public boolean publish(long id) {
        return publish(id, null);
    }

    /**
     * Publishes an article waiting for review in the category the editor chose (null keeps the
     * one it has); false when it was not waiting.
     *
     * @throws IllegalArgumentException when there is no category with that slug
     */
    @Transactional
    public boolean publish(long id, String categorySlug) {
        if (categorySlug != null && !categorySlug.isBlank()) {
            Category chosen = categories.require(categorySlug);
            jdbc.sql("UPDATE article SET category_id = ?, category_by = ? WHERE id = ? AND status = ?")
                    .params(chosen.id(), BY_EDITOR, id, ArticleState.REVIEW.sql()).update();
        }
        int changed = jdbc.sql("UPDATE article SET status = ?, review_reason = NULL WHERE id = ? AND status = ?")
                .params(ArticleState.PUBLISHED.sql(), id, ArticleState.REVIEW.sql()).update();
        if (changed == 1) {
            jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(id).update();
        }
        return changed == 1;
    }

    /** How an article got its category; {@code sure} is false when the classifier was unsure, and an editor decides. */
    record CategoryChoice(Category category, String by, boolean sure) {}

    /** Evidence in order: the editor's (or the source's) choice, the page's breadcrumb, the classifier. */
    private CategoryChoice category(ExtractedArticle page, String categorySlug, Provenance from) {
        if (categorySlug != null && !categorySlug.isBlank()) {
            Category chosen = categories.require(categorySlug);
            return new CategoryChoice(chosen, from.sourceId() == null ? BY_EDITOR : BY_SOURCE, true);
        }
        Optional<Category> fromCrumbs = categories.forBreadcrumb(page.breadcrumb());
        if (fromCrumbs.isPresent()) {
            return new CategoryChoice(fromCrumbs.get(), BY_BREADCRUMB, true);
        }
        CategoryGuesser.Guess guess = guesser.guess(page.title(), page.text());
        return new CategoryChoice(guess.category(), BY_CLASSIFIER, guess.sure());
    }

    private long insert(ExtractedArticle page, String key, Category category, Enrichment e, OffsetDateTime collectedAt) {
        OffsetDateTime collected = collectedAt.withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime sortTime = page.publishTime() != null ? page.publishTime() : collected;
        long hash = e.simhash();
        var keys = new GeneratedKeyHolder();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO article (source_url, content_key, title, publish_time, collected_at, source, author, editor,
                        category_id, breadcrumb, excerpt, body_text, body_html, images, lang, simhash, band0, band1, band2, band3, sort_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            int i = 1;
            ps.setString(i++, page.url());
            ps.setString(i++, key);
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
            ps.setString(i++, BodySanitizer.sanitize(page.html()));
            ps.setString(i++, JsonColumns.write(page.images()));
            ps.setString(i++, page.lang());
            ps.setLong(i++, hash);
            for (int b = 0; b < 4; b++) {
                ps.setInt(i++, SimHash.band(hash, b));
            }
            ps.setObject(i, sortTime);
            return ps;
        }, keys);
        return ((Number) keys.getKeys().get("id")).longValue();
    }

    /**
     * The story of the nearest stored article that tells the same story, if any. Candidates share
     * at least one 16-bit band of the fingerprint (an indexed lookup, no scan); see StoryMatch.
     */
    private Optional<Long> storyOf(long id, long simhash, String text) {
        record Candidate(long id, long simhash, Long storyId) {}
        java.util.Map<Long, Candidate> candidates = new java.util.HashMap<>();
        for (int b = 0; b < 4; b++) {
            jdbc.sql(storyCandidates(b)).params(storyCandidateBand(simhash, b))
                    .query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                    .list().stream()
                    .filter(c -> c.id() != id && SimHash.distance(c.simhash(), simhash) <= CANDIDATE_DISTANCE)
                    .forEach(c -> candidates.put(c.id(), c));
        }
        java.util.function.Supplier<java.util.Set<String>> ours = memo(() -> StoryMatch.words(text));
        return candidates.values().stream()
                .sorted(java.util.Comparator.comparingInt((Candidate c) -> SimHash.distance(c.simhash(), simhash)).thenComparingLong(Candidate::id))
                .filter(c -> StoryMatch.sameStory(simhash, c.simhash(), ours, () -> StoryMatch.words(bodyText(c.id()))))
                .findFirst()
                .map(c -> c.storyId() == null ? c.id() : c.storyId());
    }

    private String bodyText(long id) {
        return jdbc.sql("SELECT body_text FROM article WHERE id = ?").param(id).query(String.class).single();
    }

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> supplier) {
        Object[] value = {null};
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked") T t = (T) value[0];
            return t;
        };
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

    private static String fold(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
