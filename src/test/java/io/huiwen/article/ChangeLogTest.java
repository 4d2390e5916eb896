package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.huiwen.HandClock;
import io.huiwen.TestDatabases;
import io.huiwen.article.ChangeLog.Change;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change log's rules, the same on the embedded database and on PostgreSQL: readers keep their
 * own positions, pruning waits for the slowest reader seen lately and never moves backwards.
 */
class ChangeLogTest {

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    final HandClock clock = new HandClock("2026-11-29T02:00:00Z");

    ChangeLog log(String database) {
        String url = database.equals("h2") ? TestDatabases.freshH2("changelog") : TestDatabases.freshPostgres("huiwen_changelog_");
        assumeTrue(url != null, "no PostgreSQL server at " + TestDatabases.POSTGRES_SERVER);
        pool = TestDatabases.migrated(url);
        jdbc = JdbcClient.create(pool);
        return new ChangeLog(jdbc, clock);
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
            TestDatabases.drop(pool.getJdbcUrl());
        }
    }

    HikariDataSource pool;
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
