package io.huiwen.admin;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.EditorialDesk;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Page;
import io.huiwen.search.SearchIndex;
import io.huiwen.web.PortalPage;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editorial overview: what is stored and indexed, what waits for review, the newest articles. */
@Controller
@PortalPage
public class AdminController {

    private final ArticleRepository articles;
    private final EditorialDesk desk;
    private final SearchIndex index;
    private final CategoryRepository categories;

    AdminController(ArticleRepository articles, EditorialDesk desk, SearchIndex index, CategoryRepository categories) {
        this.articles = articles;
        this.desk = desk;
        this.index = index;
        this.categories = categories;
    }

    @GetMapping("/admin")
    String dashboard(@RequestParam(defaultValue = "1") int page, Model model) {
        List<ArticleSummary> waiting = articles.awaitingReview(50);
        Map<Long, String> reasons = articles.reviewReasons(waiting.stream().map(ArticleSummary::id).toList());
        model.addAttribute("dashboard", new Dashboard(articles.count(), index.size(),
                waiting.stream().map(a -> new Waiting(a, reasons.get(a.id()))).toList(), categories.findAll(), articles.latest(page, 30)));
        return "admin";
    }

    /**
     * Publishes an article that waited for review (its source is marked "needs review", or the
     * classifier was unsure of its category) in the category the editor picked.
     */
    @PostMapping("/admin/articles/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) String category, @RequestParam(required = false) String back,
                   java.security.Principal principal, RedirectAttributes redirect) {
        String notice;
        try {
            notice = desk.publish(id, category, principal == null ? "unknown" : principal.getName()) ? "文章 " + id + " 已发布"
                    : "文章 " + id + " 不在待审核列表中";
        } catch (IllegalArgumentException e) {
            notice = "没有这个栏目：" + category;
        }
        redirect.addFlashAttribute("notice", notice);
        // the edit page sends its own address back; nothing outside the article pages is followed
        return "redirect:" + (("/admin/articles/" + id).equals(back) ? back : "/admin");
    }

    /** An article waiting for review, and why: {@code source} or {@code category}. */
    public record Waiting(ArticleSummary article, String reason) {
        public String reasonText() {
            return "category".equals(reason) ? "栏目待定" : "来源需审核";
        }
    }

    public record Dashboard(long articles, long indexed, List<Waiting> awaitingReview, List<Category> categories,
                            Page<ArticleSummary> latest) {}
}
