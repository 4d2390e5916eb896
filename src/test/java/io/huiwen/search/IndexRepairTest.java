package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HuiwenProperties;
import io.huiwen.NodeId;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ChangeLog;
import io.huiwen.article.JobLeases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An index that is behind or wrong repairs itself, without anyone running {@code reindex}: one
 * that lost documents is found out by comparing counts with the database, and one whose position
 * in the change log was pruned away while its node was down is rebuilt when the node comes back.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h",
        "huiwen.search.sync-interval=1h", "huiwen.search.check-interval=0s"})
class IndexRepairTest {

    static final Path DATA = TestDataDir.create("repair");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired IndexSync sync;
    @Autowired SearchIndex index;
    @Autowired ArticleRepository articles;
    @Autowired ChangeLog changes;
    @Autowired JdbcClient jdbc;

    @Test
    void anIndexThatLostArticlesIsRebuiltOnceTheCountsDisagreeTwice() {
        sync.drain();
        long published = articles.countPublished();
        assertThat(published).as("demo articles").isGreaterThan(20);
        assertThat(index.size()).isEqualTo(published);
        long lost = articles.latest(1, 1).items().get(0).id();
        index.delete(List.of(lost)); // a disk error, a bad restore: the index no longer matches the database
        assertThat(index.size()).isEqualTo(published - 1);

        sync.drain(); // first disagreement: could be an article passing between the two counts
        assertThat(index.size()).isEqualTo(published - 1);
        sync.drain(); // the same difference again: rebuilt
        assertThat(index.size()).isEqualTo(published);
        assertThat(index.search(SearchRequest.of(articles.findById(lost).orElseThrow().title(), 1)).hits())
                .extracting(h -> h.id()).contains(lost);
    }

    @Test
    void aNodeWhosePositionWasPrunedAwayRebuildsWhenItComesBack(@Autowired RelatedArticles related, @Autowired JobLeases leases, @Autowired org.springframework.context.ApplicationEventPublisher events,
                                                                @Autowired NodeId node, @Autowired HuiwenProperties properties,
                                                                @Autowired Clock clock) {
        sync.drain();
        long id = articles.latest(1, 1).items().get(0).id();
        index.delete(List.of(id)); // what the node missed while it was away
        // meanwhile the others pruned the log past this node's position
        jdbc.sql("UPDATE change_reader SET position = 0 WHERE name = ?").param(sync.reader()).update();
        jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES ('change_log.pruned_to', ?)").param(Long.toString(changes.head())).update();

        IndexSync restarted = new IndexSync(articles, changes, index, related, leases, events, node, properties, clock);
        restarted.drain();
        assertThat(index.size()).isEqualTo(articles.countPublished());
        assertThat(changes.position(sync.reader()).getAsLong()).isGreaterThanOrEqualTo(changes.prunedTo());
    }
}
