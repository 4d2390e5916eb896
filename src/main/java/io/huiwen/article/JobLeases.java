package io.huiwen.article;

import io.huiwen.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leases on jobs that one node of a cluster runs at a time (draining the shared search index,
 * pruning the change log, …). A lease names its holder ({@link NodeId}) and runs out unless the
 * holder renews it, so when a node dies another takes its jobs over within one lease. Each call
 * is one statement in its own transaction; there is nothing to clean up.
 */
@Repository
public class JobLeases {

    private final JdbcClient jdbc;
    private final String owner;
    private final Clock clock;

    JobLeases(JdbcClient jdbc, NodeId node, Clock clock) {
        this.jdbc = jdbc;
        this.owner = node.value();
        this.clock = clock;
    }

    /**
     * Takes the lease on {@code job} for {@code duration} when it is free or has run out, or renews
     * it when this node holds it; returns whether this node holds it now.
     */
    public boolean hold(String job, Duration duration) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime until = now.plus(duration);
        int renewed = jdbc.sql("UPDATE job_lease SET owner = ?, expires_at = ? WHERE name = ? AND (owner = ? OR expires_at < ?)")
                .params(owner, until, job, owner, now).update();
        if (renewed == 1) {
            return true;
        }
        // never leased before: the first node to insert it holds it, the others find the row taken
        return jdbc.sql("INSERT INTO job_lease (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(job, owner, until).update() == 1;
    }

    /** Gives the lease back, if this node holds it, so another node need not wait for it to run out. */
    public void release(String job) {
        jdbc.sql("DELETE FROM job_lease WHERE name = ? AND owner = ?").params(job, owner).update();
    }

    /** The node holding {@code job} now, or null when nobody does. */
    public String holder(String job) {
        return jdbc.sql("SELECT owner FROM job_lease WHERE name = ? AND expires_at >= ?")
                .params(job, OffsetDateTime.now(clock)).query(String.class).optional().orElse(null);
    }
}
