package io.huiwen.search;

import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index: embedded Lucene, or OpenSearch when {@code huiwen.search.backend=opensearch}.
 * The choice is made when the bean is made, not by a condition on the bean's definition, so the
 * build's ahead-of-time bean definitions (see {@code cli.AheadOfTimeStart}) serve both backends;
 * only the chosen one is opened, so choosing OpenSearch never opens (or locks) an index directory.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    private static final Logger log = LoggerFactory.getLogger(SearchConfig.class);

    /** Gauge name; {@code huiwen_search_index_documents} on /actuator/prometheus. */
    static final String INDEX_DOCUMENTS = "huiwen.search.index.documents";

    /**
     * The shared index in the cluster, or this node's embedded one. A cluster that cannot be reached
     * or is not OpenSearch 2 stops the start here, with one line naming the addresses and the cause.
     */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(HuiwenProperties properties, Clock clock) {
        return properties.search().openSearch() ? OpenSearchIndex.connect(properties.search().opensearch(), clock) : lucene(properties, clock);
    }

    /**
     * The index is derived from the database, so an index that cannot be opened (corrupt or half-written
     * files) does not keep the portal from starting: it is moved aside, for whoever wants to look at it,
     * and an empty one takes its place, which the first outbox drain rebuilds from the database.
     */
    private static LuceneSearchIndex lucene(HuiwenProperties properties, Clock clock) {
        Path dir = properties.indexDir();
        try {
            return new LuceneSearchIndex(dir, clock);
        } catch (UncheckedIOException | IllegalStateException e) {
            Path aside = dir.resolveSibling(dir.getFileName() + ".broken-" + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            try {
                Files.move(dir, aside);
            } catch (IOException again) {
                e.addSuppressed(again);
                throw e;
            }
            log.error("the search index in {} cannot be opened ({}); moved it to {} and rebuilding it from the database", dir, e.getCause() == null ? e : e.getCause(), aside);
            return new LuceneSearchIndex(dir, clock);
        }
    }

    /** Gauge name; {@code huiwen_search_index_lag} on /actuator/prometheus. */
    static final String INDEX_LAG = "huiwen.search.index.lag";

    /** How far behind the change log this node's index (or the shared one) is: alert when it keeps growing. */
    @Bean
    MeterBinder searchLagMetrics(ObjectProvider<IndexSync> sync) {
        return registry -> sync.ifAvailable(s -> Gauge.builder(INDEX_LAG, s, IndexSync::lag)
                .description("Article changes logged that the search index has not applied yet")
                .strongReference(true)
                .register(registry));
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
