package io.huiwen.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' changes to the portal's sections: create, rename, reorder in the navigation, the
 * breadcrumb aliases that classify pages into them ({@link CategoryRepository#forBreadcrumb}), and
 * delete (only when empty, or after moving its articles and sources to another). Each change is
 * checked first (messages in 简体中文, nothing written when refused), audited in its own
 * transaction, and written to the change log so every node forgets the pages that show the
 * navigation ({@link IndexOutbox#navigationChanged}); articles moved to another category are
 * logged one by one, as their index entries name the category.
 */
@Service
public class CategoryCatalog {

    static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,100}");
    static final int MAX_NAME = 100;
    static final int MAX_ALIAS = 50;
    static final int MAX_ALIASES = 1000;
    /** How aliases may be separated when typed: commas (either width), 、, semicolons, line breaks. */
    private static final Pattern ALIAS_SEPARATORS = Pattern.compile("[,，、;；\\r\\n]+");

    /** A category as the admin page lists it. */
    public record Entry(Category category, List<String> aliases, long articles, long sources) {}

    private final JdbcClient jdbc;
    private final CategoryRepository categories;
    private final IndexOutbox outbox;
    private final AuditLog audit;

    CategoryCatalog(JdbcClient jdbc, CategoryRepository categories, IndexOutbox outbox, AuditLog audit) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Every category in navigation order, with its aliases and how many articles and sources name it. */
    public List<Entry> entries() {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, (SELECT COUNT(*) FROM article a WHERE a.category_id = c.id),
                       (SELECT COUNT(*) FROM source s WHERE s.category_id = c.id)
                FROM category c""").query((rs, i) -> counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        Map<Long, List<String>> aliases = aliasesById();
        return categories.findAll().stream().map(c -> {
            long[] n = counts.getOrDefault(c.id(), new long[2]);
            return new Entry(c, aliases.getOrDefault(c.id(), List.of()), n[0], n[1]);
        }).toList();
    }

    public Entry entry(long id) {
        return entries().stream().filter(e -> e.category().id() == id).findFirst().orElseThrow(() -> new CategoryNotFound(id));
    }

    @Transactional
    public Category create(String actor, String slug, String name) {
        String s = slug == null ? "" : slug.strip();
        String n = checkedName(name);
        if (!SLUG.matcher(s).matches()) {
            throw new Refused("栏目代号只能用小写字母、数字和连字符（-），1 到 100 个字符，例如 keji");
        }
        if (categories.findBySlug(s).isPresent()) {
            throw new Refused("栏目代号 " + s + " 已被使用");
        }
        nameIsFree(n, -1);
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 10 FROM category").query(Integer.class).single();
        try {
            jdbc.sql("INSERT INTO category (slug, name, position) VALUES (?, ?, ?)").params(s, n, position).update();
        } catch (DuplicateKeyException e) {
            throw new Refused("栏目代号或名称刚被别人用了，请换一个"); // created at the same moment on another node
        }
        Category created = categories.require(s);
        audit.record(actor, "category.create", "category", created.slug(), "新建栏目 " + n + "（" + s + "）", null, n);
        outbox.navigationChanged();
        categories.changed();
        return created;
    }

    @Transactional
    public Category rename(String actor, long id, String name) {
        Category current = require(id);
        String n = checkedName(name);
        if (n.equals(current.name())) {
            return current;
        }
        nameIsFree(n, id);
        try {
            jdbc.sql("UPDATE category SET name = ? WHERE id = ?").params(n, id).update();
        } catch (DuplicateKeyException e) {
            throw new Refused("栏目名称 " + n + " 刚被别人用了，请换一个");
        }
        audit.record(actor, "category.rename", "category", current.slug(), "栏目 " + current.name() + " 改名为 " + n, current.name(), n);
        outbox.navigationChanged();
        categories.changed();
        return require(id);
    }

    /**
     * Moves a category one place up ({@code -1}) or down ({@code +1}) in the navigation; positions
     * are written again as 10, 20, 30… so equal or missing positions cannot keep two in a tie.
     */
    @Transactional
    public void move(String actor, long id, int step) {
        Category moved = require(id);
        List<Category> order = new ArrayList<>(categories.findAll());
        int from = order.indexOf(moved);
        int to = from + Integer.signum(step);
        if (step == 0 || to < 0 || to >= order.size()) {
            return; // already first or last
        }
        String before = slugs(order);
        order.remove(from);
        order.add(to, moved);
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE category SET position = ? WHERE id = ?").params((i + 1) * 10, order.get(i).id()).update();
        }
        audit.record(actor, "category.reorder", "category", moved.slug(), "栏目 " + moved.name() + (step < 0 ? " 上移" : " 下移"),
                before, slugs(order));
        outbox.navigationChanged();
        categories.changed();
    }

    /**
     * Replaces a category's breadcrumb aliases with those typed (separated by commas, 、 or lines).
     * An alias another category already answers to (by name, slug or alias, compared as breadcrumbs
     * are) is refused: a crumb must lead to one category.
     */
    @Transactional
    public List<String> setAliases(String actor, long id, String typed) {
        Category category = require(id);
        Map<String, String> keyed = new LinkedHashMap<>();
        for (String alias : ALIAS_SEPARATORS.split(typed == null ? "" : typed)) {
            String a = alias.strip();
            if (a.isEmpty()) {
                continue;
            }
            if (a.length() > MAX_ALIAS) {
                throw new Refused("别名“" + a.substring(0, 20) + "…”太长：每个别名最多 " + MAX_ALIAS + " 个字符");
            }
            String key = CategoryRepository.crumbKey(a);
            if (!key.equals(CategoryRepository.crumbKey(category.name())) && !key.equals(CategoryRepository.crumbKey(category.slug()))) {
                keyed.putIfAbsent(key, a);
            }
        }
        Map<Long, List<String>> all = aliasesById();
        for (Category other : categories.findAll()) {
            if (other.id() == id) {
                continue;
            }
            List<String> taken = new ArrayList<>(all.getOrDefault(other.id(), List.of()));
            taken.add(other.name());
            taken.add(other.slug());
            for (String t : taken) {
                String clash = keyed.get(CategoryRepository.crumbKey(t));
                if (clash != null) {
                    throw new Refused("别名“" + clash + "”已指向栏目 " + other.name() + "，一个别名只能属于一个栏目");
                }
            }
        }
        List<String> aliases = List.copyOf(keyed.values());
        String joined = String.join(",", aliases);
        if (joined.length() > MAX_ALIASES) {
            throw new Refused("别名合计太长：最多 " + MAX_ALIASES + " 个字符");
        }
        String before = String.join(",", all.getOrDefault(id, List.of()));
        if (!joined.equals(before)) {
            jdbc.sql("UPDATE category SET aliases = ? WHERE id = ?").params(joined, id).update();
            audit.record(actor, "category.aliases", "category", category.slug(), "修改栏目 " + category.name() + " 的别名", before, joined);
            categories.changed();
        }
        return aliases;
    }

    /**
     * Deletes a category. One that still holds articles or sources is refused unless
     * {@code moveToSlug} names another category: they are moved there first, in the same transaction.
     */
    @Transactional
    public void delete(String actor, long id, String moveToSlug) {
        Category doomed = require(id);
        List<Long> articles = jdbc.sql("SELECT id FROM article WHERE category_id = ? ORDER BY id").param(id).query(Long.class).list();
        long sources = jdbc.sql("SELECT COUNT(*) FROM source WHERE category_id = ?").param(id).query(Long.class).single();
        String moved = "";
        if (!articles.isEmpty() || sources > 0) {
            if (moveToSlug == null || moveToSlug.isBlank()) {
                throw new Refused("栏目 " + doomed.name() + " 还有 " + articles.size() + " 篇文章、" + sources
                        + " 个来源：请先选一个栏目，把它们移过去再删除");
            }
            Category target = categories.findBySlug(moveToSlug.strip()).orElseThrow(() -> new Refused("没有这个栏目：" + moveToSlug.strip()));
            if (target.id() == id) {
                throw new Refused("不能把文章移到要删除的栏目本身");
            }
            jdbc.sql("UPDATE article SET category_id = ?, category_by = 'editor' WHERE category_id = ?").params(target.id(), id).update();
            jdbc.sql("UPDATE source SET category_id = ? WHERE category_id = ?").params(target.id(), id).update();
            outbox.addAll(articles);
            moved = "，" + articles.size() + " 篇文章和 " + sources + " 个来源移到 " + target.name();
        }
        jdbc.sql("DELETE FROM category WHERE id = ?").param(id).update();
        audit.record(actor, "category.delete", "category", doomed.slug(), "删除栏目 " + doomed.name() + moved,
                doomed.slug() + " " + doomed.name(), null);
        outbox.navigationChanged();
        categories.changed();
    }

    private Category require(long id) {
        return categories.findAll().stream().filter(c -> c.id() == id).findFirst().orElseThrow(() -> new CategoryNotFound(id));
    }

    private static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new Refused("请填写栏目名称");
        }
        if (n.length() > MAX_NAME) {
            throw new Refused("栏目名称最多 " + MAX_NAME + " 个字符");
        }
        return n;
    }

    private void nameIsFree(String name, long except) {
        categories.findByName(name).filter(c -> c.id() != except).ifPresent(c -> {
            throw new Refused("已有名为 " + name + " 的栏目");
        });
    }

    private Map<Long, List<String>> aliasesById() {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, aliases FROM category").query((rs, i) -> out.put(rs.getLong(1),
                java.util.Arrays.stream(rs.getString(2).split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList())).list();
        return out;
    }

    private static String slugs(List<Category> order) {
        return String.join(",", order.stream().map(Category::slug).toList());
    }

    /** A change refused, with the reason in 简体中文 for the editor. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /** No category with this id (deleted meanwhile, or a made-up address). */
    public static final class CategoryNotFound extends RuntimeException {
        public CategoryNotFound(long id) {
            super("没有编号为 " + id + " 的栏目");
        }
    }
}
