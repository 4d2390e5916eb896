package io.huiwen.article;

import io.huiwen.text.Folding;
import io.huiwen.text.Pinyin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** The category with this slug; an editor or a source named it, so its absence is their error. */
    public Category require(String slug) {
        return findBySlug(slug).orElseThrow(() -> new IllegalArgumentException("no category with slug '" + slug + "'"));
    }

    public Optional<Category> findByName(String name) {
        return jdbc.sql("SELECT id, slug, name, position FROM category WHERE name = ?").param(name).query(Category.class).optional();
    }

    /**
     * The category a page's breadcrumb names, read from its most specific crumb up: a crumb
     * matches a category by its name, slug or one of its aliases (国内经济 does not match 经济;
     * 财经频道 matches 财经), else by the section names news sites commonly use
     * ({@value #SHIPPED_CRUMBS}: 天文 → keji). Crumbs we have no category for (房产, 正文) give
     * nothing: an editor creates categories, a page does not.
     */
    public Optional<Category> forBreadcrumb(List<String> crumbs) {
        Map<String, Category> names = new HashMap<>();
        Map<String, Category> bySlug = new HashMap<>();
        jdbc.sql("SELECT id, slug, name, position, aliases FROM category").query((rs, i) -> {
            Category c = new Category(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
            names.put(crumbKey(c.name()), c);
            names.put(crumbKey(c.slug()), c);
            bySlug.put(c.slug(), c);
            for (String alias : rs.getString(5).split(",")) {
                if (!alias.isBlank()) {
                    names.putIfAbsent(crumbKey(alias), c);
                }
            }
            return c;
        }).list();
        ShippedCrumbs.NAMES.forEach((crumb, slug) -> {
            if (bySlug.containsKey(slug)) {
                names.putIfAbsent(crumb, bySlug.get(slug));
            }
        });
        for (int i = crumbs.size() - 1; i >= 0; i--) {
            Category c = names.get(crumbKey(crumbs.get(i)));
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The category a page's own section or column name ({@code articleSection}, 栏目) names, as a one-crumb breadcrumb. */
    public Optional<Category> forSection(String section) {
        return section == null || section.isBlank() ? Optional.empty() : forBreadcrumb(List.of(section));
    }

    static final String SHIPPED_CRUMBS = "/category/crumbs.txt";

    /** Section names news sites commonly use, crumb key → slug; loaded once. */
    private static final class ShippedCrumbs {
        static final Map<String, String> NAMES = load();

        private static Map<String, String> load() {
            Map<String, String> out = new HashMap<>();
            try (var in = CategoryRepository.class.getResourceAsStream(SHIPPED_CRUMBS)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    int colon = line.indexOf(':');
                    if (!line.startsWith("#") && colon > 0) {
                        for (String name : line.substring(colon + 1).strip().split("\\s+")) {
                            out.putIfAbsent(crumbKey(name), line.substring(0, colon).strip());
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.copyOf(out);
        }
    }

    /** A crumb as compared: folded as search folds it ({@link Folding}), without 频道/新闻/栏目 around it. */
    private static final Pattern CRUMB_MARKS = Pattern.compile("[\\s>›»/|]+");
    private static final Pattern CRUMB_WORDS = Pattern.compile("(频道|新闻|栏目|资讯|板块|版|动态|快讯|中心)$");

    public static String crumbKey(String crumb) {
        String s = CRUMB_MARKS.matcher(Folding.fold(crumb.strip())).replaceAll("");
        String bare = CRUMB_WORDS.matcher(s).replaceAll("");
        return bare.isEmpty() ? s : bare;
    }

    /** Articles per category, one per story, for navigation counts. */
    public java.util.Map<Long, Long> storyCounts() {
        var out = new java.util.HashMap<Long, Long>();
        jdbc.sql("SELECT category_id, COUNT(DISTINCT story_id) AS n FROM article WHERE category_id IS NOT NULL AND status = " + ArticleState.PUBLISHED.literal() + " GROUP BY category_id")
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }
}
