package io.huiwen.cli;

import io.huiwen.article.CategoryRepository;
import io.huiwen.extract.ExtractionException;
import io.huiwen.ingest.Ingest;
import io.huiwen.search.IndexSync;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * {@code import [--category=SLUG] PATH...}: every file goes through ingest (extract → enrich →
 * store), then the index. Files are extracted and enriched on worker threads ({@link PreparedFiles})
 * and stored in their order on this one, those ready together in one transaction; each line saying a
 * file was imported is printed after its commit. A file that fails is reported on one line naming
 * it; the others still go through and nothing stored is touched by the failure (a batch that fails
 * for one file is stored again file by file).
 * A full disk or a closed database stops the import with one line and status 75; running it
 * again finishes it, the files already stored counted as duplicates.
 */
final class ImportCommand {

    private final Ingest ingest;
    private final CategoryRepository categories;
    private final IndexSync index;
    private final PrintStream out;
    private final PrintStream err;
    private final Path dataDir;
    private final boolean embeddedDatabase;

    /**
     * A command against a shared database (PostgreSQL) writes the change log and leaves indexing to
     * the running nodes: an index of its own would be thrown away, and reading the log into it would
     * only hold back pruning. On the embedded database the command is the node (it holds the data
     * directory, index and all), so it brings its index up to date itself.
     */
    static final String SHARED_DATABASE_INDEXING = "search indexes: the running nodes index these from the change log within seconds";

    /** Exit status of an import stopped by a full disk or a closed database: temporary, run it again (EX_TEMPFAIL). */
    static final int STOPPED = 75;

    /** Files read, extracted and enriched at once, each on a thread of its own, while one thread stores. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Files made ready ahead of the one being stored, at most. */
    static final int AHEAD = 128;
    /** Files stored in one transaction, at most. */
    static final int MAX_BATCH = 64;
    /**
     * How long the storing thread waits for more files to join a transaction: a commit rewrites the
     * database's changed pages whatever their number, so a few files per commit instead of one or two
     * halve the storing thread's work; the wait is short beside making a file ready, and no line is
     * printed before its commit.
     */
    static final long GATHER_NANOS = 200_000_000L;

    ImportCommand(Ingest ingest, CategoryRepository categories, IndexSync index, PrintStream out, PrintStream err,
                  Path dataDir, boolean embeddedDatabase) {
        this.dataDir = dataDir;
        this.embeddedDatabase = embeddedDatabase;
        this.ingest = ingest;
        this.categories = categories;
        this.index = index;
        this.out = out;
        this.err = err;
    }

