package io.huiwen.collect;

import io.huiwen.article.HostSlots;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One request at a time per host from this node, and a pause between them. Each host has its own
 * lock, so a slow host only holds up requests to itself; no lock shared between hosts is held
 * while waiting or reading. With {@link HostSlots} (the database all nodes share), each request
 * also reserves its start there, so requests to a host from all collector nodes start at least the
 * pause apart; when the database cannot be reached, this node keeps to its own pauses for a while
 * rather than failing its fetches.
 */
final class HostThrottle {

    private static final Logger log = LoggerFactory.getLogger(HostThrottle.class);
    private static final int PRUNE_ABOVE = 10_000;
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(30);
    /** After the shared slots failed, how long to keep to this node's own pauses before asking the database again. */
    static final long ALONE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final HostSlots shared;
    private volatile long aloneUntilNanos = System.nanoTime();

    /** Throttles this node only: a command, or tests without a database. */
    HostThrottle() {
        this(null);
    }

    /** Throttles across every node that reserves its slots in the same database (null: this node only). */
    HostThrottle(HostSlots shared) {
        this.shared = shared;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile long lastEndNanos = System.nanoTime() - IDLE_NANOS;
    }

    /** The right to send one request to a host; close it when the response has been read. */
    final class Permit implements AutoCloseable {
        private final String hostKey;
        private final Slot slot;

        private Permit(String hostKey, Slot slot) {
            this.hostKey = hostKey;
            this.slot = slot;
        }

        /**
         * Sleeps until {@code gap} has passed since this node's last request to the host ended and,
         * with shared slots, until the start reserved for this request across all nodes; returns that
         * start (on the database's clock when shared, else this node's).
         */
        Instant awaitTurn(Duration gap, Deadline deadline) throws FetchFailure {
            long now = System.nanoTime();
            long ownWait = Math.max(0, slot.lastEndNanos + gap.toNanos() - now);
            if (ownWait > deadline.remainingNanos()) {
                throw new FetchFailure(FetchFailureReason.TIMEOUT, "host delay outlasts the request timeout");
            }
            HostSlots.Slot granted = reserveShared(gap, ownWait, deadline);
            if (granted == null) { // this node alone
                sleepUntil(now + ownWait);
                return Instant.now();
            }
            sleepUntil(granted.startNanos());
            return granted.start();
        }

        /** The start reserved across nodes, or null when this node must keep to its own pauses. */
        private HostSlots.Slot reserveShared(Duration gap, long ownWait, Deadline deadline) throws FetchFailure {
            if (shared == null || System.nanoTime() - aloneUntilNanos < 0) {
                return null;
            }
            Optional<HostSlots.Slot> reserved;
            try {
                reserved = shared.reserve(hostKey, gap, Duration.ofNanos(ownWait), Duration.ofNanos(Math.max(0, deadline.remainingNanos())));
            } catch (DataAccessException e) {
                aloneUntilNanos = System.nanoTime() + ALONE_NANOS;
                log.warn("cannot reserve turns at hosts in the database ({}); keeping to this node's own pauses for {} s",
                        e.getMostSpecificCause().getMessage(), TimeUnit.NANOSECONDS.toSeconds(ALONE_NANOS));
                return null;
            }
            return reserved.orElseThrow(() ->
                    new FetchFailure(FetchFailureReason.TIMEOUT, "the host's next free turn outlasts the request timeout"));
        }

        private static void sleepUntil(long nanos) throws FetchFailure {
            long wait = nanos - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchFailure(FetchFailureReason.IO_ERROR, "interrupted while waiting for the host");
            }
        }

        @Override
        public void close() {
            slot.lastEndNanos = System.nanoTime();
            slot.lock.unlock();
        }
    }

    /** Waits (until the deadline at most) for this host to be free. */
    Permit acquire(String hostKey, Deadline deadline) throws FetchFailure {
        if (slots.size() > PRUNE_ABOVE) {
            pruneIdle();
        }
        Slot slot = slots.computeIfAbsent(hostKey, k -> new Slot());
        try {
            if (!slot.lock.tryLock(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS)) {
                throw new FetchFailure(FetchFailureReason.TIMEOUT, "timed out waiting for earlier requests to " + hostKey);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "interrupted while waiting for " + hostKey);
        }
        return new Permit(hostKey, slot);
    }

    /** Throttled together: the host name, plus the port when it is not the scheme's default (http and https share). */
    static String hostKey(URI url) throws FetchFailure {
        String host = AddressGuard.hostOf(url);
        int port = url.getPort();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        return defaultPort ? host : host + ":" + port;
    }

    private void pruneIdle() {
        long now = System.nanoTime();
        slots.values().removeIf(s -> !s.lock.isLocked() && !s.lock.hasQueuedThreads() && now - s.lastEndNanos > IDLE_NANOS);
    }
}
