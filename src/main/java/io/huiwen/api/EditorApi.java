package io.huiwen.api;

import io.huiwen.article.ArticleCorrections;
import io.huiwen.article.ArticleDeletion;
import io.huiwen.article.ArticleEdit;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.EditorialDesk;
import io.huiwen.extract.ExtractionException;
import io.huiwen.ingest.Ingest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' calls on one article (EDITOR or ADMIN): category, publish, unpublish, edit, delete,
 * re-extract. Each is recorded in the audit log under the caller's name.
 */
@RestController
@RequestMapping("/api/v1/articles/{id}")
class EditorApi {

    private static final Set<String> EDITABLE = Set.of(ArticleEdit.TITLE, ArticleEdit.CATEGORY, ArticleEdit.TAGS, ArticleEdit.EXCERPT,
            ArticleEdit.BODY, ArticleEdit.PUBLISHED_AT);

    private final EditorialDesk desk;
    private final ArticleCorrections corrections;
    private final ArticleDeletion deletion;
    private final Ingest ingest;
    private final ArticleRepository articles;

    EditorApi(EditorialDesk desk, ArticleCorrections corrections, ArticleDeletion deletion, Ingest ingest, ArticleRepository articles) {
        this.articles = articles;
        this.desk = desk;
        this.corrections = corrections;
        this.deletion = deletion;
        this.ingest = ingest;
    }

    /** The JSON body of both calls: a category slug (optional when publishing). */
    record CategoryChoice(String category) {}

    static String actor(Principal principal) {
        return principal == null ? "unknown" : principal.getName();
    }

    @PostMapping("/category")
    ResponseEntity<Map<String, Object>> category(@PathVariable long id, @RequestBody CategoryChoice choice, Principal principal) {
        if (choice == null || choice.category() == null || choice.category().isBlank()) {
            throw new IllegalArgumentException("give the category as {\"category\": \"SLUG\"}");
        }
        if (!desk.recategorise(id, choice.category(), actor(principal))) {
            throw new ApiNotFoundException("no article " + id);
        }
        return ResponseEntity.ok(Map.of("id", id, "category", choice.category().strip()));
    }

    /** Publishes an article waiting for review or taken down; {@code published} is false when it was on the portal already or is not there. */
    @PostMapping("/publish")
    ResponseEntity<Map<String, Object>> publish(@PathVariable long id, @RequestBody(required = false) CategoryChoice choice,
                                                Principal principal) {
        String slug = choice == null ? null : choice.category();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("published", desk.publish(id, slug, actor(principal)));
        return ResponseEntity.ok(out);
    }

    /** Takes an article down (kept, off the portal); {@code unpublished} is false when it was down already. */
    @PostMapping("/unpublish")
    ResponseEntity<Map<String, Object>> unpublish(@PathVariable long id, Principal principal) {
        boolean changed = desk.unpublish(id, actor(principal));
        if (!changed && !articles.exists(id)) {
            throw new ApiNotFoundException(noArticle(id));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("unpublished", changed);
        return ResponseEntity.ok(out);
    }

    /**
     * Edits any of {@code title}, {@code category} (slug), {@code tags} (list), {@code excerpt},
     * {@code body_html} (sanitized), {@code published_at} (ISO-8601 with offset). Answers the
     * fields that changed.
     */
    @PatchMapping
    ResponseEntity<Map<String, Object>> edit(@PathVariable long id, @RequestBody Map<String, Object> body, Principal principal) {
        ArticleEdit edit = editOf(body, corrections);
        var changes = corrections.edit(id, edit, actor(principal)).orElseThrow(() -> new ApiNotFoundException(noArticle(id)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("changed", List.copyOf(changes.after().keySet()));
        return ResponseEntity.ok(out);
    }

    @DeleteMapping
    ResponseEntity<Map<String, Object>> delete(@PathVariable long id, Principal principal) {
        var deleted = deletion.delete(id, actor(principal)).orElseThrow(() -> new ApiNotFoundException(noArticle(id)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("deleted", true);
        out.put("title", deleted.title());
        out.put("source_url", deleted.sourceUrl());
        return ResponseEntity.ok(out);
    }

    /** Extracts the article again from its kept raw page; fields an editor set stay. */
    @PostMapping("/reextract")
    ResponseEntity<Map<String, Object>> reextract(@PathVariable long id, Principal principal) {
        if (!articles.exists(id)) {
            throw new ApiNotFoundException(noArticle(id));
        }
        try {
            ingest.reextract(id, actor(principal));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("文章 " + id + " 没有保存原始网页，无法重新抽取");
        } catch (ExtractionException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("error", "重新抽取失败：" + e.getMessage()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("reextracted", true);
        out.put("kept_fields", List.copyOf(corrections.editedFields(id)));
        return ResponseEntity.ok(out);
    }

    static String noArticle(long id) {
        return "没有编号为 " + id + " 的文章";
    }

    /** The PATCH body as an edit; unknown fields and values of the wrong type are refused, all of them named. */
    static ArticleEdit editOf(Map<String, Object> body, ArticleCorrections corrections) {
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("请求体为空：请给出要修改的字段（" + String.join("、", fieldNames()) + "）");
        }
        List<String> problems = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!EDITABLE.contains(field)) {
                problems.add("不能修改的字段：“" + field + "”（可修改：" + String.join("、", fieldNames()) + "）");
            }
        }
        String title = text(body, ArticleEdit.TITLE, problems), category = text(body, ArticleEdit.CATEGORY, problems),
                excerpt = text(body, ArticleEdit.EXCERPT, problems), html = text(body, ArticleEdit.BODY, problems),
                time = text(body, ArticleEdit.PUBLISHED_AT, problems);
        List<String> tags = null;
        Object t = body.get(ArticleEdit.TAGS);
        if (t instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
            tags = list.stream().map(String.class::cast).toList();
        } else if (t != null) {
            problems.add("tags 应为字符串列表，如 [\"港口\", \"外贸\"]");
        }
        java.time.OffsetDateTime publishedAt = null;
        if (time != null) {
            try {
                publishedAt = ArticleEdit.isoTime(time);
            } catch (ArticleEdit.Rejected e) {
                problems.addAll(e.problems());
            }
        }
        ArticleEdit edit = new ArticleEdit(title, category, tags, excerpt, html, publishedAt);
        if (!problems.isEmpty()) { // with the other fields' problems: every one at once
            List<String> all = new ArrayList<>(corrections.problems(edit));
            all.addAll(problems);
            throw new ArticleEdit.Rejected(all);
        }
        return edit;
    }

    private static String text(Map<String, Object> body, String field, List<String> problems) {
        Object v = body.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add(field + " 应为字符串");
        return null;
    }

    private static List<String> fieldNames() {
        return List.of(ArticleEdit.TITLE, ArticleEdit.CATEGORY, ArticleEdit.TAGS, ArticleEdit.EXCERPT, ArticleEdit.BODY, ArticleEdit.PUBLISHED_AT);
    }
}
