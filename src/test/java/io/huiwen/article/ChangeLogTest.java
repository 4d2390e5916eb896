package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.DataDirectoryInitializer;
import io.huiwen.HandClock;
import io.huiwen.TestPostgres;
import io.huiwen.TestDataDir;
import io.huiwen.article.ChangeLog.Change;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The change log's rules, the same on the embedded database and on PostgreSQL: readers keep their
 * own positions, pruning waits for the slowest reader seen lately and never moves backwards.
 */
class ChangeLogTest {

    static final java.util.Optional<TestPostgres> POSTGRES = TestPostgres.create("huiwen_changelog_");

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    final HandClock clock = new HandClock("2026-11-29T02:00:00Z");

    ChangeLog log(String database) {
        DataSource ds;
        if (database.equals("h2")) {
            ds = new DriverManagerDataSource(DataDirectoryInitializer.h2Url(TestDataDir.create("changelog"), Duration.ZERO), "sa", "");
        } else {
            assumeTrue(POSTGRES.isPresent(), "no PostgreSQL server at " + TestPostgres.SERVER);
            ds = new DriverManagerDataSource(POSTGRES.orElseThrow().url(), TestPostgres.USER, "");
            JdbcClient.create(ds).sql("DROP SCHEMA public CASCADE").update();
            JdbcClient.create(ds).sql("CREATE SCHEMA public").update();
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        return new ChangeLog(jdbc, clock);
    }

    JdbcClient jdbc;

    void logChanges(int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(100 + i).update();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readersReadTheSameChangesEachFromItsOwnPosition(String database) {
        ChangeLog log = log(database);
        logChanges(5);
        assertThat(log.after(0, 10)).extracting(Change::articleId).containsExactly(100L, 101L, 102L, 103L, 104L);
        log.record("lucene@a", 5);
        log.record("lucene@b", 2);
        assertThat(log.position("lucene@a")).hasValue(5);
        assertThat(log.position("lucene@b")).hasValue(2);
        assertThat(log.position("lucene@new")).isEmpty();
        assertThat(log.after(2, 10)).extracting(Change::id).containsExactly(3L, 4L, 5L);
        assertThat(log.between(2, 3)).extracting(Change::id).containsExactly(2L, 3L);
        assertThat(log.head()).isEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pruningStopsAtTheSlowestReaderSeenLately(String database) {
        ChangeLog log = log(database);
        logChanges(10);
        assertThat(log.prune(Duration.ofDays(7))).as("nobody reads the log yet: nothing is pruned").isZero();
        log.record("lucene@a", 7);
        log.record("lucene@b", 4);
        assertThat(log.prune(Duration.ofDays(7))).isEqualTo(4);
        assertThat(log.prunedTo()).isEqualTo(4);
        assertThat(log.after(0, 100)).extracting(Change::id).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(log.head()).isEqualTo(10);

        clock.advance(Duration.ofDays(8)); // b is gone; a reads on
        log.record("lucene@a", 9);
        assertThat(log.prune(Duration.ofDays(7))).isEqualTo(5);
        assertThat(log.prunedTo()).isEqualTo(9);
        assertThat(log.position("lucene@b").getAsLong()).as("b is behind what was pruned: it must rebuild").isLessThan(log.prunedTo());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whatWasPrunedNeverGoesBackwards(String database) {
        ChangeLog log = log(database);
        logChanges(6);
        log.record("lucene@a", 6);
        log.prune(Duration.ofDays(7));
        assertThat(log.prunedTo()).isEqualTo(6);
        log.record("lucene@late", 2); // a reader that came back from far behind
        assertThat(log.prune(Duration.ofDays(7))).isZero();
        assertThat(log.prunedTo()).isEqualTo(6);
        assertThat(log.head()).as("an empty log still knows how far it went").isEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRebuildStartsFromTheLastChangeOldEnoughToBeSettled(String database) {
        ChangeLog log = log(database);
        jdbc.sql("INSERT INTO index_outbox (article_id, created_at) VALUES (1, ?)").param(clock.instant().minusSeconds(600).atOffset(java.time.ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO index_outbox (article_id, created_at) VALUES (2, ?)").param(clock.instant().minusSeconds(5).atOffset(java.time.ZoneOffset.UTC)).update();
        assertThat(log.settledBefore(Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(log.settledBefore(Duration.ofHours(1))).isZero();
    }
}
