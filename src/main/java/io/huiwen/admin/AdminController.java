package io.huiwen.admin;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Page;
import io.huiwen.search.SearchIndex;
import java.util.List;
import io.huiwen.web.PortalPage;
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
    private final ArticleStore store;
    private final SearchIndex index;

    AdminController(ArticleRepository articles, ArticleStore store, SearchIndex index) {
        this.articles = articles;
        this.store = store;
        this.index = index;
    }

    @GetMapping("/admin")
    String dashboard(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("dashboard", new Dashboard(articles.count(), index.size(), articles.awaitingReview(50), articles.latest(page, 30)));
        return "admin";
    }

    /** Publishes an article that waited for review (from a source marked "needs review"). */
    @PostMapping("/admin/articles/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", store.publish(id) ? "文章 " + id + " 已发布" : "文章 " + id + " 不在待审核列表中");
        return "redirect:/admin";
    }

    public record Dashboard(long articles, long indexed, List<ArticleSummary> awaitingReview, Page<ArticleSummary> latest) {}
}
