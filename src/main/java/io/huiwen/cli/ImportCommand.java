package io.huiwen.cli;

import io.huiwen.article.ArticleStore;
import io.huiwen.article.CategoryRepository;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractionException;
import io.huiwen.search.IndexSync;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * {@code import [--category=SLUG] PATH...}: every file goes through extract → enrich → store →
 * index. A file that fails is reported on one line naming it; the others still go through and
 * nothing stored is touched by the failure (each article is stored in its own transaction).
 */
final class ImportCommand {

    private final ArticleStore store;
    private final CategoryRepository categories;
    private final IndexSync index;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final ArticleExtractor extractor = new ArticleExtractor();

    ImportCommand(ArticleStore store, CategoryRepository categories, IndexSync index, Clock clock, PrintStream out, PrintStream err) {
        this.store = store;
        this.categories = categories;
        this.index = index;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    static ImportCommand from(ApplicationContext ctx, PrintStream out, PrintStream err) {
        return new ImportCommand(ctx.getBean(ArticleStore.class), ctx.getBean(CategoryRepository.class),
                ctx.getBean(IndexSync.class), ctx.getBean(Clock.class), out, err);
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
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String progress = "[" + (i + 1) + "/" + files.size() + "] ";
            try {
                var page = extractor.extract(InputFile.read(file), file.toString(), null, null, clock.instant());
                var stored = store.store(page, category, OffsetDateTime.now(clock));
                if (stored.duplicate()) {
                    duplicates++;
                    out.println(progress + "duplicate " + file + " (already stored as /a/" + stored.id() + ")");
                } else {
                    imported++;
                    waiting += stored.awaitingReview() ? 1 : 0;
                    out.println(progress + "imported  " + file + " -> /a/" + stored.id() + " " + page.title()
                            + (stored.awaitingReview() ? "  [awaiting review: category unsure]" : ""));
                }
            } catch (InputFile.UnreadableException | ExtractionException | RuntimeException e) {
                failed++;
                err.println(progress + "failed    " + file + ": " + oneLine(e));
            }
        }
        int indexed = index.drain();
        out.println("indexed " + indexed);
        out.println("imported " + imported + ", duplicates " + duplicates + ", failed " + failed);
        if (waiting > 0) {
            out.println(waiting + " awaiting review: no category was given and none was sure; an editor publishes them at /admin");
        }
        return failed > 0 ? 1 : 0;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
