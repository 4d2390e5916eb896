package io.huiwen.cli;

import io.huiwen.article.CategoryRepository;
import io.huiwen.extract.ExtractionException;
import io.huiwen.ingest.Ingest;
import io.huiwen.search.IndexSync;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * {@code import [--category=SLUG] PATH...}: every file goes through ingest (extract → enrich →
 * store), then the index. A file that fails is reported on one line naming it; the others still go through and
 * nothing stored is touched by the failure (each article is stored in its own transaction).
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
        int imported = 0, duplicates = 0, failed = 0, waiting = 0;
        ImportStopped stopped = null;
        for (int i = 0; i < files.size() && stopped == null; i++) {
            Path file = files.get(i);
            String progress = "[" + (i + 1) + "/" + files.size() + "] ";
            try {
                var ingested = ingest.imported(InputFile.read(file), file.toString(), category);
                var stored = ingested.stored();
                if (stored.duplicate()) {
                    duplicates++;
                    out.println(progress + "duplicate " + file + " (already stored as /a/" + stored.id() + ")");
                } else {
                    imported++;
                    waiting += stored.awaitingReview() ? 1 : 0;
                    out.println(progress + "imported  " + file + " -> /a/" + stored.id() + " " + ingested.article().title()
                            + (stored.awaitingReview() ? "  [awaiting review: category unsure]" : ""));
                }
            } catch (InputFile.UnreadableException | ExtractionException e) {
                failed++;
                err.println(progress + "failed    " + file + ": " + oneLine(e));
            } catch (RuntimeException e) {
                stopped = ImportStopped.of(e, dataDir, embeddedDatabase);
                if (stopped == null) {
                    failed++;
                    err.println(progress + "failed    " + file + ": " + oneLine(e));
                } else {
                    err.println(progress + "not stored " + file);
                }
            }
        }
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

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
