package io.huiwen.search;

import io.huiwen.HuiwenProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean(destroyMethod = "close")
    LuceneSearchIndex searchIndex(HuiwenProperties properties) {
        return new LuceneSearchIndex(properties.indexDir());
    }
}
