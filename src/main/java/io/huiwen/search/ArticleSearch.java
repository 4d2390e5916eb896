package io.huiwen.search;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A reader's search answered as lists show articles: the index's hits, each with its summary from
 * the database, in the index's order. The search page and the API both ask here.
 */
@Service
public class ArticleSearch {

    /** The index's answer and the hits whose article the database still has, each with its summary. */
    public record Found(SearchResults results, List<Item> items) {

        public record Item(SearchResults.Hit hit, ArticleSummary article) {}

        /** An answer with no hits to look up: an empty query, or a search that could not run. */
        public static Found nothing(SearchResults results) {
            return new Found(results, List.of());
        }

        /** The summaries by article id. */
        public Map<Long, ArticleSummary> articles() {
            return items.stream().collect(Collectors.toMap(i -> i.article().id(), Item::article));
        }
    }

    /** The index failed (not the query: a query that cannot be searched comes back as a message). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(RuntimeException cause) {
            super("search index failed: " + cause, cause);
        }
    }

    private final SearchIndex index;
    private final ArticleRepository articles;

    ArticleSearch(SearchIndex index, ArticleRepository articles) {
        this.index = index;
        this.articles = articles;
    }

    /** @throws Unavailable when the index fails */
    public Found search(SearchRequest request) {
        SearchResults results;
        try {
            results = index.search(request);
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
        Map<Long, ArticleSummary> summaries = articles.summaries(results.hits().stream().map(SearchResults.Hit::id).toList())
                .stream().collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<Found.Item> items = results.hits().stream().filter(h -> summaries.containsKey(h.id()))
                .map(h -> new Found.Item(h, summaries.get(h.id()))).toList();
        return new Found(results, items);
    }
}
