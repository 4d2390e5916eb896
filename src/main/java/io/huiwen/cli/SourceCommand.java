package io.huiwen.cli;

import io.huiwen.article.Source;
import io.huiwen.article.SourceCatalog;
import io.huiwen.article.SourceRepository;
import java.io.PrintStream;
import org.springframework.context.ApplicationContext;

/** {@code source add URL ...} and {@code source list}: registering sources from the shell. */
final class SourceCommand {

    private final SourceCatalog catalog;
    private final SourceRepository sources;
    private final PrintStream out;
    private final PrintStream err;

    SourceCommand(SourceCatalog catalog, SourceRepository sources, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.sources = sources;
        this.out = out;
        this.err = err;
    }

    static SourceCommand from(ApplicationContext ctx, PrintStream out, PrintStream err) {
        return new SourceCommand(ctx.getBean(SourceCatalog.class), ctx.getBean(SourceRepository.class), out, err);
    }

    int run(Invocation inv) {
        String action = inv.operands().isEmpty() ? "" : inv.operands().get(0);
        return switch (action) {
            case "add" -> add(inv);
            case "list" -> list();
            default -> {
                err.println("huiwen source: say 'source add URL [--category=SLUG] [--type=...]' or 'source list'");
                yield 2;
            }
        };
    }

    private int add(Invocation inv) {
        if (inv.operands().size() != 2) {
            err.println("huiwen source add: give exactly one URL");
            return 2;
        }
        try {
            Integer interval = inv.option("interval") == null ? null : Integer.valueOf(inv.option("interval"));
            Source s = catalog.create("cli", new Source.Settings(inv.option("name"), inv.operands().get(1),
                    inv.option("type") == null ? null : Source.Type.of(inv.option("type")), inv.option("category"), interval,
                    null, inv.option("charset"), inv.option("referer"), inv.flag("needs-review") ? Boolean.TRUE : null,
                    inv.option("selector"), inv.option("include"), inv.option("exclude")));
            out.println("added source " + s.id() + ": " + s.name() + " (" + s.type().code() + ") " + s.url()
                    + (s.category() == null ? "" : " -> " + s.category().slug()) + ", every " + s.intervalMinutes() + " min");
            return 0;
        } catch (NumberFormatException e) {
            err.println("huiwen source add: --interval must be a whole number of minutes");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("huiwen source add: " + e.getMessage());
            return 2;
        }
    }

    private int list() {
        for (Source s : sources.findAll()) {
            out.printf("%d\t%s\t%s\t%s\t%s%n", s.id(), s.type().code(), s.name(), s.url(),
                    s.lastError() == null ? (s.lastSuccessAt() == null ? "new" : "ok") : s.lastError() + " x" + s.errorStreak());
        }
        return 0;
    }
}
