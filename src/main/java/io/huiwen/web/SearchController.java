package io.huiwen.web;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.search.SearchIndex;
import io.huiwen.search.SearchRequest;
import io.huiwen.search.SearchResults;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PortalPage
class SearchController {

    private final SearchIndex index;
    private final ArticleRepository articles;

    SearchController(SearchIndex index, ArticleRepository articles) {
        this.index = index;
        this.articles = articles;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) String category,
                  @RequestParam(required = false) String source,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "relevance") String sort,
                  @RequestParam(defaultValue = "1") int page,
                  Model model) {
        var request = new SearchRequest(q, category, source, from, to, sort, page, 10);
        SearchResults results = request.query().isEmpty() ? SearchResults.empty(1, 10) : index.search(request);
        Map<Long, ArticleSummary> found = articles.summaries(results.hits().stream().map(SearchResults.Hit::id).toList())
                .stream().collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        String message = request.query().isEmpty() ? "请输入要搜索的词语。"
                : results.total() == 0 ? "没有找到与“" + request.query() + "”相关的文章，请换个说法试试。" : null;
        model.addAttribute("search", new Views.Search(request.query(), results, found, message));
        return "search";
    }
}
