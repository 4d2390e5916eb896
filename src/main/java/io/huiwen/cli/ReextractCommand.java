package io.huiwen.cli;

import io.huiwen.article.ArticleStore;
import io.huiwen.article.RawPages;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractionException;
import io.huiwen.search.IndexSync;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * {@code reextract [--source=ID]}: runs the current extractor again over the raw pages kept for
 * collected articles and updates them in place (ids, categories, stories and views stay).
 */
final class ReextractCommand {

    private final RawPages raw;
    private final ArticleStore store;
    private final IndexSync index;
    private final PrintStream out;
    private final PrintStream err;
    private final ArticleExtractor extractor = new ArticleExtractor();

    ReextractCommand(RawPages raw, ArticleStore store, IndexSync index, PrintStream out, PrintStream err) {
        this.raw = raw;
        this.store = store;
        this.index = index;
        this.out = out;
        this.err = err;
    }

    static ReextractCommand from(ApplicationContext ctx, PrintStream out, PrintStream err) {
        return new ReextractCommand(ctx.getBean(RawPages.class), ctx.getBean(ArticleStore.class), ctx.getBean(IndexSync.class), out, err);
    }

    int run(Invocation inv) {
        Long source;
        try {
            source = inv.option("source") == null ? null : Long.valueOf(inv.option("source"));
        } catch (NumberFormatException e) {
            err.println("huiwen reextract: --source must be a source id");
            return 2;
        }
        int done = 0, failed = 0;
        long after = 0;
        for (List<Long> ids = raw.idsAfter(after, source, 200); !ids.isEmpty(); ids = raw.idsAfter(after, source, 200)) {
            for (long id : ids) {
                RawPages.Kept page = raw.get(id);
                try {
                    store.replaceExtraction(id, extractor.extract(page.body(), page.url(), page.contentType(),
                            java.net.URI.create(page.url()), page.fetchedAt().toInstant()));
                    done++;
                } catch (ExtractionException | RuntimeException e) {
                    failed++;
                    err.println("failed    /a/" + id + " " + page.url() + ": " + e.getMessage());
                }
            }
            after = ids.get(ids.size() - 1);
        }
        index.drain();
        out.println("re-extracted " + done + ", failed " + failed);
        return failed > 0 ? 1 : 0;
    }
}
