package io.huiwen.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huiwen.article.ArticlesChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Rendered pages by address, bounded by their bytes, each kept at most the time to live. Any
 * article change forgets them all: home, category, tag and feed pages list many articles, and an
 * article page lists related, newest and other outlets' articles, so no narrower rule is sure to
 * catch every page a change shows on. A page rendered while a change arrived is not kept (the
 * generation moved), so no page older than the change survives it.
 * Metrics: {@code cache_gets_total{cache="pages",result="hit|miss"}}, {@code huiwen_page_cache_bytes}.
 */
class PageCache {

    private final Cache<String, RenderedPage> pages;
    private final AtomicLong generation = new AtomicLong();

    PageCache(PageCacheProperties properties, MeterRegistry metrics) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes().toBytes())
                .weigher((String key, RenderedPage page) -> key.length() + page.weight())
                .expireAfterWrite(properties.timeToLive())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, pages, "pages");
        Gauge.builder("huiwen.page.cache.bytes", pages, c -> c.policy().eviction().orElseThrow().weightedSize().orElse(0))
                .description("bytes of rendered pages kept in memory").baseUnit("bytes").register(metrics);
    }

    RenderedPage get(String key) {
        return pages.getIfPresent(key);
    }

    /** Where a rendering starts: a page rendered from here is kept only if no change arrived meanwhile. */
    long generation() {
        return generation.get();
    }

    void put(String key, RenderedPage page, long renderedAt) {
        if (generation.get() != renderedAt) {
            return;
        }
        pages.put(key, page);
        if (generation.get() != renderedAt) {
            pages.invalidate(key); // a change arrived between the check and the put
        }
    }

    /** Last: after what pages are made of (related articles, 热门) has forgotten the change. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void articlesChanged(ArticlesChanged changed) {
        forgetAll();
    }

    void forgetAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        return pages.estimatedSize();
    }
}
