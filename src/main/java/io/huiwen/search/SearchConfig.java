package io.huiwen.search;

import io.huiwen.HuiwenProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfig {

    /** Gauge name; {@code huiwen_search_index_documents} on /actuator/prometheus. */
    static final String INDEX_DOCUMENTS = "huiwen.search.index.documents";

    @Bean(destroyMethod = "close")
    LuceneSearchIndex searchIndex(HuiwenProperties properties) {
        return new LuceneSearchIndex(properties.indexDir());
    }

    /** How many articles a search can find: compare with the published articles to see the index catch up. */
    @Bean
    MeterBinder searchIndexMetrics(SearchIndex index) {
        return registry -> Gauge.builder(INDEX_DOCUMENTS, index, SearchIndex::size)
                .description("Articles in the search index (the published ones, once the outbox is drained)")
                .strongReference(true)
                .register(registry);
    }
}
