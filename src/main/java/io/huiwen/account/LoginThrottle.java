package io.huiwen.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing down, on every node at once (the counts are rows in {@code login_attempt}).
 * Failures are counted per account name, whether or not such a user exists (so the answer tells no
 * one which names exist), and per client address. After {@value #ACCOUNT_FREE} failures on a name
 * (or {@value #ADDRESS_FREE} from one address, which an office may share) each further attempt
 * waits {@link #FIRST_WAIT}, doubling with each failure up to {@link #LONGEST_WAIT}. An attempt
 * made while waiting is refused without looking at the password, and does not count. A successful
 * login clears its account's count (not its address's: a guesser with an account of their own
 * could otherwise clear it).
 */
@Service
public class LoginThrottle {

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(15);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Counts without a failure for this long are forgotten. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int MAX_SUBJECT = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when a login as {@code username} from {@code address} is refused; empty when it may be tried now. */
    public Optional<Instant> refusedUntil(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM login_attempt WHERE ((kind = 'user' AND subject = ?) OR (kind = 'address' AND subject = ?))"
                        + " AND blocked_until > ? ORDER BY blocked_until DESC LIMIT 1")
                .params(subject(username), subject(address), OffsetDateTime.now(clock))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).filter(until -> until.isAfter(now));
    }

    /** Counts a wrong password (or unknown name) for both the name and the address. */
    @Transactional
    public void failed(String username, String address) {
        count("user", subject(username), ACCOUNT_FREE);
        if (address != null) {
            count("address", subject(address), ADDRESS_FREE);
        }
    }

    /** A correct password: the account's count starts again. */
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_attempt WHERE kind = 'user' AND subject = ?").param(subject(username)).update();
    }

    /** Forgets counts without a failure for {@link #FORGET_AFTER}. */
    void forgetOldFailures() {
        jdbc.sql("DELETE FROM login_attempt WHERE last_failure_at < ?").param(OffsetDateTime.now(clock).minus(FORGET_AFTER)).update();
    }

    /** The wait after {@code failures} failures when the first {@code free} cost nothing. */
    static Duration wait(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void count(String kind, String subject, int free) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Integer failures = current(kind, subject);
        if (failures == null) {
            jdbc.sql("INSERT INTO login_attempt (kind, subject, failures, last_failure_at) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING")
                    .params(kind, subject, now).update();
            failures = current(kind, subject); // ours, or another node's made at the same moment: locked either way
        }
        if (now.minus(FORGET_AFTER).isAfter(lastFailure(kind, subject))) {
            failures = 0;
        }
        int after = failures + 1;
        Duration wait = wait(after, free);
        jdbc.sql("UPDATE login_attempt SET failures = ?, last_failure_at = ?, blocked_until = ? WHERE kind = ? AND subject = ?")
                .params(after, now, wait.isZero() ? null : now.plus(wait), kind, subject).update();
    }

    private Integer current(String kind, String subject) {
        return jdbc.sql("SELECT failures FROM login_attempt WHERE kind = ? AND subject = ? FOR UPDATE").params(kind, subject)
                .query(Integer.class).optional().orElse(null);
    }

    private OffsetDateTime lastFailure(String kind, String subject) {
        return jdbc.sql("SELECT last_failure_at FROM login_attempt WHERE kind = ? AND subject = ?").params(kind, subject)
                .query(OffsetDateTime.class).single();
    }

    private static String subject(String value) {
        String s = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return s.length() <= MAX_SUBJECT ? s : s.substring(0, MAX_SUBJECT);
    }
}
