package io.huiwen.admin;

import io.huiwen.article.Article;
import io.huiwen.article.ArticleCorrections;
import io.huiwen.article.ArticleDeletion;
import io.huiwen.article.ArticleEdit;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleState;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.EditorialDesk;
import io.huiwen.article.Page;
import io.huiwen.extract.ExtractionException;
import io.huiwen.ingest.Ingest;
import io.huiwen.web.PortalPage;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/articles}: the article list (search, state, category), each article's edit page
 * with its state, story and re-extraction, and the delete confirmation. Every change goes through
 * the article package's commands, which audit it under the signed-in editor's name.
 */
@Controller
@PortalPage
public class ArticlesAdminController {

    static final int PAGE_SIZE = 30;
    static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final EditorialDesk desk;
    private final ArticleCorrections corrections;
    private final ArticleDeletion deletion;
    private final Ingest ingest;

    ArticlesAdminController(ArticleRepository articles, CategoryRepository categories, EditorialDesk desk, ArticleCorrections corrections,
                            ArticleDeletion deletion, Ingest ingest) {
        this.articles = articles;
        this.categories = categories;
        this.desk = desk;
        this.corrections = corrections;
        this.deletion = deletion;
        this.ingest = ingest;
    }

    /** Whether the editor may read the audit log (an ADMIN): the edit page links an article's history then. */
    @org.springframework.web.bind.annotation.ModelAttribute("auditor")
    boolean auditor(jakarta.servlet.http.HttpServletRequest request) {
        return request.isUserInRole("ADMIN");
    }

    /** The list's filters as given (blank: any), and the page of articles they select. */
    public record ListPage(String q, String state, String category, List<Category> categories, Page<ArticleRepository.Listed> found,
                           String problem) {

        /** The address of another page of the same list. */
        public String pageLink(int page) {
            return "/admin/articles?q=" + query(q) + "&state=" + query(state) + "&category=" + query(category) + "&page=" + page;
        }
    }

