package io.huiwen.collect;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per host, and a pause between them. Each host has its own lock, so a
 * slow host only holds up requests to itself; no lock shared between hosts is held while
 * waiting or reading.
 */
final class HostThrottle {

    private static final int PRUNE_ABOVE = 10_000;
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(30);

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile long lastEndNanos = System.nanoTime() - IDLE_NANOS;
    }

    /** The right to send one request to a host; close it when the response has been read. */
    final class Permit implements AutoCloseable {
        private final Slot slot;

        private Permit(Slot slot) {
            this.slot = slot;
        }

        /** Sleeps until {@code gap} has passed since the host's last request ended. */
        void awaitTurn(Duration gap, Deadline deadline) throws FetchFailure {
            long wait = slot.lastEndNanos + gap.toNanos() - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            if (wait > deadline.remainingNanos()) {
                throw new FetchFailure(FetchFailureReason.TIMEOUT, "host delay outlasts the request timeout");
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
        return new Permit(slot);
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
