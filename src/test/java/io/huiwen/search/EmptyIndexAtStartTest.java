package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.huiwen.HuiwenProperties;
import io.huiwen.NodeId;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ChangeLog;
import io.huiwen.article.JobLeases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An empty index beside a database with articles (a fresh portal's demo articles, a node's first
 * start) is filled from the change log when the log holds every article, each article written to
 * the index once; when an article is missing from the log, it is rebuilt from the database.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h",
        "huiwen.search.sync-interval=1h"})
class EmptyIndexAtStartTest {

    static final Path DATA = TestDataDir.create("empty-index");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired IndexSync sync;
    @Autowired SearchIndex index;
    @Autowired ArticleRepository articles;
    @Autowired ChangeLog changes;
    @Autowired JdbcClient jdbc;
    @Autowired RelatedArticles related;
    @Autowired JobLeases leases;
    @Autowired ApplicationEventPublisher events;
    @Autowired NodeId node;
    @Autowired HuiwenProperties properties;
    @Autowired Clock clock;

    /** The index as a node finds it on its first start: empty, and no position of its own in the log. */
    @BeforeEach
    void emptyIndex() {
        sync.drain();
        index.delete(articles.idsAfter(0, Integer.MAX_VALUE));
        assertThat(index.size()).isZero();
        jdbc.sql("DELETE FROM change_reader WHERE name = ?").param(sync.reader()).update();
    }

    @Test
    void aLogHoldingEveryArticleFillsItEachArticleWrittenOnce() {
        assertThat(changes.holdsEveryArticle()).isTrue();
        SearchIndex watched = spy(index);
        AtomicLong written = countWritten(watched);

        IndexSync first = new IndexSync(articles, changes, watched, related, leases, events, node, properties, clock);
        first.catchUp();
        first.drain();

        long published = articles.countPublished();
        assertThat(published).as("demo articles").isGreaterThan(20);
        assertThat(index.size()).isEqualTo(published);
        verify(watched, never()).rebuild(any());
        assertThat(written.get()).as("documents written to the index").isEqualTo(published);
        assertThat(changes.position(sync.reader()).getAsLong()).isEqualTo(changes.head());
    }

    @Test
    void anArticleMissingFromTheLogMakesItARebuildFromTheDatabase() {
        long id = articles.latest(1, 1).items().get(0).id();
        // as for an article stored before the change log existed, in a database migrated from an old version
        List<Long> removed = jdbc.sql("SELECT id FROM index_outbox WHERE article_id = ?").param(id).query(Long.class).list();
        jdbc.sql("DELETE FROM index_outbox WHERE article_id = ?").param(id).update();
        try {
            assertThat(changes.holdsEveryArticle()).isFalse();
            SearchIndex watched = spy(index);

            IndexSync first = new IndexSync(articles, changes, watched, related, leases, events, node, properties, clock);
            first.catchUp();

            verify(watched).rebuild(any());
            assertThat(index.size()).isEqualTo(articles.countPublished());
            assertThat(index.search(SearchRequest.of(articles.findById(id).orElseThrow().title(), 1)).hits())
                    .extracting(h -> h.id()).contains(id);
        } finally {
            removed.forEach(change -> jdbc.sql("INSERT INTO index_outbox (id, article_id) VALUES (?, ?)").params(change, id).update());
        }
    }

    private static AtomicLong countWritten(SearchIndex watched) {
        AtomicLong n = new AtomicLong();
        Mockito.doAnswer(call -> {
            n.addAndGet(call.<List<?>>getArgument(0).size());
            return call.callRealMethod();
        }).when(watched).upsert(any());
        return n;
    }
}
