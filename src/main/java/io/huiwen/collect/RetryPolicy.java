package io.huiwen.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When a failed try is worth another: after a 5xx, a 429 or a broken connection, waiting
 * {@code backoff}, then twice that, and so on, or longer if the server's Retry-After says so.
 * A Retry-After beyond {@link #LONGEST_WAIT} is not slept through: the failure is reported with it.
 */
final class RetryPolicy {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final int retries;
    private final Duration backoff;
    private final Clock clock;

    RetryPolicy(int retries, Duration backoff, Clock clock) {
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
    }

    static boolean retryable(FetchFailureReason reason) {
        return switch (reason) {
            case HTTP_5XX, HTTP_429, CONNECT_FAILED, IO_ERROR -> true;
            default -> false;
        };
    }

    /**
     * How long to wait before try number {@code attempt + 1} after {@code failure} (try numbers
     * start at 0), or null when it should not be retried within {@code deadline}.
     */
    Duration waitBefore(int attempt, FetchFailure failure, Deadline deadline) {
        if (attempt >= retries || !retryable(failure.reason())) {
            return null;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(attempt, 20));
        Duration asked = failure.retryAfter();
        if (asked != null) {
            if (asked.compareTo(LONGEST_WAIT) > 0) {
                return null;
            }
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait.compareTo(deadline.remaining()) < 0 ? wait : null;
    }

    /** A Retry-After header, in delta-seconds or as an HTTP date; null if absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static void sleep(Duration wait) throws FetchFailure {
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "interrupted while waiting to retry");
        }
    }
}
