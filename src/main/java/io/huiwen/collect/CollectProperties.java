package io.huiwen.collect;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How politely and safely Huiwen fetches ({@code huiwen.collect.*}), defaults in one place.
 *
 * @param allowPrivateHosts fetch from loopback, private and link-local addresses (tests, intranets); never by default
 * @param hostDelay         least time between two requests to one host
 * @param maxCrawlDelay     a robots.txt Crawl-delay above this is capped to it
 * @param connectTimeout    to open a connection
 * @param readTimeout       between two reads of a response
 * @param requestTimeout    for a whole request, redirects included
 * @param maxBytes          largest response body, counted after decompression
 * @param maxRedirects      redirects followed per request
 * @param retries           further tries after a 5xx, 429 or connection failure
 * @param retryBackoff      first wait before a retry; doubled each time, Retry-After honoured
 * @param maxFeedItems      items read from one feed or sitemap at most
 * @param schedulerThreads  sources polled at once
 * @param tick              how often the scheduler looks for sources due for a poll
 * @param initialDelay      how long after startup the scheduler first looks
 * @param enabled           whether this node polls the sources at all (a reader-only node: false)
 */
@ConfigurationProperties("huiwen.collect")
public record CollectProperties(
        @DefaultValue("false") boolean allowPrivateHosts,
        @DefaultValue("1s") Duration hostDelay,
        @DefaultValue("30s") Duration maxCrawlDelay,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("20971520") long maxBytes,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("3") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("500") int maxFeedItems,
        @DefaultValue("4") int schedulerThreads,
        @DefaultValue("5s") Duration tick,
        @DefaultValue("10s") Duration initialDelay,
        @DefaultValue("true") boolean enabled) {

    /** The bean Spring registers these properties as, for the scheduler's SpEL intervals. */
    static final String BEAN = "huiwen.collect-io.huiwen.collect.CollectProperties";

    /** The same settings with private hosts allowed or not. */
    public CollectProperties withPrivateHosts(boolean allowed) {
        return new CollectProperties(allowed, hostDelay, maxCrawlDelay, connectTimeout, readTimeout, requestTimeout, maxBytes,
                maxRedirects, retries, retryBackoff, maxFeedItems, schedulerThreads, tick, initialDelay, enabled);
    }

    /** The defaults, for code and tests that run without Spring. */
    public static CollectProperties defaults() {
        return new CollectProperties(false, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(60), 20L * 1024 * 1024, 5, 3, Duration.ofSeconds(1), 500, 4,
                Duration.ofSeconds(5), Duration.ofSeconds(10), true);
    }
}
