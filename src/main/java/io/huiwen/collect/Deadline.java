package io.huiwen.collect;

import java.time.Duration;

/** The moment a whole fetch must be done by, on the monotonic clock, so waits and reads can ask what is left. */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, remainingNanos()));
    }

    boolean passed() {
        return remainingNanos() <= 0;
    }

    /** The shorter of {@code limit} and what is left, never negative. */
    Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }
}
