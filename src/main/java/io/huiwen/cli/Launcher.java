package io.huiwen.cli;

import io.huiwen.DataDirLock;
import io.huiwen.HuiwenApplication;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

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
        try {
            new SpringApplicationBuilder(HuiwenApplication.class).applicationStartup(startupRecording())
                    .listeners(new AheadOfTimeStart())
                    .run(inv.springArgs().toArray(String[]::new));
        } catch (RuntimeException e) {
            DataDirLock.InUseException inUse = inUse(e);
            if (inUse == null) {
                throw e;
            }
            err.println("huiwen serve: " + inUse.getMessage());
            return 2;
        }
        return KEEP_RUNNING;
    }

    /**
     * With {@code -Dhuiwen.startup-recording=true} (and {@code -XX:StartFlightRecording}), Spring's
     * start-up steps — each bean made, the configuration parsed, with their durations — go into the
     * flight recording as events, to see where a start's time goes (see BENCHMARKS.md).
     */
    private static ApplicationStartup startupRecording() {
        return Boolean.getBoolean("huiwen.startup-recording") ? new FlightRecorderApplicationStartup() : ApplicationStartup.DEFAULT;
    }

    /**
     * Runs a command inside a Spring context without the web server or demo content. The context locks
     * the data directory it resolves (see {@code DataDirectoryInitializer}) until it closes.
     */
    static int withContext(Invocation inv, PrintStream err, ToIntFunction<ConfigurableApplicationContext> command) {
        List<String> args = new ArrayList<>(inv.springArgs());
        // As command-line arguments, these outrank application.yml; a user's own option still wins.
        for (String setting : COMMAND_SETTINGS) {
            String name = setting.substring(0, setting.indexOf('='));
            if (!inv.options().containsKey(name)) {
                args.add("--" + setting);
            }
        }
        var starting = new AtomicReference<ConfigurableApplicationContext>();
        ConfigurableApplicationContext started;
        try {
            started = new SpringApplicationBuilder(HuiwenApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .initializers(starting::set)
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) { // the data directory is held, or the database or index cannot be opened: one line, not Spring's report
            DataDirLock.InUseException inUse = inUse(e);
            if (inUse != null) {
                err.println("huiwen " + inv.command() + ": " + inUse.getMessage());
                return 2;
            }
            ImportStopped why = starting.get() == null ? null : stopped(e, starting.get().getEnvironment());
            err.println("huiwen " + inv.command() + ": cannot start: " + (why != null ? why.reason() : ImportStopped.root(e)));
            return why != null ? ImportCommand.STOPPED : 1;
        }
        try (ConfigurableApplicationContext ctx = started) {
            return command.applyAsInt(ctx);
        }
    }

    /** Why a context could not start, described with the data directory and database Spring resolved. */
    private static ImportStopped stopped(RuntimeException e, Environment env) {
        String dataDir = env.getProperty("huiwen.data-dir");
        boolean embedded = env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        return dataDir == null ? null : ImportStopped.of(e, Path.of(dataDir), embedded);
    }

    private static DataDirLock.InUseException inUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataDirLock.InUseException e) {
                return e;
            }
        }
        return null;
    }
}
