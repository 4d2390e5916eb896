package io.huiwen.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 相关阅读 of an article, cached: a MoreLikeThis query costs milliseconds and an article page is
 * read many times. An entry is dropped when its article changes or leaves the index (the outbox
 * drain calls {@link #forget}), when the index is rebuilt, and after a day at the latest, so
 * newer related articles get their chance. Only ids are cached; titles and links are read
 * fresh, and an id whose article is gone is skipped when the list is shown.
 */
@Component
public class RelatedArticles {

    public static final int MAX = 6;
    /** About 2 MB: the pages read most (today's) stay cached. */
    private static final int CACHED_ARTICLES = 20_000;

    private record Entry(long storyId, List<Long> ids) {}

    private static final Logger log = LoggerFactory.getLogger(RelatedArticles.class);

    private final SearchIndex index;
    private final Cache<Long, Entry> cache;

    RelatedArticles(SearchIndex index, MeterRegistry registry) {
        this.index = index;
        this.cache = Caffeine.newBuilder()
                .maximumSize(CACHED_ARTICLES)
                .expireAfterWrite(Duration.ofDays(1))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "related_articles");
    }

    /**
     * Up to {@link #MAX} ids of articles like this one, never of its own story. When the index
     * fails, none (and nothing cached): the article page shows without 相关阅读 rather than not at all.
     */
    public List<Long> of(long articleId, long storyId) {
        Entry e = cache.getIfPresent(articleId);
        if (e == null || e.storyId() != storyId) { // merged or split since: its story is another now
            try {
                e = new Entry(storyId, List.copyOf(index.related(articleId, storyId, MAX)));
            } catch (RuntimeException failure) {
                log.warn("related articles of {} left out, the search index failed: {}", articleId, failure.toString());
                return List.of();
            }
            cache.put(articleId, e);
        }
        return e.ids();
    }

    /** These articles changed or left the index. */
    public void forget(Collection<Long> articleIds) {
        cache.invalidateAll(articleIds);
    }

    /** The whole index was replaced. */
    public void forgetAll() {
        cache.invalidateAll();
    }

    long cached() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
