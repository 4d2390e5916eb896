package io.huiwen.collect;

import io.huiwen.NodeId;
import io.huiwen.article.SourceRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * This node's leases on sources: taken before a poll, renewed by a heartbeat while the poll runs,
 * given back when it ends. A lease names this node ({@link NodeId}) and lasts a minute from its
 * last renewal, so the leases of a node that died run out by themselves; and at startup, before
 * any poll, the node releases whatever leases its previous run died holding.
 */
@Component
public class SourceLeases implements InitializingBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SourceLeases.class);

    private final SourceRepository sources;
    private final String owner;
    private final LeaseProperties properties;
    private final Clock clock;
    /** The leases of the polls running on this node, by source: one poll of a source at a time. */
    private final Map<Long, Lease> held = new ConcurrentHashMap<>();

    SourceLeases(SourceRepository sources, NodeId node, LeaseProperties properties, Clock clock) {
        this.sources = sources;
        this.owner = node.value();
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs while the context starts, so before the scheduler's first tick and the first "run now". */
    @Override
    public void afterPropertiesSet() {
        int released = sources.releaseAll(owner);
        if (released > 0) {
            log.info("node {} released {} source leases its previous run left behind", owner, released);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new IntervalTask(this::heartbeat, properties.heartbeat(), properties.heartbeat()));
    }

    /** Leases one source for an editor's "run now"; empty while a poll (here or elsewhere) holds it. */
    public Optional<Lease> take(long sourceId) {
        if (held.containsKey(sourceId)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!sources.tryLease(sourceId, owner, now, now.plus(properties.duration()))) {
            return Optional.empty();
        }
        return Optional.ofNullable(hold(sourceId));
    }

    /** Leases up to {@code max} due sources, taking over leases that have run out. */
    List<Lease> takeDue(int max) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return sources.leaseDue(max, owner, now, now.plus(properties.duration())).stream()
                .map(this::hold).filter(Objects::nonNull).toList();
    }

    /** Null when a poll of this source still runs here (its lease had run out): that poll keeps it. */
    private Lease hold(long sourceId) {
        Lease lease = new Lease(sourceId);
        return held.putIfAbsent(sourceId, lease) == null ? lease : null;
    }

    /** Renews the lease of every poll running here; a lease another node has taken over is marked lost, not renewed. */
    public void heartbeat() {
        OffsetDateTime until = OffsetDateTime.now(clock).plus(properties.duration());
        for (Lease lease : held.values()) {
            if (lease.lost) {
                continue;
            }
            try {
                if (!sources.renewLease(lease.sourceId, owner, until)) {
                    lease.lost = true;
                    log.warn("source {}: the lease of node {} was taken over; its poll stops and records nothing", lease.sourceId, owner);
                }
            } catch (RuntimeException e) {
                log.warn("cannot renew source leases now; trying again in {}", properties.heartbeat(), e);
                return;
            }
        }
    }

    /** A lease this node holds on one source for one poll; closing it gives it back. */
    public final class Lease implements AutoCloseable {

        private final long sourceId;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean lost;

        private Lease(long sourceId) {
            this.sourceId = sourceId;
        }

        public long sourceId() {
            return sourceId;
        }

        public String owner() {
            return owner;
        }

        /** True once another node has taken the source over: the poll should stop and leave the source to it. */
        public boolean lost() {
            return lost;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                sources.releaseLease(sourceId, owner); // nothing to do after a recorded poll; never another owner's lease
            } catch (RuntimeException e) {
                log.warn("source {}: cannot release the lease now; it runs out within {}", sourceId, properties.duration(), e);
            } finally {
                held.remove(sourceId, this);
            }
        }
    }
}
