package io.huiwen.admin;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.EditorialDesk;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.CollectionStats;
import io.huiwen.article.Page;
import io.huiwen.article.Source;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.FailureInChinese;
import io.huiwen.rank.HotRanking;
import io.huiwen.search.SearchIndex;
import io.huiwen.web.PortalPage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editorial overview: what is stored and indexed, articles collected per hour over the last
 * three days, the sources whose last poll failed, what waits for review, the top stories of the
 * last 24 hours and the newest articles.
 */
@Controller
@PortalPage
public class AdminController {

    private final ArticleRepository articles;
    private final EditorialDesk desk;
    private final SearchIndex index;
    private final CategoryRepository categories;
    private final SourceRepository sources;
    private final CollectionStats stats;
    private final HotRanking hot;
    private final Clock clock;

    AdminController(ArticleRepository articles, EditorialDesk desk, SearchIndex index, CategoryRepository categories,
                    SourceRepository sources, CollectionStats stats, HotRanking hot, Clock clock) {
        this.articles = articles;
        this.desk = desk;
        this.index = index;
        this.categories = categories;
        this.sources = sources;
        this.stats = stats;
        this.hot = hot;
        this.clock = clock;
    }

    static final int CHART_HOURS = 72;
    static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    @GetMapping("/admin")
    String dashboard(@RequestParam(defaultValue = "1") int page, Model model) {
        List<ArticleSummary> waiting = articles.awaitingReview(50);
        Map<Long, String> reasons = articles.reviewReasons(waiting.stream().map(ArticleSummary::id).toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        HourlyChart chart = HourlyChart.of(stats.perHour(now.minusHours(CHART_HOURS)), now.toInstant(), CHART_HOURS,
                BEIJING);
        List<Failing> failing = sources.findAll().stream().filter(s -> s.enabled() && s.errorStreak() > 0)
                .map(s -> new Failing(s, FailureInChinese.describe(s.lastError(), s.lastErrorMessage()))).toList();
        model.addAttribute("dashboard", new Dashboard(articles.count(), index.size(),
                waiting.stream().map(a -> new Waiting(a, reasons.get(a.id()))).toList(), categories.findAll(),
                articles.latest(Math.max(1, page), 30), chart, failing, hot.top(10, Duration.ofHours(24))));
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

    /** A source whose last poll failed, and why in 简体中文. */
    public record Failing(Source source, String reason) {}

    public record Dashboard(long articles, long indexed, List<Waiting> awaitingReview, List<Category> categories,
                            Page<ArticleSummary> latest, HourlyChart chart, List<Failing> failing, List<ArticleSummary> top) {}
}