    @GetMapping("/admin/articles")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String state,
                @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "1") String page, Model model,
                HttpServletResponse response) {
        String problem = null;
        ArticleState chosenState = null;
        if (!state.isBlank()) {
            try {
                chosenState = ArticleState.ofSql(state.strip());
            } catch (IllegalArgumentException e) {
                problem = "没有这个状态：“" + state + "”";
            }
        }
        Long categoryId = null;
        if (!category.isBlank()) {
            categoryId = categories.findBySlug(category.strip()).map(Category::id).orElse(null);
            if (categoryId == null) {
                problem = "没有这个栏目：“" + category + "”";
            }
        }
        int p = pageNumber(page);
        if (q.length() > 200) {
            problem = "搜索词太长（最多 200 个字）";
        }
        Page<ArticleRepository.Listed> found = problem != null ? new Page<>(List.of(), 0, 1, PAGE_SIZE)
                : articles.forAdmin(q, chosenState, categoryId, p, PAGE_SIZE);
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("list", new ListPage(q, state, category, categories.findAll(), found, problem));
        return "admin-articles";
    }

    /** What the edit form shows: the stored values, or what the editor typed when it was refused. */
    public record Form(String title, String category, String tags, String excerpt, String bodyHtml, String publishedAt) {

        static Form of(Article a) {
            return new Form(a.title(), a.category() == null ? "" : a.category().slug(), String.join("，", a.tags()), a.excerpt(), a.html(),
                    local(a.publishTime()));
        }
    }

    /** The edit page: the article, its form, its story as editors see it, and what may be done to it. */
    public record EditPage(Article article, Form form, List<Category> categories, List<ArticleRepository.Listed> story, boolean rawPageKept,
                           Set<String> editedFields, List<String> errors) {

        public List<String> editedLabels() {
            return ArticleCorrections.labels(editedFields);
        }
    }

    @GetMapping("/admin/articles/{id}")
    String edit(@PathVariable long id, Model model, HttpServletResponse response) {
        Article article = articles.findById(id).orElse(null);
        if (article == null) {
            return missing(id, model, response);
        }
        return editPage(article, Form.of(article), List.of(), model);
    }

    private String editPage(Article article, Form form, List<String> errors, Model model) {
        model.addAttribute("page", new EditPage(article, form, categories.findAll(), articles.storyForEditors(article.storyId(), article.id()),
                articles.rawPageKept(article.id()), corrections.editedFields(article.id()), errors));
        return "admin-article";
    }

    @PostMapping("/admin/articles/{id}")
    String save(@PathVariable long id, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String category,
                @RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String excerpt,
                @RequestParam(name = "body_html", defaultValue = "") String bodyHtml,
                @RequestParam(name = "published_at", defaultValue = "") String publishedAt, Principal principal, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Article article = articles.findById(id).orElse(null);
        if (article == null) {
            return missing(id, model, response);
        }
        Form typed = new Form(title, category, tags, lines(excerpt), lines(bodyHtml), publishedAt.strip());
        try {
            OffsetDateTime time = null;
            List<String> timeProblems = List.of();
            try {
                time = typed.publishedAt().isEmpty() || typed.publishedAt().equals(local(article.publishTime())) ? null
                        : ArticleEdit.localTime(typed.publishedAt());
            } catch (ArticleEdit.Rejected e) {
                timeProblems = e.problems();
            }
            var edit = new ArticleEdit(title, category.isBlank() ? null : category, ArticleEdit.tagsOf(tags), typed.excerpt(),
                    typed.bodyHtml().equals(article.html()) ? null : typed.bodyHtml(), time);
            if (!timeProblems.isEmpty()) { // every problem at once, the time's among them
                List<String> all = new java.util.ArrayList<>(corrections.problems(edit));
                all.addAll(timeProblems);
                throw new ArticleEdit.Rejected(all);
            }
            var changes = corrections.edit(id, edit, actor(principal)).orElse(null);
            if (changes == null) {
                return missing(id, model, response);
            }
            redirect.addFlashAttribute("notice", changes.none() ? "没有改动"
                    : "已保存：" + String.join("、", ArticleCorrections.labels(changes.after().keySet())) + "（读者页面约 2 秒内更新）");
            return "redirect:/admin/articles/" + id;
        } catch (ArticleEdit.Rejected e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(article, typed, e.problems(), model);
        }
    }

    @PostMapping("/admin/articles/{id}/unpublish")
    String unpublish(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        boolean done = desk.unpublish(id, actor(principal));
        redirect.addFlashAttribute("notice", done ? "文章 " + id + " 已下线，读者约 2 秒内看不到它"
                : articles.exists(id) ? "文章 " + id + " 已经是下线状态" : "没有编号为 " + id + " 的文章");
        return articles.exists(id) ? "redirect:/admin/articles/" + id : "redirect:/admin/articles";
    }

    @GetMapping("/admin/articles/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model, HttpServletResponse response) {
        Article article = articles.findById(id).orElse(null);
        if (article == null) {
            return missing(id, model, response);
        }
        editPage(article, Form.of(article), List.of(), model);
        return "admin-article-delete";
    }

    @PostMapping("/admin/articles/{id}/delete")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        var deleted = deletion.delete(id, actor(principal));
        redirect.addFlashAttribute("notice", deleted.map(d -> "已删除文章 " + id + "《" + d.title() + "》；它的原网址不会再被抓取")
                .orElse("没有编号为 " + id + " 的文章（也许已被删除）"));
        return "redirect:/admin/articles";
    }

    @PostMapping("/admin/articles/{id}/split")
    String split(@PathVariable long id, @RequestParam(required = false) Long member, Principal principal, RedirectAttributes redirect) {
        long which = member == null ? id : member;
        String notice;
        try {
            notice = desk.splitFromStory(which, actor(principal)) ? "文章 " + which + " 已拆出，单独成为一个故事" : "文章 " + which + " 本来就单独成故事";
        } catch (IllegalArgumentException e) {
            notice = "没有编号为 " + which + " 的文章";
        }
        redirect.addFlashAttribute("notice", notice);
        return back(id);
    }

    @PostMapping("/admin/articles/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(defaultValue = "") String story, Principal principal, RedirectAttributes redirect) {
        Article article = articles.findById(id).orElse(null);
        if (article == null) {
            redirect.addFlashAttribute("notice", "没有编号为 " + id + " 的文章");
            return "redirect:/admin/articles";
        }
        String notice;
        try {
            long into = Long.parseLong(story.strip());
            int moved = desk.mergeStories(into, article.storyId(), actor(principal));
            notice = "已把本故事的 " + moved + " 篇文章并入故事 " + into;
        } catch (NumberFormatException e) {
            notice = "请填写要并入的故事编号（数字），而不是“" + story + "”";
        } catch (IllegalArgumentException e) {
            notice = e.getMessage().contains("itself") ? "不能把故事并入它自己" : "没有编号为 " + story.strip() + " 的故事";
        }
        redirect.addFlashAttribute("notice", notice);
        return back(id);
    }

    @PostMapping("/admin/articles/{id}/reextract")
    String reextract(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        String notice;
        if (!articles.exists(id)) {
            notice = "没有编号为 " + id + " 的文章";
        } else {
            try {
                ingest.reextract(id, actor(principal));
                Set<String> kept = corrections.editedFields(id);
                notice = "已从保存的原始网页重新抽取" + (kept.isEmpty() ? "" : "；编辑改过的" + String.join("、", ArticleCorrections.labels(kept)) + "保持不变");
            } catch (IllegalArgumentException e) {
                notice = "这篇文章没有保存原始网页，无法重新抽取";
            } catch (ExtractionException e) {
                notice = "重新抽取失败：" + e.getMessage();
            }
        }
        redirect.addFlashAttribute("notice", notice);
        return back(id);
    }

    private String back(long id) {
        return articles.exists(id) ? "redirect:/admin/articles/" + id : "redirect:/admin/articles";
    }

    private String missing(long id, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("title", "没有这篇文章");
        model.addAttribute("message", "没有编号为 " + id + " 的文章，它也许已被删除。");
        return "admin-message";
    }

    static String actor(Principal principal) {
        return principal == null ? "unknown" : principal.getName();
    }

    static String local(OffsetDateTime t) {
        return t == null ? "" : LOCAL_MINUTE.format(t.atZoneSameInstant(ArticleEdit.NEWSROOM));
    }

    /** Browsers send a textarea's lines ended by CR LF; stored text has LF. */
    private static String lines(String typed) {
        return typed.replace("\r\n", "\n");
    }

    /** A value for a link's query string, percent-encoded as UTF-8. */
    static String query(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
