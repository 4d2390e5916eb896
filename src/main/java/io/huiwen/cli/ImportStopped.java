package io.huiwen.cli;

import io.huiwen.article.DatabaseUnavailable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure after which no later file can be stored either: the disk of the data directory (or of
 * the database server) is full, or the database was closed under the import (H2 closes itself when
 * a write fails). The import stops there with one line instead of failing every remaining file.
 */
record ImportStopped(String reason) {

    /** H2's "no disk space available"; PostgreSQL's SQL state disk_full. */
    private static final int H2_NO_DISK_SPACE = 90100;
    private static final String PG_DISK_FULL = "53100";

    /** Why the import cannot go on, or null when this failure concerns only its own file. */
    static ImportStopped of(Throwable failure, Path dataDir, boolean embeddedDatabase) {
        String where = embeddedDatabase ? "in " + dataDir : "on the database server";
        for (Throwable t : causes(failure)) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof IOException && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))
                    || t instanceof SQLException e && (e.getErrorCode() == H2_NO_DISK_SPACE || PG_DISK_FULL.equals(e.getSQLState()))) {
                return new ImportStopped("no space left on device " + where);
            }
        }
        if (DatabaseUnavailable.causedBy(failure)) {
            return new ImportStopped("the database cannot be written " + where + " (" + root(failure) + ")");
        }
        return null;
    }

    /** The failure and its causes; a rollback that failed carries the failure it was rolling back for. */
    private static java.util.List<Throwable> causes(Throwable failure) {
        var out = new java.util.ArrayList<Throwable>();
        var todo = new java.util.ArrayDeque<Throwable>();
        todo.add(failure);
        while (!todo.isEmpty() && out.size() < 50) {
            Throwable t = todo.poll();
            if (out.contains(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof TransactionSystemException e && e.getApplicationException() != null) {
                todo.add(e.getApplicationException());
            }
        }
        return out;
    }

    static String root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
