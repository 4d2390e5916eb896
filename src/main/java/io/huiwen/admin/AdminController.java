package io.huiwen.admin;

import io.huiwen.article.ArticleRepository;
import io.huiwen.search.SearchIndex;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The editorial overview: what is stored, what is indexed, the newest articles. */
@Controller
public class AdminController {

    private final ArticleRepository articles;
    private final SearchIndex index;

    AdminController(ArticleRepository articles, SearchIndex index) {
        this.articles = articles;
        this.index = index;
    }

    @GetMapping("/admin")
    String dashboard(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("dashboard", new Dashboard(articles.count(), index.size(), articles.latest(page, 30)));
        return "admin";
    }

    public record Dashboard(long articles, long indexed, io.huiwen.article.Page<io.huiwen.article.ArticleSummary> latest) {}
}
