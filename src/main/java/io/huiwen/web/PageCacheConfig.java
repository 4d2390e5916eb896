package io.huiwen.web;

import io.huiwen.rank.ViewCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The page cache, the valve that answers its hits and the filter that fills it. The valve is the
 * first of the portal's context in Tomcat, after the engine's {@link FrontDoor}: a hit costs no filter
 * chain. The filter runs first of all filters: before the start-up gate (the cache is empty until the
 * portal is ready, and what it keeps stays valid), before the observation of HTTP requests (order
 * {@code HIGHEST_PRECEDENCE + 1}: a page from memory is counted by the cache's own hit metric
 * instead), and before Spring Session and Spring Security (order {@code Integer.MIN_VALUE + 50} and
 * {@code -100}): a page from the cache costs no session lookup and no security chain, and a request
 * that carries a session is let through untouched to them.
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
    PageCacheHits pageCacheHits(PageCache cache, PageCacheProperties properties, ViewCounter views, io.huiwen.SiteUrl site) {
        return new PageCacheHits(cache, views, properties.enabled(), site.followsRequests());
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCacheHits hits, PageCacheProperties properties) {
        var registration = new FilterRegistrationBean<>(new PageCacheFilter(hits, new CachePolicy(properties)));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCacheHits hits) {
        return factory -> factory.addContextValves(new PageCacheValve(hits));
    }
}
