package io.huiwen.web;

import io.huiwen.search.ArticleSearch;
import io.huiwen.search.SearchRequest;
import io.huiwen.search.SearchResults;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.DatabaseUnavailable;
import io.huiwen.rank.HotRanking;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page. Whatever the reader types or puts in the address, the page answers 200: a
 * query is cleaned and searched, a date or page number that cannot be read is ignored and said so.
 * Only a failing index makes it answer 503, with the page saying search is down for now.
 */
@Controller
@PortalPage
class SearchController {

    static final int PAGE_SIZE = 10;
    static final String UNAVAILABLE = "搜索暂时不可用，请稍后再试。您仍可以浏览首页和各栏目的新闻。";
    private static final Logger log = LoggerFactory.getLogger(SearchController.class);

    static final int WAY_ON = 6;

    private final ArticleSearch search;
    private final HotRanking hot;
    private final ArticleRepository articles;

    SearchController(ArticleSearch search, HotRanking hot, ArticleRepository articles) {
        this.search = search;
        this.hot = hot;
        this.articles = articles;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "") String source,
                  @RequestParam(defaultValue = "") String from,
                  @RequestParam(defaultValue = "") String to,
                  @RequestParam(defaultValue = "relevance") String sort,
                  @RequestParam(defaultValue = "1") String page,
                  @RequestParam(defaultValue = "") String reports,
                  Model model, HttpServletResponse response) {
        List<String> notes = new ArrayList<>();
        LocalDate fromDay = day(from, notes);
        LocalDate toDay = day(to, notes);
        var request = new SearchRequest(q, category, source, fromDay, toDay, sort, number(page), PAGE_SIZE, "all".equals(reports.strip()));
        ArticleSearch.Found found = request.query().isEmpty()
                ? ArticleSearch.Found.nothing(SearchResults.empty(1, PAGE_SIZE)) : searched(request, response);
        SearchResults results = found.results();
        if (results.total() > 0 && (long) (request.page() - 1) * PAGE_SIZE >= results.total()) {
            throw new NotFoundException("search '" + request.query() + "' has no page " + request.page()); // past the last page
        }
        if (request.query().isEmpty()) {
            notes.add("请输入要搜索的词语。");
        } else if (results.message() != null) {
            notes.add(results.message());
        }
        if (!request.query().isEmpty() && results.total() == 0 && results.message() == null) {
            notes.add("没有找到与“" + request.query() + "”相关的文章，请换个说法试试。");
        }
        var filters = new Views.SearchFilters(category.strip(), source.strip(), fromDay == null ? "" : fromDay.toString(),
                toDay == null ? "" : toDay.toString(), request.sort(), request.everyReport());
        boolean nothing = !request.query().isEmpty() && results.total() == 0 && results.message() == null;
        model.addAttribute("search", new Views.Search(request.query(), filters, results, found.articles(),
                notes.isEmpty() ? null : String.join(" ", notes),
                nothing ? wayOn(() -> hot.top(WAY_ON, PortalController.HOT_WINDOW)) : List.of(),
                nothing ? wayOn(() -> articles.newest(WAY_ON)) : List.of()));
        return "search";
    }

    /** Lists offered when a search finds nothing; left out (not an error page) when the database cannot answer. */
    private static List<ArticleSummary> wayOn(java.util.function.Supplier<List<ArticleSummary>> list) {
        try {
            return list.get();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            log.warn("no hot or latest list for an empty search: {}", e.toString());
            return List.of();
        }
    }

    /** The index's answer; when the index fails, an empty one, a 503 and a notice saying search is down for now. */
    private ArticleSearch.Found searched(SearchRequest request, HttpServletResponse response) {
        try {
            return search.search(request);
        } catch (ArticleSearch.Unavailable e) {
            log.warn("search for '{}' failed: {}", request.query(), e.getCause().toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return ArticleSearch.Found.nothing(SearchResults.message(request.page(), request.size(), UNAVAILABLE));
        }
    }

    private static LocalDate day(String value, List<String> notes) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            notes.add("日期“" + value.strip() + "”无法识别（应写作 2026-11-20），已忽略。");
            return null;
        }
    }

    private static int number(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