    static ImportCommand from(ApplicationContext ctx, PrintStream out, PrintStream err) {
        return new ImportCommand(ctx.getBean(Ingest.class), ctx.getBean(CategoryRepository.class),
                ctx.getBean(IndexSync.class), out, err,
                ctx.getBean(io.huiwen.HuiwenProperties.class).dataDir(),
                ctx.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:"));
    }

    int run(Invocation inv) {
        String category = inv.option("category");
        if (category != null && categories.findBySlug(category).isEmpty()) {
            err.println("huiwen import: no category with slug '" + category + "'");
            return 2;
        }
        if (inv.operands().isEmpty()) {
            err.println("huiwen import: give at least one file or folder");
            return 2;
        }
        List<Path> files = InputFile.expand(inv.operands());
        Tally tally = new Tally(files.size());
        ImportStopped stopped = null;
        try (var ready = new PreparedFiles(files, file -> ingest.prepareImport(InputFile.read(file), file.toString(), category),
                THREADS, AHEAD)) {
            while (stopped == null && ready.hasNext()) {
                PreparedFiles.Ready first = ready.next();
                if (first.failure() != null) {
                    stopped = failed(first, first.failure(), tally);
                    continue;
                }
                // the files ready within a moment go in one transaction: one write to disk for all of them
                List<PreparedFiles.Ready> batch = new ArrayList<>(List.of(first));
                long until = System.nanoTime() + GATHER_NANOS;
                for (PreparedFiles.Ready more; batch.size() < MAX_BATCH
                        && (more = ready.nextIfPrepared(Math.max(0, until - System.nanoTime()))) != null; ) {
                    batch.add(more);
                }
                stopped = store(batch, tally);
            }
        }
        int imported = tally.imported, duplicates = tally.duplicates, failed = tally.failed, waiting = tally.waiting;
        if (stopped == null) {
            try {
                out.println(embeddedDatabase ? "indexed " + index.drain() : SHARED_DATABASE_INDEXING);
            } catch (RuntimeException e) {
                stopped = ImportStopped.of(e, dataDir, embeddedDatabase);
                if (stopped == null) {
                    throw e;
                }
            }
        }
        out.println("imported " + imported + ", duplicates " + duplicates + ", failed " + failed);
        if (waiting > 0) {
            out.println(waiting + " awaiting review: no category was given and none was sure; an editor publishes them at /admin");
        }
        if (stopped != null) {
            // each article went in with its tags and its change-log row in one transaction, or not at all;
            // the index reads whatever is stored on the next run, import or portal
            err.println("import stopped: " + stopped.reason() + "; make room and run the same import again: "
                    + "what is stored is skipped as a duplicate, the rest is imported");
            return STOPPED;
        }
        return failed > 0 ? 1 : 0;
    }

    /** What the import has done so far, for its progress lines and summary. */
    private static final class Tally {
        final int files;
        int imported, duplicates, failed, waiting;

        Tally(int files) {
            this.files = files;
        }

        String progress(PreparedFiles.Ready file) {
            return "[" + (file.index() + 1) + "/" + files + "] ";
        }
    }

    /**
     * Stores a batch in one transaction and prints a line for each file only once it is committed,
     * so every id printed is on disk. When the batch fails for one of its files, each is stored
     * again on its own, so that only that file fails.
     */
    private ImportStopped store(List<PreparedFiles.Ready> batch, Tally tally) {
        List<Ingest.Ingested> results;
        try {
            results = ingest.storeImported(batch.stream().map(PreparedFiles.Ready::prepared).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1 || ImportStopped.of(e, dataDir, embeddedDatabase) != null) {
                return failed(batch.get(0), e, tally);
            }
            for (PreparedFiles.Ready file : batch) {
                ImportStopped stopped = store(List.of(file), tally);
                if (stopped != null) {
                    return stopped;
                }
            }
            return null;
        }
        for (int i = 0; i < batch.size(); i++) {
            PreparedFiles.Ready file = batch.get(i);
            var stored = results.get(i).stored();
            if (stored.withdrawn()) {
                tally.duplicates++;
                out.println(tally.progress(file) + "skipped   " + file.file() + " (an editor deleted this article; it is not taken in again)");
            } else if (stored.duplicate()) {
                tally.duplicates++;
                out.println(tally.progress(file) + "duplicate " + file.file() + " (already stored as /a/" + stored.id() + ")");
            } else {
                tally.imported++;
                tally.waiting += stored.awaitingReview() ? 1 : 0;
                out.println(tally.progress(file) + "imported  " + file.file() + " -> /a/" + stored.id() + " "
                        + results.get(i).article().title() + (stored.awaitingReview() ? "  [awaiting review: category unsure]" : ""));
            }
        }
        return null;
    }

    /**
     * A file that could not be read, extracted or stored: reported, and the import goes on; or, when
     * no later file could be stored either (full disk, closed database), the reason to stop.
     */
    private ImportStopped failed(PreparedFiles.Ready file, Exception e, Tally tally) {
        ImportStopped stopped = e instanceof InputFile.UnreadableException || e instanceof ExtractionException ? null
                : ImportStopped.of(e, dataDir, embeddedDatabase);
        if (stopped == null) {
            tally.failed++;
            err.println(tally.progress(file) + "failed    " + file.file() + ": " + oneLine(e));
        } else {
            err.println(tally.progress(file) + "not stored " + file.file());
        }
        return stopped;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
