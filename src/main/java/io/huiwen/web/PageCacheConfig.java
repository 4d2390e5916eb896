package io.huiwen.web;

import io.huiwen.rank.ViewCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The page cache and its filter. The filter runs first of all: before the start-up gate (the cache is
 * empty until the portal is ready, and what it keeps stays valid), before the observation of HTTP
 * requests (order {@code HIGHEST_PRECEDENCE + 1}: a page from memory is counted by the cache's own
 * hit metric instead), and before Spring Session and Spring Security (order
 * {@code Integer.MIN_VALUE + 50} and {@code -100}): a page from the cache costs no session lookup and
 * no security chain, and a request that carries a session is let through untouched to them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheProperties.class)
class PageCacheConfig {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    PageCache pageCache(PageCacheProperties properties, MeterRegistry metrics) {
        return new PageCache(properties, metrics);
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageCacheProperties properties, ViewCounter views,
                                                          io.huiwen.SiteUrl site) {
        var registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, new CachePolicy(properties), views, properties.enabled(),
                site.followsRequests()));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
