package io.huiwen.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.ArticlesChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * A reader's search answered as lists show articles: the index's hits, each with its summary from
 * the database, in the index's order. The search page and the API both ask here.
 *
 * <p>Readers ask the same few queries again and again (a story of the day, a name in the news), so
 * answers are kept for a few minutes, and forgotten at once when this node learns from the change
 * log that any article changed ({@link ArticlesChanged}): a new article is found as soon as the
 * index has it. An answer computed while a change came in is not kept, so a stale one never
 * outlives the change.
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

    /** Popular queries and their pages; an answer is a few kilobytes. */
    static final int CACHED_ANSWERS = 2_000;
    static final Duration KEEP = Duration.ofMinutes(5);

    private final SearchIndex index;
    private final ArticleRepository articles;
    private final Cache<SearchRequest, Found> answers;
    /** Moves on at every change: an answer computed across a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    ArticleSearch(SearchIndex index, ArticleRepository articles, MeterRegistry registry) {
        this.index = index;
        this.articles = articles;
        this.answers = Caffeine.newBuilder().maximumSize(CACHED_ANSWERS).expireAfterWrite(KEEP).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, answers, "search_answers");
    }

    /** @throws Unavailable when the index fails (nothing is kept then) */
    public Found search(SearchRequest request) {
        Found kept = answers.getIfPresent(request);
        if (kept != null) {
            return kept;
        }
        long before = generation.get();
        Found found = lookUp(request);
        if (generation.get() == before) {
            answers.put(request, found);
        }
        return found;
    }

    /** Articles changed: every kept answer may be wrong now. First, before pages made from these answers are forgotten. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ArticlesChanged changed) {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    private Found lookUp(SearchRequest request) {
        SearchResults results;
        try {
            results = index.search(request);
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
        Map<Long, ArticleSummary> summaries = articles.publishedSummaries(results.hits().stream().map(SearchResults.Hit::id).toList())
                .stream().collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<Found.Item> items = results.hits().stream().filter(h -> summaries.containsKey(h.id()))
                .map(h -> new Found.Item(h, summaries.get(h.id()))).toList();
        return new Found(results, items);
    }
}
