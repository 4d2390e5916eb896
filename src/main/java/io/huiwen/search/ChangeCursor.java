package io.huiwen.search;

import io.huiwen.article.ChangeLog.Change;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Where one reader stands in the change log. Change ids are handed out in order but committed in
 * any order, so a row can appear below ids already read: an id skipped over is a hole, looked for
 * again on every read until it appears (a commit that came late) or has been missing for the grace
 * period (a rolled-back insert, or ids a sequence skipped), whichever comes first. Changes past a
 * hole are applied at once; only the recorded position waits at the first hole, so a restart reads
 * again from there and nothing committed late is ever skipped.
 */
final class ChangeCursor {

    /** Holes kept at most; a wider jump in ids (a sequence moved by hand) is taken as ids never used. */
    static final int MAX_HOLES = 10_000;

    private long readUpTo;
    /** Missing id → when it was first found missing (ms). */
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    ChangeCursor(long position) {
        this.readUpTo = position;
    }

    /** The highest id read: the next read asks for changes after it. */
    long readUpTo() {
        return readUpTo;
    }

    /** Every change up to here has been applied: the position to record. */
    long position() {
        return holes.isEmpty() ? readUpTo : holes.firstKey() - 1;
    }

    boolean hasHoles() {
        return !holes.isEmpty();
    }

    long lowestHole() {
        return holes.firstKey();
    }

    long highestHole() {
        return holes.lastKey();
    }

    /** These changes were read after {@link #readUpTo()}, in id order; the ids skipped over become holes. */
    void read(List<Change> changes, long now) {
        for (Change c : changes) {
            for (long id = readUpTo + 1; id < c.id() && holes.size() < MAX_HOLES; id++) {
                holes.put(id, now);
            }
            readUpTo = Math.max(readUpTo, c.id());
        }
    }

    /** These changes turned up in holes (late commits); returns the ones that were holes, to apply. */
    List<Change> filled(Collection<Change> found) {
        return found.stream().filter(c -> holes.remove(c.id()) != null).toList();
    }

    /** Gives up on holes missing for longer than {@code graceMillis}: nothing will ever be committed there. */
    int expire(long now, long graceMillis) {
        int before = holes.size();
        holes.values().removeIf(since -> now - since >= graceMillis);
        return before - holes.size();
    }
}
