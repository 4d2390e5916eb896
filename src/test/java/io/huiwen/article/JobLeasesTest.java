package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HandClock;
import io.huiwen.NodeDatabases;
import io.huiwen.TestNodes;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two nodes (two {@link JobLeases} with their own node ids and their own connection pools) on one
 * database, embedded H2 and PostgreSQL: one holds a job at a time, the holder renews it, another
 * takes it over once it ran out, and a release hands it over at once.
 */
class JobLeasesTest {

    static final Duration LEASE = Duration.ofSeconds(60);
    @RegisterExtension
    static final NodeDatabases DATABASES = new NodeDatabases("jobleases");

    final HandClock clock = new HandClock("2026-11-28T08:00:00Z");

    /** A node on the named database: its own pool, its own id. */
    JobLeases node(String database, String id) {
        return new JobLeases(DATABASES.node(database), TestNodes.named(id), clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void onlyOneNodeHoldsAJob(String database) {
        JobLeases a = node(database, "node-a"), b = node(database, "node-b");
        assertThat(a.hold("prune-once", LEASE)).isTrue();
        assertThat(b.hold("prune-once", LEASE)).isFalse();
        assertThat(a.holder("prune-once")).isEqualTo("node-a");
        assertThat(b.holder("prune-once")).as("both nodes see the same holder").isEqualTo("node-a");
        assertThat(b.hold("another-job", LEASE)).as("jobs are leased one by one").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theHolderRenewsItsLeaseAndKeepsTheJob(String database) {
        JobLeases a = node(database, "node-a"), b = node(database, "node-b");
        assertThat(a.hold("renewed", LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(45));
        assertThat(a.hold("renewed", LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(45)); // past the first lease, within the renewed one
        assertThat(b.hold("renewed", LEASE)).isFalse();
        assertThat(b.holder("renewed")).isEqualTo("node-a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anotherNodeTakesOverALeaseThatRanOut(String database) {
        JobLeases a = node(database, "node-a"), b = node(database, "node-b");
        assertThat(a.hold("expiring", LEASE)).isTrue();
        clock.advance(LEASE.plusSeconds(1)); // node-a died without releasing it
        assertThat(a.holder("expiring")).isNull();
        assertThat(b.hold("expiring", LEASE)).isTrue();
        assertThat(a.hold("expiring", LEASE)).as("the old holder, back, finds it taken").isFalse();
        assertThat(a.holder("expiring")).isEqualTo("node-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReleaseHandsTheJobOverAtOnce(String database) {
        JobLeases a = node(database, "node-a"), b = node(database, "node-b");
        assertThat(a.hold("released", LEASE)).isTrue();
        b.release("released"); // not b's to give back
        assertThat(b.hold("released", LEASE)).isFalse();
        a.release("released");
        assertThat(a.holder("released")).isNull();
        assertThat(b.hold("released", LEASE)).as("no waiting for the lease to run out").isTrue();
        assertThat(a.holder("released")).isEqualTo("node-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoNodesAskingAtOnceNeverBothHoldAJob(String database) throws Exception {
        JobLeases a = node(database, "node-a"), b = node(database, "node-b");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 40; i++) {
                String job = "contended-" + i;
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Boolean> takeA = () -> { together.await(); return a.hold(job, LEASE); };
                Callable<Boolean> takeB = () -> { together.await(); return b.hold(job, LEASE); };
                Future<Boolean> byA = threads.submit(takeA), byB = threads.submit(takeB);
                assertThat(byA.get() ^ byB.get()).as("exactly one node holds " + job).isTrue();
                assertThat(a.holder(job)).isEqualTo(byA.get() ? "node-a" : "node-b");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
