package io.huiwen.article;

import io.huiwen.text.Folding;
import io.huiwen.text.Pinyin;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;
    /**
     * The categories and the names pages file under, read once and kept until they change
     * ({@link #changed}, or another node's change seen in the change log) and at most
     * {@link #KEEP_KNOWN_NANOS} (another node's new aliases write no change-log row): the category
     * evidence reads them for every article, which was a handful of queries per article on an import.
     */
    private final AtomicReference<Known> known = new AtomicReference<>();
    private static final long KEEP_KNOWN_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final AtomicLong changes = new AtomicLong();

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
        Map<String, Category> names = known().names();
        for (int i = crumbs.size() - 1; i >= 0; i--) {
            Category c = names.get(crumbKey(crumbs.get(i)));
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The category a channel name of a page's {@code <title>} names (标题_财经_腾讯网): a category's name
     * or alias as for a crumb, or one standing at an end of a branded channel name — a site's name
     * before it (新浪财经, 凤凰网科技, 10%公司) or a short word after it (科技湃, 财经头条). A name with
     * a different category at each end (国内财经, 国际足球) names neither. The site's own name (the
     * trail's last part, {@code siteName}) names a channel only by its end: 网易体育 is a channel,
     * 国际在线 and 经济日报 are outlets.
     */
    public Optional<Category> forChannelName(String name, boolean siteName) {
        Map<String, Category> names = known().names();
        String key = crumbKey(name);
        if (names.containsKey(key)) {
            return Optional.of(names.get(key));
        }
        Set<Category> found = new HashSet<>();
        names.forEach((n, c) -> {
            int rest = key.length() - n.length();
            if (n.length() >= 2 && rest > 0
                    && (key.endsWith(n) && rest <= MAX_BRAND_CHARS || !siteName && key.startsWith(n) && rest <= MAX_AFTER_CHANNEL_CHARS)) {
                found.add(c);
            }
        });
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** A site's name before a channel's (新浪, 凤凰网), and a word after one (湃, 头条). */
    private static final int MAX_BRAND_CHARS = 4, MAX_AFTER_CHANNEL_CHARS = 2;

    /** The categories as last read: in navigation order, by slug, and by the crumb keys of their names. */
    record Known(List<Category> all, Map<String, Category> bySlug, Map<String, Category> names, long readAt) {}

    /** The categories and their names, read from the database only when they changed since the last read. */
    Known known() {
        Known k = known.get();
        long now = System.nanoTime();
        if (k != null && now - k.readAt() < KEEP_KNOWN_NANOS) {
            return k;
        }
        long changesBefore = changes.get();
        List<Category> all = findAll();
        Map<String, Category> bySlug = new HashMap<>();
        all.forEach(c -> bySlug.put(c.slug(), c));
        Known read = new Known(all, Collections.unmodifiableMap(bySlug), Collections.unmodifiableMap(namesByKey()), now);
        synchronized (known) { // kept only when no change was announced while reading
            if (changes.get() == changesBefore) {
                known.set(read);
            }
        }
        return read;
    }

    /**
     * The category with this slug as last read, or the database's answer when it is not among
     * them (created since by another node): for choosing an article's category, many times a second.
     */
    Optional<Category> knownBySlug(String slug) {
        Category c = known().bySlug().get(slug);
        return c != null ? Optional.of(c) : findBySlug(slug);
    }

    /**
     * The categories changed on this node (created, renamed, moved, aliased, deleted): what was read
     * is forgotten now and again when the change's transaction ends, so no read taken before the
     * commit outlives it.
     */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    /** Another node's category change reaches this one through the change log as article 0 ({@link IndexOutbox#navigationChanged}). */
    @EventListener
    void articlesChanged(ArticlesChanged change) {
        if (change.everything() || change.articleIds().contains(IndexOutbox.NO_ARTICLE)) {
            forget();
        }
    }

    private void forget() {
        synchronized (known) {
            changes.incrementAndGet();
            known.set(null);
        }
    }

    /** Crumb key → category: the categories' names, slugs and aliases, then the shipped section names of the categories there are. */
    private Map<String, Category> namesByKey() {
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
        return names;
    }

    /** The category a page's own section or column name ({@code articleSection}, 栏目) names, read as a channel name (凤凰科技). */
    public Optional<Category> forSection(String section) {
        return section == null || section.isBlank() ? Optional.empty() : forChannelName(section, false);
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
