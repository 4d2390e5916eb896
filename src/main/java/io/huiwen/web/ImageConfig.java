package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import io.huiwen.collect.PoliteFetcher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageProperties.class)
class ImageConfig {

    @Bean
    ImageCache imageCache(HuiwenProperties site, ImageProperties images) {
        return new ImageCache(site.dataDir().resolve("images"), images.cacheMaxBytes().toBytes());
    }

    @Bean(destroyMethod = "close")
    ImageFetches imageFetches(PoliteFetcher fetcher, ImageCache cache, ImageProperties images, Clock clock) {
        return new ImageFetches(fetcher, cache, images, clock);
    }
}
