package io.huiwen.article;

import io.huiwen.text.Pinyin;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> findAll() {
        return jdbc.sql("SELECT id, slug, name, position FROM category ORDER BY position, id").query(Category.class).list();
    }

    public Optional<Category> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, position FROM category WHERE slug = ?").param(slug).query(Category.class).optional();
    }

    public Optional<Category> findByName(String name) {
        return jdbc.sql("SELECT id, slug, name, position FROM category WHERE name = ?").param(name).query(Category.class).optional();
    }

    /** The category of that name, created with a pinyin slug (made unique) when it does not exist yet. */
    public Category findOrCreate(String name) {
        return findByName(name).orElseGet(() -> {
            String base = Pinyin.slug(name);
            String slug = base;
            for (int i = 2; findBySlug(slug).isPresent(); i++) {
                slug = base + "-" + i;
            }
            jdbc.sql("INSERT INTO category (slug, name, position) VALUES (?, ?, 1000)").params(slug, name).update();
            return findBySlug(slug).orElseThrow();
        });
    }

    /** Articles per category, one per story, for navigation counts. */
    public java.util.Map<Long, Long> storyCounts() {
        var out = new java.util.HashMap<Long, Long>();
        jdbc.sql("SELECT category_id, COUNT(DISTINCT story_id) AS n FROM article WHERE category_id IS NOT NULL GROUP BY category_id")
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }
}
