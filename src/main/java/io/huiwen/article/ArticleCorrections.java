package io.huiwen.article;

import io.huiwen.extract.BodySanitizer;
import io.huiwen.text.Excerpt;
import io.huiwen.text.Keywords;
import io.huiwen.text.SimHash;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor's corrections to a stored article ({@link ArticleEdit}): validated as a whole (nothing
 * is stored when any field is wrong), written with a change-log row and an audit entry holding
 * the changed fields before and after, in one transaction. The fields an editor changed are
 * remembered ({@code article.edited_fields}) so that re-extraction leaves them as the editor set them.
 */
@Service
public class ArticleCorrections {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CategoryRepository categories;
    private final ArticleRepository articles;
    private final IndexOutbox outbox;
    private final AuditLog audit;

    ArticleCorrections(JdbcClient jdbc, JdbcTemplate template, CategoryRepository categories, ArticleRepository articles,
                       IndexOutbox outbox, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.categories = categories;
        this.articles = articles;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** The changes one edit made: field name to the value before and after (only fields that changed). */
    public record Changes(Map<String, Object> before, Map<String, Object> after) {
        public boolean none() {
            return after.isEmpty();
        }
    }

    /**
     * Applies the edit; empty when there is no such article. An edit that changes nothing stores
     * nothing and records nothing.
     *
     * @throws ArticleEdit.Rejected naming every problem, when any field is not acceptable
     */
    @Transactional
    public java.util.Optional<Changes> edit(long id, ArticleEdit edit, String actor) {
        Article current = articles.findById(id).orElse(null);
        if (current == null) {
            return java.util.Optional.empty();
        }
        Checked c = check(edit);
        if (!c.problems().isEmpty()) {
            throw new ArticleEdit.Rejected(c.problems());
        }
        String title = c.title(), excerpt = c.excerpt(), html = c.html();
        Category category = c.category();
        List<String> tags = c.tags();
        OffsetDateTime published = c.published();
        Map<String, Object> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        changed(before, after, ArticleEdit.TITLE, current.title(), title);
        changed(before, after, ArticleEdit.CATEGORY, current.category() == null ? null : current.category().slug(),
                category == null ? null : category.slug());
        changed(before, after, ArticleEdit.TAGS, current.tags(), tags);
        changed(before, after, ArticleEdit.EXCERPT, current.excerpt(), excerpt);
        changed(before, after, ArticleEdit.BODY, current.html(), html);
        changed(before, after, ArticleEdit.PUBLISHED_AT, current.publishTime() == null ? null : current.publishTime().toInstant(),
                published == null ? null : published.toInstant());
        if (after.isEmpty()) {
            return java.util.Optional.of(new Changes(before, after));
        }
        write(id, current, after, title, category, tags, excerpt, html, published);
        audit.record(actor, "article.edit", "article", id, "编辑文章《" + current.title() + "》：" + String.join("、", labels(after.keySet())),
                JsonColumns.write(before), JsonColumns.write(after));
        outbox.add(id);
        return java.util.Optional.of(new Changes(before, after));
    }

    private record Checked(String title, Category category, List<String> tags, String excerpt, String html, OffsetDateTime published,
                           List<String> problems) {}

    /** What is wrong with the edit, each problem a sentence for the editor; empty when it may be stored. Stores nothing. */
    public List<String> problems(ArticleEdit edit) {
        return check(edit).problems();
    }

    private Checked check(ArticleEdit edit) {
        List<String> problems = new ArrayList<>();
        String title = edit.title() == null ? null : edit.title().strip();
        if (title != null && title.isEmpty()) {
            problems.add("标题不能为空");
        } else if (title != null && title.length() > ArticleEdit.MAX_TITLE) {
            problems.add("标题太长：" + title.length() + " 个字，最多 " + ArticleEdit.MAX_TITLE + " 个字");
        }
        Category category = null;
        if (edit.category() != null) {
            category = categories.findBySlug(edit.category().strip()).orElse(null);
            if (category == null) {
                problems.add("没有这个栏目：“" + ArticleEdit.clip(edit.category().strip()) + "”");
            }
        }
        List<String> tags = edit.tags() == null ? null : tags(edit.tags(), problems);
        String excerpt = edit.excerpt() == null ? null : edit.excerpt().strip();
        if (excerpt != null && excerpt.length() > ArticleEdit.MAX_EXCERPT) {
            problems.add("摘要太长：" + excerpt.length() + " 个字，最多 " + ArticleEdit.MAX_EXCERPT + " 个字");
        }
        String html = null;
        if (edit.bodyHtml() != null) {
            if (edit.bodyHtml().length() > ArticleEdit.MAX_BODY) {
                problems.add("正文太长：最多 " + ArticleEdit.MAX_BODY + " 个字符");
            } else {
                html = BodySanitizer.sanitize(edit.bodyHtml());
                if (textOf(html).isBlank()) {
                    problems.add("正文不能为空（不允许的标签和脚本会被去掉）");
                }
            }
        }
        OffsetDateTime published = edit.publishedAt();
        if (published != null && (published.getYear() < 1900 || published.isAfter(OffsetDateTime.now().plusYears(1)))) {
            problems.add("发布时间不合理：" + published);
        }
        return new Checked(title, category, tags, excerpt, html, published, problems);
    }

    private void write(long id, Article current, Map<String, Object> after, String title, Category category, List<String> tags,
                       String excerpt, String html, OffsetDateTime published) {
        Set<String> edited = new LinkedHashSet<>(editedFields(id));
        edited.addAll(after.keySet());
        edited.remove(ArticleEdit.CATEGORY); // category_by = 'editor' says that already
        if (after.containsKey(ArticleEdit.TITLE)) {
            jdbc.sql("UPDATE article SET title = ? WHERE id = ?").params(title, id).update();
        }
        if (after.containsKey(ArticleEdit.CATEGORY)) {
            jdbc.sql("UPDATE article SET category_id = ?, category_by = ? WHERE id = ?")
                    .params(category.id(), CategoryEvidence.BY_EDITOR, id).update();
        }
        if (after.containsKey(ArticleEdit.TAGS)) {
            writeTags(id, tags);
        }
        if (after.containsKey(ArticleEdit.BODY)) {
            String text = textOf(html);
            long hash = SimHash.of(text);
            jdbc.sql("UPDATE article SET body_html = ?, body_text = ?, simhash = ?, band0 = ?, band1 = ?, band2 = ?, band3 = ? WHERE id = ?")
                    .params(html, text, hash, SimHash.band(hash, 0), SimHash.band(hash, 1), SimHash.band(hash, 2), SimHash.band(hash, 3), id)
                    .update();
            if (excerpt == null && !edited.contains(ArticleEdit.EXCERPT)) {
                jdbc.sql("UPDATE article SET excerpt = ? WHERE id = ?").params(Excerpt.of(text), id).update(); // the list excerpt follows the body
            }
        }
        if (after.containsKey(ArticleEdit.EXCERPT)) {
            jdbc.sql("UPDATE article SET excerpt = ? WHERE id = ?").params(excerpt, id).update();
        }
        if (after.containsKey(ArticleEdit.PUBLISHED_AT)) {
            // a date taken away: the article sorts as an undated one would have on arrival; a time set by hand is
            // as precise as the editor typed it (the form gives minutes), no longer the page's date alone
            String precision = published == null ? null : published.getSecond() == 0 && published.getNano() == 0 ? "MINUTE" : "SECOND";
            jdbc.sql("UPDATE article SET publish_time = ?, publish_precision = ?, sort_time = " + ArticleStore.SORT_TIME_SQL.formatted("?")
                            + " WHERE id = ?")
                    .params(published, precision, published, id).update();
        }
        jdbc.sql("UPDATE article SET edited_fields = ? WHERE id = ?").params(String.join(",", edited), id).update();
    }

    /** The fields an editor set by hand on this article ({@link ArticleEdit#TITLE} …), which re-extraction keeps. */
    public Set<String> editedFields(long id) {
        String column = jdbc.sql("SELECT edited_fields FROM article WHERE id = ?").param(id).query(String.class).optional().orElse("");
        Set<String> out = new LinkedHashSet<>();
        for (String f : column.split(",")) {
            if (!f.isBlank()) {
                out.add(f.strip());
            }
        }
        return out;
    }

    private void writeTags(long id, List<String> tags) {
        jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(id).update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            rows.add(new Object[] {id, tags.get(i), i});
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("INSERT INTO article_tag (article_id, tag, position) VALUES (?, ?, ?)", rows);
        }
    }

