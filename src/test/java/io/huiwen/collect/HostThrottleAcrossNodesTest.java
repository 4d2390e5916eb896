package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.huiwen.NodeDatabases;
import io.huiwen.article.HostSlots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Politeness across collector nodes: two {@link HostThrottle}s (two nodes, each with its own
 * connection pool) on one database take turns at one host, several threads each, and every two
 * turns granted are at least the host delay apart; on embedded H2 and on PostgreSQL. Without the
 * database each node would keep only to its own pauses, and the two would fetch at once.
 */
class HostThrottleAcrossNodesTest {

    static final Duration DELAY = Duration.ofMillis(120);
    @RegisterExtension
    static final NodeDatabases DATABASES = new NodeDatabases("hostslots");

    /** A node's throttle on the named database, through a pool of its own. */
    static HostThrottle node(String database) {
        return new HostThrottle(new HostSlots(DATABASES.node(database)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void turnsTwoNodesTakeAtOneHostAreTheDelayApart(String database) throws Exception {
        List<HostThrottle> nodes = List.of(node(database), node(database));
        var granted = new ConcurrentLinkedQueue<Instant>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> fetchers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                HostThrottle node = nodes.get(t % 2);
                fetchers.add(threads.submit(() -> {
                    for (int i = 0; i < 4; i++) {
                        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
                        try (HostThrottle.Permit permit = node.acquire("news.example.cn", deadline)) {
                            granted.add(permit.awaitTurn(DELAY, deadline));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fetchers) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        List<Instant> starts = granted.stream().sorted().toList();
        assertThat(starts).hasSize(24);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
                    .as("turn %d after turn %d", i, i - 1).isGreaterThanOrEqualTo(DELAY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTurnBeyondTheDeadlineFailsTheFetchAndReservesNothing(String database) throws Exception {
        HostThrottle a = node(database), b = node(database), c = node(database);
        Instant first;
        try (HostThrottle.Permit permit = a.acquire("slow.example.cn", Deadline.after(Duration.ofSeconds(5)))) {
            first = permit.awaitTurn(Duration.ofSeconds(3), Deadline.after(Duration.ofSeconds(5)));
        }
        Deadline tooSoon = Deadline.after(Duration.ofSeconds(1));
        try (HostThrottle.Permit permit = b.acquire("slow.example.cn", tooSoon)) {
            assertThatThrownBy(() -> permit.awaitTurn(Duration.ofSeconds(3), tooSoon))
                    .isInstanceOfSatisfying(FetchFailure.class, f -> assertThat(f.reason()).isEqualTo(FetchFailureReason.TIMEOUT));
        }
        // a third node, with no pause of its own to keep, gets the very next turn
        try (HostThrottle.Permit permit = c.acquire("slow.example.cn", Deadline.after(Duration.ofSeconds(10)))) {
            Instant next = permit.awaitTurn(Duration.ofSeconds(3), Deadline.after(Duration.ofSeconds(10)));
            assertThat(Duration.between(first, next)).as("the failed fetch took no turn").isEqualTo(Duration.ofSeconds(3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pruningForgetsOnlyHostsWhoseTurnsAreOver(String database) throws Exception {
        JdbcClient db = DATABASES.node(database);
        HostSlots slots = new HostSlots(db);
        slots.reserve("idle.example.cn", Duration.ofMillis(10), Duration.ZERO, Duration.ofSeconds(1)).orElseThrow();
        slots.reserve("busy.example.cn", Duration.ofMinutes(5), Duration.ZERO, Duration.ofSeconds(1)).orElseThrow();
        Thread.sleep(50);
        assertThat(slots.pruneIdle(Duration.ZERO)).isPositive();
        assertThat(db.sql("SELECT host FROM host_slot WHERE host IN ('idle.example.cn', 'busy.example.cn')")
                .query(String.class).list()).containsExactly("busy.example.cn");
    }

    @Test
    void aNodeWhoseDatabaseIsGoneKeepsToItsOwnPausesInsteadOfFailing() throws Exception {
        List<Instant> starts = new ArrayList<>();
        try (HikariDataSource gone = new HikariDataSource()) {
            gone.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/huiwen_gone");
            gone.setUsername("huiwen");
            gone.setConnectionTimeout(250);
            gone.setInitializationFailTimeout(-1);
            HostThrottle alone = new HostThrottle(new HostSlots(JdbcClient.create(gone)));
            for (int i = 0; i < 3; i++) {
                Deadline deadline = Deadline.after(Duration.ofSeconds(10));
                try (HostThrottle.Permit permit = alone.acquire("news.example.cn", deadline)) {
                    starts.add(permit.awaitTurn(DELAY, deadline));
                }
            }
        }
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThanOrEqualTo(DELAY.minusMillis(2));
        }
    }
}
