package io.huiwen.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The rendered-page cache and what readers' browsers and shared caches (nginx, a CDN) are told
 * they may keep ({@code huiwen.page-cache.*}), defaults in one place.
 *
 * @param enabled              keep rendered pages in memory; off, every page is rendered (the HTTP headers stay)
 * @param maxBytes             the cached pages' bytes (plain and gzip) are kept under this; least used go first
 * @param timeToLive           longest a page is kept here: what changes without the change log (热门, view
 *                             counts, the sitemap's news window) shows within this
 * @param pageMaxAge           {@code max-age} of home, category, tag and article pages
 * @param feedMaxAge           {@code max-age} of the feeds and the sitemap
 * @param searchMaxAge         {@code max-age} of search result pages
 * @param staleWhileRevalidate a shared cache may serve a page this long past its max-age while it fetches a fresh one
 */
@ConfigurationProperties("huiwen.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxBytes,
        @DefaultValue("60s") Duration timeToLive,
        @DefaultValue("60s") Duration pageMaxAge,
        @DefaultValue("300s") Duration feedMaxAge,
        @DefaultValue("30s") Duration searchMaxAge,
        @DefaultValue("60s") Duration staleWhileRevalidate) {

    /** The defaults, for code and tests that run without Spring. */
    public static PageCacheProperties defaults() {
        return new PageCacheProperties(true, DataSize.ofMegabytes(64), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
