package io.huiwen.cli;

import io.huiwen.search.IndexSync;
import java.io.PrintStream;
import org.springframework.context.ApplicationContext;

/** {@code reindex}: rebuilds the search index from the database, the source of truth. */
final class ReindexCommand {

    private final IndexSync index;
    private final PrintStream out;

    ReindexCommand(IndexSync index, PrintStream out) {
        this.index = index;
        this.out = out;
    }

    static ReindexCommand from(ApplicationContext ctx, PrintStream out) {
        return new ReindexCommand(ctx.getBean(IndexSync.class), out);
    }

    int run() {
        long start = System.nanoTime();
        long n = index.rebuild();
        out.printf("reindexed %d articles in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
