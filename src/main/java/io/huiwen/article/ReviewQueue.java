package io.huiwen.article;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The articles waiting for an editor, as the editors' API shows them: newest first, each with the
 * category it would be published in and how that was chosen.
 */
@Repository
public class ReviewQueue {

    /**
     * The category an article awaiting review would go to: chosen {@code by} the source, the page's
     * breadcrumb, the classifier or an editor (article.category_by); {@code sure} is false when the
     * classifier was unsure, which is why it waits ({@code reason} "category"), and true when it waits
     * because its source is reviewed ({@code reason} "source").
     */
    public record Suggestion(String by, boolean sure, String reason) {}

    private final JdbcClient jdbc;
    private final ArticleRepository articles;

    ReviewQueue(JdbcClient jdbc, ArticleRepository articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /** One page of the queue, the article collected last first. */
    public Page<ArticleSummary> newestFirst(int page, int size) {
        int p = Math.max(1, page);
        String waiting = "FROM article WHERE status = " + ArticleState.REVIEW.literal();
        List<Long> ids = jdbc.sql("SELECT id " + waiting + " ORDER BY collected_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(size, (long) (p - 1) * size).query(Long.class).list();
        long total = jdbc.sql("SELECT COUNT(*) " + waiting).query(Long.class).single();
        return new Page<>(articles.summaries(ids), total, p, size);
    }

    /** How each of these articles got the category it waits in, by id. */
    public Map<Long, Suggestion> suggestions(Collection<Long> ids) {
        Map<Long, Suggestion> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, category_by, review_reason FROM article WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, i) -> out.put(rs.getLong(1), new Suggestion(rs.getString(2),
                            !ArticleStore.REVIEW_CATEGORY.equals(rs.getString(3)), rs.getString(3))))
                    .list();
        }
        return out;
    }
}