    private static List<String> tags(List<String> given, List<String> problems) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : given) {
            String tag = Keywords.normalise(t == null ? "" : t);
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > ArticleEdit.MAX_TAG) {
                problems.add("标签太长：“" + ArticleEdit.clip(tag) + "”，每个标签最多 " + ArticleEdit.MAX_TAG + " 个字");
            }
            tags.add(tag);
        }
        if (tags.size() > ArticleEdit.MAX_TAGS) {
            problems.add("标签太多：" + tags.size() + " 个，最多 " + ArticleEdit.MAX_TAGS + " 个");
        }
        return List.copyOf(tags);
    }

    private static void changed(Map<String, Object> before, Map<String, Object> after, String field, Object was, Object now) {
        if (now != null && !Objects.equals(was, now)) {
            before.put(field, was instanceof java.time.Instant i ? i.toString() : was);
            after.put(field, now instanceof java.time.Instant i ? i.toString() : now);
        }
    }

    /** The body's text as extraction gives it: paragraphs (captions left out) separated by a blank line. */
    static String textOf(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("figcaption").remove();
        List<String> paragraphs = new ArrayList<>();
        for (Element e : doc.select("p, h2, h3, h4, li, blockquote:not(:has(p)), td, th")) {
            String text = e.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return paragraphs.isEmpty() ? doc.text().strip() : String.join("\n\n", paragraphs);
    }

    /** Field names as the admin shows them. */
    public static List<String> labels(java.util.Collection<String> fields) {
        return fields.stream().map(f -> switch (f) {
            case ArticleEdit.TITLE -> "标题";
            case ArticleEdit.CATEGORY -> "栏目";
            case ArticleEdit.TAGS -> "标签";
            case ArticleEdit.EXCERPT -> "摘要";
            case ArticleEdit.BODY -> "正文";
            case ArticleEdit.PUBLISHED_AT -> "发布时间";
            default -> f;
        }).toList();
    }
}
