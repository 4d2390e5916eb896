package io.huiwen.web;

import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.rank.HotRanking;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.RelatedArticles;
import io.huiwen.text.Keywords;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PortalPage
class PortalController {

    static final int PAGE_SIZE = 20;
    static final int SIDEBAR = 8;
    static final Duration HOT_WINDOW = Duration.ofDays(7);

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final HotRanking hot;
    private final ViewCounter views;
    private final RelatedArticles related;

    PortalController(ArticleRepository articles, CategoryRepository categories, HotRanking hot, ViewCounter views, RelatedArticles related) {
        this.articles = articles;
        this.categories = categories;
        this.hot = hot;
        this.views = views;
        this.related = related;
    }

    @GetMapping("/")
    String home(Model model) {
        List<Views.CategoryBlock> blocks = categories.findAll().stream()
                .map(c -> new Views.CategoryBlock(c, articles.newestIn(c.id(), 6)))
                .filter(b -> !b.articles().isEmpty())
                .toList();
        model.addAttribute("home", new Views.Home(articles.newest(8), hotList(), blocks));
        return "home";
    }

    @GetMapping("/c/{slug}")
    String category(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
        Category category = categories.findBySlug(slug).orElseThrow(() -> new NotFoundException("category " + slug));
        model.addAttribute("listing", new Views.Listing(category.name(), category,
                existing(articles.inCategory(category.id(), checked(page), PAGE_SIZE), "category " + slug), "/c/" + slug, hotList()));
        return "listing";
    }

    @GetMapping("/t/{tag}")
    String tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int page, Model model) {
        String stored = Keywords.normalise(tag);
        if (!stored.equals(tag) && !stored.isEmpty()) {
            return "redirect:/t/" + Display.url(stored) + (page > 1 ? "?page=" + page : ""); // one address per tag
        }
        var found = existing(articles.withTag(tag, checked(page), PAGE_SIZE), "tag " + tag);
        if (found.total() == 0) {
            throw new NotFoundException("tag " + tag);
        }
        model.addAttribute("listing", new Views.Listing("标签：" + tag, null, found, "/t/" + tag, hotList()));
        return "listing";
    }

    @GetMapping("/a/{id}")
    String article(@PathVariable long id, @RequestHeader(value = "User-Agent", required = false) String userAgent, Model model,
                   jakarta.servlet.http.HttpServletRequest request) {
        Article article = articles.findById(id)
                // awaiting review or taken down: editors preview it, readers do not see it (a 404, never a kept copy)
                .filter(a -> a.published() || request.isUserInRole("ADMIN") || request.isUserInRole("EDITOR"))
                .orElseThrow(() -> new NotFoundException("article " + id));
        views.count(id, request.getRemoteAddr(), userAgent);
        List<ArticleSummary> related = articles.publishedSummaries(this.related.of(id, article.storyId())); // cached ids: one may be down since
        List<ArticleSummary> latest = articles.newest(SIDEBAR + 1).stream().filter(a -> a.storyId() != article.storyId()).limit(SIDEBAR).toList();
        List<ArticleSummary> hotElsewhere = hot.top(SIDEBAR + 1, HOT_WINDOW).stream().filter(a -> a.storyId() != article.storyId()).limit(SIDEBAR).toList();
        model.addAttribute("view", new Views.ArticleView(article, articles.storyMembers(article.storyId(), id), related, hotElsewhere, latest));
        return "article";
    }

    /** Pages count from 1: page 0 or -3 is no address of the portal. */
    static int checked(int page) {
        if (page < 1) {
            throw new NotFoundException("page " + page);
        }
        return page;
    }

    /** A page past the last is no address either (page 1 of an empty list is: it says the list is empty). */
    static <T> io.huiwen.article.Page<T> existing(io.huiwen.article.Page<T> page, String what) {
        if (page.page() > page.pages()) {
            throw new NotFoundException(what + " has no page " + page.page());
        }
        return page;
    }

    private List<ArticleSummary> hotList() {
        return hot.top(SIDEBAR, HOT_WINDOW);
    }
}
