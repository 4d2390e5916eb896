package io.huiwen.cli;

import io.huiwen.DataDirLock;
import io.huiwen.HuiwenApplication;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point of the jar: runs the portal or one command, and says how it went. */
public final class Launcher {

    /** Returned by {@link #run} when the portal keeps running after the call. */
    public static final int KEEP_RUNNING = -1;

    static final String USAGE = """
            usage: java -jar huiwen.jar [COMMAND] [--name=value ...]
              serve                                   run the portal (the default)
              extract [--base-url=URL] [--jsonl] FILE|URL...
                                                      print the extracted article as JSON
              import [--category=SLUG] PATH...        extract, enrich, store and index files or folders
              reindex                                 rebuild the search index from the database
              reextract [--source=ID]                 extract stored raw pages again (after an extractor upgrade)
              source add URL [--category=SLUG] [--type=feed|sitemap|list|page] [--name=NAME] [--interval=MINUTES]
              source list                             the registered sources and their health
            Every command takes configuration properties as options, e.g. --huiwen.data-dir=/srv/huiwen""";

    /** Commands run without demo content, banner or chatty logs, and leave indexing to themselves. */
    static final List<String> COMMAND_SETTINGS = List.of("huiwen.demo-content=false", "spring.main.banner-mode=off",
            "logging.level.root=warn", "logging.level.io.huiwen=warn", "huiwen.search.sync-interval=1h",
            "huiwen.rank.flush-interval=1h", "huiwen.collect.enabled=false",
            // a command that cannot start says why in one line of its own (see withContext)
            "logging.level.org.springframework.boot.SpringApplication=off",
            "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=off");

    private Launcher() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation inv = Invocation.parse(args);
        return switch (inv.command()) {
            case "help" -> {
                out.println(USAGE);
                yield 0;
            }
            case "extract" -> new ExtractCommand(out, err).run(inv);
            case "serve" -> serve(inv, err);
            case "import" -> withContext(inv, err, ctx -> ImportCommand.from(ctx, out, err).run(inv));
            case "reindex" -> withContext(inv, err, ctx -> ReindexCommand.from(ctx, out).run());
            case "reextract" -> withContext(inv, err, ctx -> ReextractCommand.from(ctx, out, err).run(inv));
            case "source" -> withContext(inv, err, ctx -> SourceCommand.from(ctx, out, err).run(inv));
            default -> {
                err.println("huiwen: unknown command '" + inv.operands().get(0) + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private static int serve(Invocation inv, PrintStream err) {
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(dataDir(inv));
        } catch (DataDirLock.InUseException e) {
            err.println("huiwen serve: " + e.getMessage());
            return 2;
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HuiwenApplication.class)
                .run(inv.springArgs().toArray(String[]::new));
        ctx.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                lock.close();
            }
        });
        return KEEP_RUNNING;
    }

    /** Runs a command inside a Spring context without the web server or demo content, holding the data-dir lock. */
    static int withContext(Invocation inv, PrintStream err, ToIntFunction<ConfigurableApplicationContext> command) {
        try (DataDirLock lock = DataDirLock.acquire(dataDir(inv))) {
            List<String> args = new ArrayList<>(inv.springArgs());
            // As command-line arguments, these outrank application.yml; a user's own option still wins.
            for (String setting : COMMAND_SETTINGS) {
                String name = setting.substring(0, setting.indexOf('='));
                if (!inv.options().containsKey(name)) {
                    args.add("--" + setting);
                }
            }
            ConfigurableApplicationContext started;
            try {
                started = new SpringApplicationBuilder(HuiwenApplication.class)
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .run(args.toArray(String[]::new));
            } catch (RuntimeException e) { // the database or index cannot be opened: one line, not Spring's report
                boolean embedded = !inv.options().containsKey("spring.datasource.url") && System.getenv("SPRING_DATASOURCE_URL") == null;
                ImportStopped why = ImportStopped.of(e, dataDir(inv), embedded);
                err.println("huiwen " + inv.command() + ": cannot start: " + (why != null ? why.reason() : ImportStopped.root(e)));
                return why != null ? ImportCommand.STOPPED : 1;
            }
            try (ConfigurableApplicationContext ctx = started) {
                return command.applyAsInt(ctx);
            }
        } catch (DataDirLock.InUseException e) {
            err.println("huiwen " + inv.command() + ": " + e.getMessage());
            return 2;
        }
    }

    /** The data directory as Spring will see it: option, then environment, then system property, then ./data. */
    static Path dataDir(Invocation inv) {
        String dir = inv.option("huiwen.data-dir");
        if (dir == null) {
            dir = System.getenv("HUIWEN_DATA_DIR");
        }
        if (dir == null) {
            dir = System.getProperty("huiwen.data-dir", "./data");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
