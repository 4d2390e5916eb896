package io.huiwen.cli;

import io.huiwen.article.AuditLog;
import io.huiwen.article.RawPages;
import io.huiwen.extract.ExtractionException;
import io.huiwen.ingest.Ingest;
import io.huiwen.search.IndexSync;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * {@code reextract [--source=ID]}: runs the current extractor again over the raw pages kept for
 * collected articles, through ingest, as a poll of the same bytes would and updates them in place (ids, categories, stories and views stay,
 * and so do the fields an editor set by hand). The run is one entry in the audit log, by {@code cli}.
 */
final class ReextractCommand {

    private final RawPages raw;
    private final Ingest ingest;
    private final IndexSync index;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean embeddedDatabase;
    private final AuditLog audit;

    ReextractCommand(RawPages raw, Ingest ingest, IndexSync index, AuditLog audit, PrintStream out, PrintStream err, boolean embeddedDatabase) {
        this.audit = audit;
        this.embeddedDatabase = embeddedDatabase;
        this.raw = raw;
        this.ingest = ingest;
        this.index = index;
        this.out = out;
        this.err = err;
    }

    static ReextractCommand from(ApplicationContext ctx, PrintStream out, PrintStream err) {
        return new ReextractCommand(ctx.getBean(RawPages.class), ctx.getBean(Ingest.class), ctx.getBean(IndexSync.class), ctx.getBean(AuditLog.class), out, err,
                ctx.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:"));
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
                try {
                    ingest.reextract(id);
                    done++;
                } catch (ExtractionException | RuntimeException e) {
                    failed++;
                    err.println("failed    /a/" + id + " " + raw.get(id).url() + ": " + e.getMessage());
                }
            }
            after = ids.get(ids.size() - 1);
        }
        audit.record("cli", "article.reextract", "article", null,
                "命令行重新抽取" + (source == null ? "" : "来源 " + source + " 的") + "文章：成功 " + done + " 篇，失败 " + failed + " 篇", null, null);
        if (embeddedDatabase) {
            index.drain();
        } else {
            out.println(ImportCommand.SHARED_DATABASE_INDEXING);
        }
        out.println("re-extracted " + done + ", failed " + failed);
        return failed > 0 ? 1 : 0;
    }
}
