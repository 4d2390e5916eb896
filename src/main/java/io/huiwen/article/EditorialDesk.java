package io.huiwen.article;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an editor does to stored articles: publish one waiting for review, recategorise it, split or merge stories. */
@Service
public class EditorialDesk {

    private final JdbcClient jdbc;
    private final CategoryRepository categories;
    private final IndexOutbox outbox;

    EditorialDesk(JdbcClient jdbc, CategoryRepository categories, IndexOutbox outbox) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.outbox = outbox;
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
        outbox.addAll(members);
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
        outbox.addAll(moved);
        return moved.size();
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
        int changed = jdbc.sql("UPDATE article SET category_id = ?, category_by = ? WHERE id = ?")
                .params(chosen.id(), CategoryEvidence.BY_EDITOR, id).update();
        if (changed == 1) {
            outbox.add(id);
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
                    .params(chosen.id(), CategoryEvidence.BY_EDITOR, id, ArticleState.REVIEW.sql()).update();
        }
        int changed = jdbc.sql("UPDATE article SET status = ?, review_reason = NULL WHERE id = ? AND status = ?")
                .params(ArticleState.PUBLISHED.sql(), id, ArticleState.REVIEW.sql()).update();
        if (changed == 1) {
            outbox.add(id);
        }
        return changed == 1;
    }
}
