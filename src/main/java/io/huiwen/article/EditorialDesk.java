package io.huiwen.article;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an editor does to stored articles: publish one waiting for review or taken down, take one
 * down, recategorise it, split or merge stories. Each command writes its change-log rows and its
 * audit entry (who: {@code actor}, the user's name) in the transaction of the change. The
 * overloads without an actor are for code and tests acting as nobody in particular ({@code system}).
 */
@Service
public class EditorialDesk {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final CategoryRepository categories;
    private final IndexOutbox outbox;
    private final AuditLog audit;

    EditorialDesk(JdbcClient jdbc, CategoryRepository categories, IndexOutbox outbox, AuditLog audit) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.outbox = outbox;
        this.audit = audit;
    }

    private record Row(String title, String status, Long categoryId, long storyId) {}

    private Optional<Row> row(long id) {
        return jdbc.sql("SELECT title, status, category_id, story_id FROM article WHERE id = ?").param(id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4))).optional();
    }

    private String slugOf(Long categoryId) {
        return categoryId == null ? null
                : jdbc.sql("SELECT slug FROM category WHERE id = ?").param(categoryId).query(String.class).optional().orElse(null);
    }

    private static String json(String field, Object value) {
        return "{\"" + field + "\":" + JsonColumns.write(value) + "}";
    }

    @Transactional
    public boolean splitFromStory(long id) {
        return splitFromStory(id, SYSTEM);
    }

    /**
     * An editor's split: the article leaves its story and stands alone. If it was the story's
     * id-giver, the others keep a story of their own under the earliest remaining id. False when
     * the article already stands alone.
     */
    @Transactional
    public boolean splitFromStory(long id, String actor) {
        Row article = row(id).orElseThrow(() -> new IllegalArgumentException("no article with id " + id));
        long story = article.storyId();
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
        audit.record(actor, "story.split", "article", id, "把《" + article.title() + "》从故事 " + story + " 拆出",
                json("story_id", story), json("story_id", id));
        return true;
    }

    @Transactional
    public int mergeStories(long into, long from) {
        return mergeStories(into, from, SYSTEM);
    }

    /** An editor's merge: every article of story {@code from} joins story {@code into}. Returns how many moved. */
    @Transactional
    public int mergeStories(long into, long from, String actor) {
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
        audit.record(actor, "story.merge", "story", into, "故事 " + from + " 的 " + moved.size() + " 篇文章并入故事 " + into,
                "{\"story_id\":" + from + ",\"articles\":" + JsonColumns.write(moved) + "}", json("story_id", into));
        return moved.size();
    }

    @Transactional
    public boolean recategorise(long id, String categorySlug) {
        return recategorise(id, categorySlug, SYSTEM);
    }

    /**
     * An editor puts an article in another category (and the classifier learns from it at its
     * next training); false when there is no such article.
     *
     * @throws IllegalArgumentException when there is no category with that slug
     */
    @Transactional
    public boolean recategorise(long id, String categorySlug, String actor) {
        Category chosen = categories.require(categorySlug == null ? "" : categorySlug.strip());
        Row before = row(id).orElse(null);
        if (before == null) {
            return false;
        }
        jdbc.sql("UPDATE article SET category_id = ?, category_by = ? WHERE id = ?")
                .params(chosen.id(), CategoryEvidence.BY_EDITOR, id).update();
        outbox.add(id);
        audit.record(actor, "article.category", "article", id, "《" + before.title() + "》改到栏目“" + chosen.name() + "”",
                json("category", slugOf(before.categoryId())), json("category", chosen.slug()));
        return true;
    }

    @Transactional
    public boolean publish(long id) {
        return publish(id, null, SYSTEM);
    }

    @Transactional
    public boolean publish(long id, String categorySlug) {
        return publish(id, categorySlug, SYSTEM);
    }

    /**
     * Puts an article waiting for review, or taken down, on the portal (and into the index) in the
     * category the editor chose (null keeps the one it has, which a person publishing it has then
     * confirmed); false when it was published already or there is no such article.
     *
     * @throws IllegalArgumentException when there is no category with that slug
     */
    @Transactional
    public boolean publish(long id, String categorySlug, String actor) {
        Category chosen = categorySlug != null && !categorySlug.isBlank() ? categories.require(categorySlug.strip()) : null;
        Row before = row(id).orElse(null);
        if (before == null || ArticleState.PUBLISHED.sql().equals(before.status())) {
            return false;
        }
        if (chosen != null) {
            jdbc.sql("UPDATE article SET category_id = ?, category_by = ? WHERE id = ?").params(chosen.id(), CategoryEvidence.BY_EDITOR, id).update();
        } else if (!SYSTEM.equals(actor)) {
            // an editor publishing the suggested category has confirmed it: now it is evidence the classifier may learn from
            jdbc.sql("UPDATE article SET category_by = ? WHERE id = ? AND category_id IS NOT NULL")
                    .params(CategoryEvidence.BY_EDITOR, id).update();
        }
        int changed = jdbc.sql("UPDATE article SET status = ?, review_reason = NULL WHERE id = ? AND status = ?")
                .params(ArticleState.PUBLISHED.sql(), id, before.status()).update();
        if (changed == 1) {
            outbox.add(id);
            audit.record(actor, "article.publish", "article", id,
                    "发布《" + before.title() + "》" + (chosen == null ? "" : "，栏目“" + chosen.name() + "”"),
                    json("status", before.status()), json("status", ArticleState.PUBLISHED.sql()));
        }
        return changed == 1;
    }

    /**
     * Takes an article down: off every page, list, feed, search and cache once the change log is
     * read (within the sync interval), kept with its raw page until it is published again. An
     * article waiting for review may be taken down too. False when it is down already or not there.
     */
    @Transactional
    public boolean unpublish(long id, String actor) {
        Row before = row(id).orElse(null);
        if (before == null || ArticleState.UNPUBLISHED.sql().equals(before.status())) {
            return false;
        }
        int changed = jdbc.sql("UPDATE article SET status = ? WHERE id = ? AND status = ?")
                .params(ArticleState.UNPUBLISHED.sql(), id, before.status()).update();
        if (changed == 1) {
            outbox.add(id);
            audit.record(actor, "article.unpublish", "article", id, "下线《" + before.title() + "》",
                    json("status", before.status()), json("status", ArticleState.UNPUBLISHED.sql()));
        }
        return changed == 1;
    }
}
