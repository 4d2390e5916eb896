package io.huiwen.article;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Turns at a host, shared by every collector node: {@code host_slot.next_at} is the earliest
 * instant the next request to a host may start. A node takes the slot by moving {@code next_at}
 * one gap past it, with a compare on the value it read, so two nodes never get the same slot and
 * the slots granted for a host are at least a gap apart, whichever nodes asked. Times are on the
 * database's clock, the one clock all nodes share. Each statement commits on its own: no lock is
 * held, or awaited, across statements.
 */
@Repository
public class HostSlots {

    private final JdbcClient jdbc;

    public HostSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A granted slot: {@code start} on the database's clock, and the moment on this JVM's
     * {@link System#nanoTime()} that corresponds to it, to sleep until.
     */
    public record Slot(Instant start, long startNanos) {}

    private record Seen(OffsetDateTime now, OffsetDateTime nextAt) {}

    /**
     * Reserves the next request to {@code host}: it starts no sooner than {@code notBefore} from
     * now, nor before the host's next free slot; the slot after it is {@code gap} later. Empty,
     * reserving nothing, when that start is more than {@code maxWait} away (or other nodes keep
     * taking the slot for that long).
     *
     * @throws org.springframework.dao.DataAccessException when the database cannot be reached
     */
    public Optional<Slot> reserve(String host, Duration gap, Duration notBefore, Duration maxWait) {
        long giveUp = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long readAt = System.nanoTime();
            Seen seen = jdbc.sql("SELECT CURRENT_TIMESTAMP, (SELECT next_at FROM host_slot WHERE host = ?)")
                    .param(host)
                    .query((rs, i) -> new Seen(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                    .single();
            OffsetDateTime start = micros(seen.now().plus(notBefore));
            if (seen.nextAt() != null && seen.nextAt().isAfter(start)) {
                start = seen.nextAt();
            }
            Duration wait = Duration.between(seen.now(), start);
            if (wait.compareTo(maxWait) > 0 || readAt > giveUp) {
                return Optional.empty();
            }
            OffsetDateTime next = micros(start.plus(gap));
            int taken = seen.nextAt() == null
                    ? jdbc.sql("INSERT INTO host_slot (host, next_at) VALUES (?, ?) ON CONFLICT DO NOTHING").params(host, next).update()
                    : jdbc.sql("UPDATE host_slot SET next_at = ? WHERE host = ? AND next_at = ?").params(next, host, seen.nextAt()).update();
            if (taken == 1) {
                return Optional.of(new Slot(start.toInstant(), readAt + wait.toNanos()));
            }
            // another node took the slot between our read and our write: read again
        }
    }

    /** Forgets hosts not fetched from for {@code idle}, so the table holds only hosts in use; returns how many. */
    public int pruneIdle(Duration idle) {
        OffsetDateTime now = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
        return jdbc.sql("DELETE FROM host_slot WHERE next_at < ?").param(now.minus(idle)).update();
    }

    /** Both databases keep microseconds: a value written must compare equal to itself read back. */
    private static OffsetDateTime micros(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
