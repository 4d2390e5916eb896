package io.huiwen.collect;

import io.huiwen.SiteUrl;
import io.huiwen.article.HostSlots;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CollectProperties.class, LeaseProperties.class})
class CollectConfig {

    @Bean(destroyMethod = "close")
    PoliteFetcher politeFetcher(CollectProperties properties, SiteUrl site, MeterRegistry registry, Clock clock,
                                HostSlots slots) {
        return new PoliteFetcher(properties, userAgent(site.base()), registry, clock, slots);
    }

    static String userAgent(String siteUrl) {
        String version = CollectConfig.class.getPackage().getImplementationVersion();
        return "Huiwen/" + (version == null ? "dev" : version) + " (+" + siteUrl + ")";
    }
}
