package io.huiwen.api;

import io.huiwen.SiteUrl;
import io.huiwen.api.ApiModels.ArticleJson;
import io.huiwen.api.ApiModels.CategoryCount;
import io.huiwen.api.ApiModels.Items;
import io.huiwen.api.ApiModels.Listing;
import io.huiwen.api.ApiModels.SearchListing;
import io.huiwen.api.ApiModels.OtherReport;
import io.huiwen.api.ApiModels.ReviewListing;
import io.huiwen.api.ApiModels.SuggestedCategory;
import io.huiwen.api.ApiModels.Waiting;
import io.huiwen.article.ArticleState;
import io.huiwen.article.ReviewQueue;
import jakarta.servlet.http.HttpServletRequest;
import io.huiwen.api.ApiModels.Summary;
import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Page;
import io.huiwen.rank.HotRanking;
import io.huiwen.search.ArticleSearch;
import io.huiwen.search.RelatedArticles;
import io.huiwen.search.SearchRequest;
import io.huiwen.search.SearchResults;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ArticleApi {

    static final int MAX_SIZE = 100;

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final HotRanking hot;
    private final ArticleSearch search;
    private final RelatedArticles related;
    private final SiteUrl site;
    private final ReviewQueue review;

    ArticleApi(ArticleRepository articles, CategoryRepository categories, HotRanking hot, ArticleSearch search, RelatedArticles related,
               SiteUrl site, ReviewQueue review) {
        this.review = review;
        this.articles = articles;
        this.categories = categories;
        this.hot = hot;
        this.search = search;
        this.related = related;
        this.site = site;
    }

    /**
     * A published article; to an editor (EDITOR or ADMIN, however signed in) also one awaiting review,
     * with the category suggested for it. Anyone else meets an unpublished article as not found.
     */
    @GetMapping("/articles/{id}")
    ArticleJson article(@PathVariable long id, HttpServletRequest request) {
        Article a = articles.findById(id).filter(found -> found.published() || found.status() == ArticleState.REVIEW && editor(request))
                .orElseThrow(() -> new ApiNotFoundException("no article with id " + id));
        List<OtherReport> others = articles.otherReports(a.storyId(), id).stream()
                .map(o -> new OtherReport(o.id(), o.source(), o.sourceUrl()))
                .toList();
        SuggestedCategory suggested = a.published() ? null : SuggestedCategory.of(a.category(), review.suggestions(List.of(id)).get(id));
        return ArticleJson.of(a, site.base(), others, suggested);
    }

    /** The review queue, newest first, for editors (the security rules refuse anyone else a {@code status}). */
    @GetMapping(value = "/articles", params = "status")
    ReviewListing queue(@RequestParam String status, @RequestParam(defaultValue = "1") int page,
                        @RequestParam(defaultValue = "20") int size) {
        if (!ArticleState.REVIEW.sql().equals(status)) {
            throw new IllegalArgumentException("status must be review");
        }
        Page<ArticleSummary> p = review.newestFirst(page, clamp(size));
        var why = review.suggestions(p.items().stream().map(ArticleSummary::id).toList());
        return new ReviewListing(p.total(), p.page(), p.size(), p.items().stream()
                .map(a -> new Waiting(a.id(), site.base() + "/a/" + a.id(), a.title(), a.publishTime(), a.source(), a.excerpt(), status,
                        why.get(a.id()) == null ? null : why.get(a.id()).reason(), SuggestedCategory.of(a.category(), why.get(a.id()))))
                .toList());
    }

    private static boolean editor(HttpServletRequest request) {
        return request.isUserInRole("EDITOR") || request.isUserInRole("ADMIN");
    }

    @GetMapping("/articles")
    Listing list(@RequestParam(required = false) String category, @RequestParam(defaultValue = "1") int page,
                 @RequestParam(defaultValue = "20") int size) {
        int s = clamp(size);
        Page<ArticleSummary> p = category == null || category.isBlank()
                ? articles.latest(page, s)
                : articles.inCategory(categories.findBySlug(category)
                        .orElseThrow(() -> new ApiNotFoundException("no category with slug " + category)).id(), page, s);
        return listing(p);
    }

    @GetMapping("/latest")
    Listing latest(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return listing(articles.latest(page, clamp(size)));
    }

    /** 热门: {@code window} is 24h or 7d (the default); {@code days} (1–30) sets another window. */
    @GetMapping("/hot")
    Listing hot(@RequestParam(defaultValue = "10") int size, @RequestParam(required = false) String window,
                @RequestParam(defaultValue = "7") int days) {
        Duration span = switch (window == null ? "" : window) {
            case "24h", "1d" -> Duration.ofHours(24);
            case "7d" -> Duration.ofDays(7);
            case "" -> Duration.ofDays(Math.max(1, Math.min(days, 30)));
            default -> throw new IllegalArgumentException("window must be 24h or 7d");
        };
        List<ArticleSummary> top = hot.top(clamp(size), span);
        return new Listing(top.size(), 1, clamp(size), top.stream().map(a -> Summary.of(a, site.base())).toList());
    }

    @GetMapping("/articles/{id}/related")
    Items<Summary> related(@PathVariable long id) {
        Article a = articles.findById(id).filter(Article::published).orElseThrow(() -> new ApiNotFoundException("no article with id " + id));
        return new Items<>(articles.publishedSummaries(related.of(id, a.storyId())).stream().map(s -> Summary.of(s, site.base())).toList());
    }

    @GetMapping("/categories")
    Items<CategoryCount> categories() {
        Map<Long, Long> counts = categories.storyCounts();
        return new Items<>(categories.findAll().stream()
                .map(c -> new CategoryCount(c.slug(), c.name(), counts.getOrDefault(c.id(), 0L))).toList());
    }

    /**
     * Searches; a query that cannot be searched as typed answers 200 with a {@code message}, never an
     * error. A failing index answers 503.
     */
    @GetMapping("/search")
    SearchListing search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String category,
                         @RequestParam(required = false) String source,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "1") int page,
                         @RequestParam(defaultValue = "10") int size, @RequestParam(defaultValue = "") String reports) {
        var request = new SearchRequest(q, category, source, from, to, sort, page, size, "all".equals(reports.strip()));
        if (request.query().isEmpty()) {
            throw new IllegalArgumentException("q is required");
        }
        ArticleSearch.Found found;
        try {
            found = search.search(request);
        } catch (ArticleSearch.Unavailable e) {
            throw new ApiUnavailableException("search is temporarily unavailable; try again in a moment", e.getCause());
        }
        SearchResults results = found.results();
        List<Summary> items = found.items().stream().map(i -> Summary.of(i.article(), site.base(), i.hit().snippetHtml())).toList();
        return new SearchListing(results.total(), results.page(), results.size(), items, results.message(),
                results.suggestion(), results.relatedTags());
    }

    private Listing listing(Page<ArticleSummary> p) {
        return new Listing(p.total(), p.page(), p.size(), p.items().stream().map(a -> Summary.of(a, site.base())).toList());
    }

    private static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
