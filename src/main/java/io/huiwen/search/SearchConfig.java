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
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The search index: embedded Lucene, or OpenSearch when {@code huiwen.search.backend=opensearch}.
 * Exactly one of the two beans exists; the other is not created, so choosing OpenSearch never
 * opens (or locks) an index directory.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    private static final Logger log = LoggerFactory.getLogger(SearchConfig.class);

    /** Gauge name; {@code huiwen_search_index_documents} on /actuator/prometheus. */
    static final String INDEX_DOCUMENTS = "huiwen.search.index.documents";

    /**
     * The index is derived from the database, so an index that cannot be opened (corrupt or half-written
     * files) does not keep the portal from starting: it is moved aside, for whoever wants to look at it,
     * and an empty one takes its place, which the first outbox drain rebuilds from the database.
     */
    @Bean(destroyMethod = "close")
    @Conditional(LuceneChosen.class)
    LuceneSearchIndex searchIndex(HuiwenProperties properties, Clock clock) {
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

    /**
     * The shared index in the cluster. A cluster that cannot be reached or is not OpenSearch 2 stops
     * the start here, with one line naming the addresses and the cause.
     */
    @Bean(destroyMethod = "close")
    @Conditional(OpenSearchChosen.class)
    OpenSearchIndex openSearchIndex(HuiwenProperties properties, Clock clock) {
        return OpenSearchIndex.connect(properties.search().opensearch(), clock);
    }

    /** Reads the backend setting as {@link HuiwenProperties.Search#openSearch()} does, before the properties bean exists. */
    static final class OpenSearchChosen implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String backend = Binder.get(context.getEnvironment()).bind("huiwen.search.backend", String.class).orElse("lucene");
            return HuiwenProperties.Search.isOpenSearch(backend);
        }
    }

    static final class LuceneChosen implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new OpenSearchChosen().matches(context, metadata);
        }
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
